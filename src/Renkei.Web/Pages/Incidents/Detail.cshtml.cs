using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Reports;

namespace Renkei.Web.Pages.Incidents;

/// <summary>One incident: its reports as the caller may see them, a drawn timeline, and the desk's edits.</summary>
public sealed class DetailModel(IncidentService incidents, ReportQueries queries, DirectoryQueries directory) : RenkeiPageModel
{
    public IncidentView Incident { get; private set; } = null!;
    public TimelineChart Chart { get; private set; } = new();
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>Submitted reports the caller may read that are not linked yet.</summary>
    public List<ReportSummary> Linkable { get; private set; } = [];

    public bool CanManage => IncidentService.CanManage(Caller);

    [BindProperty]
    public EditForm Input { get; set; } = new();

    [BindProperty]
    public Guid? ReportId { get; set; }

    public sealed class EditForm
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new EditForm { Title = Incident.Title, Summary = Incident.Summary, Version = Incident.Version };
        return Page();
    }

    /// <summary>Renames or summarises; the state stays as it is.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var current = await incidents.GetAsync(Caller, id, ct);
        if (current is null)
        {
            return NotFound();
        }
        return await RespondAsync(id, await incidents.UpdateAsync(Caller, id, new IncidentChange { Title = Input.Title ?? "", Summary = Input.Summary, State = current.State, Version = Input.Version }, ct), L["Flash.Saved"], ct);
    }

    /// <summary>Closes or reopens, keeping title and summary.</summary>
    public async Task<IActionResult> OnPostStateAsync(Guid id, IncidentState state, int? version, CancellationToken ct)
    {
        var current = await incidents.GetAsync(Caller, id, ct);
        if (current is null)
        {
            return NotFound();
        }
        var change = new IncidentChange { Title = current.Title, Summary = current.Summary, State = state, Version = version };
        return await RespondAsync(id, await incidents.UpdateAsync(Caller, id, change, ct), state == IncidentState.Closed ? L["Incident.Closed"] : L["Incident.Reopened"], ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct) =>
        await RespondAsync(id, ReportId is { } report ? await incidents.LinkAsync(Caller, id, report, ct) : Problem.Invalid("reportId", "is required"), L["Report.Linked"], ct);

    private async Task<IActionResult> RespondAsync(Guid id, Result<IncidentView> result, string done, CancellationToken ct)
    {
        if (result.Ok)
        {
            Flash = done;
            return Redirect($"/Incidents/{id}");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return ShowProblem(result.Problem!, result.Problem!.Errors?.ContainsKey("reportId") == true ? "" : "Input");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await incidents.GetAsync(Caller, id, ct);
        if (incident is null)
        {
            return false;
        }
        Incident = incident;
        Chart = TimelineChart.From(incident);
        Sectors = await directory.SectorsAsync(Caller, ct);
        if (CanManage)
        {
            var linked = incident.Reports.Select(r => r.Id).ToHashSet();
            Linkable = (await queries.ListAsync(Caller, new ReportFilter(), 0, 200, ct)).Items
                .Where(r => r.State != ReportState.Draft && !linked.Contains(r.Id)).ToList();
        }
        return true;
    }
}
