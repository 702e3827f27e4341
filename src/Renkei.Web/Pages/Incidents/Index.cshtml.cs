using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.Reports;

namespace Renkei.Web.Pages.Incidents;

/// <summary>Incidents (事案): reports that desks found to be one event; NISC and ministry desks create them.</summary>
public sealed class IndexModel(IncidentService incidents, ReportQueries queries, DirectoryQueries directory) : RenkeiPageModel
{
    private const int Candidates = 200;

    public List<IncidentView> Incidents { get; private set; } = [];

    /// <summary>Submitted reports the caller may read, to pick from.</summary>
    public List<ReportSummary> Reports { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    [BindProperty]
    public IncidentForm Input { get; set; } = new();

    public sealed class IncidentForm
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public List<Guid> ReportIds { get; set; } = [];
    }

    public bool CanManage => IncidentService.CanManage(Caller);

    public async Task OnGetAsync(Guid? report, CancellationToken ct)
    {
        if (report is { } id)
        {
            Input.ReportIds.Add(id);
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await incidents.CreateAsync(Caller, new IncidentInput { Title = Input.Title ?? "", Summary = Input.Summary, ReportIds = Input.ReportIds }, ct);
        if (!result.Ok)
        {
            await LoadAsync(ct);
            return ShowProblem(result.Problem!);
        }
        Flash = L["Incident.Created"];
        return Redirect($"/Incidents/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Incidents = await incidents.ListAsync(Caller, ct);
        Sectors = await directory.SectorsAsync(Caller, ct);
        if (CanManage)
        {
            Reports = (await queries.ListAsync(Caller, new ReportFilter(), 0, Candidates, ct)).Items.Where(r => r.State != ReportState.Draft).ToList();
        }
    }
}
