using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Web.Pages.Statistics;

namespace Renkei.Web.Pages.Assessments;

/// <summary>
/// Sector × item distributions and national figures, as the service gives them: a cell with
/// fewer than k respondents comes withheld (no counts at all) and is shown as such. When the
/// service does not give aggregates to this caller yet (not published, not theirs), the page says
/// why instead.
/// </summary>
public sealed class AggregatesModel(AssessmentService assessments, AssessmentAggregates aggregates, DirectoryQueries directory, IOptions<AssessmentOptions> options) : RenkeiPageModel
{
    public CampaignView Campaign { get; private set; } = null!;
    public Dictionary<string, AssessmentItem> Items { get; private set; } = [];
    public AggregateView? View { get; private set; }

    /// <summary>Why there are no aggregates to show (the service's refusal), if there are none.</summary>
    public string? Notice { get; private set; }

    public List<SectorView> Sectors { get; private set; } = [];

    public int MinimumCellSize => View?.MinimumCellSize ?? options.Value.MinimumCellSize;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var campaign = await assessments.CampaignAsync(Caller, id, ct);
        if (!campaign.Ok || await assessments.FrameworkAsync(campaign.Value!.FrameworkId, ct) is not { } framework)
        {
            return NotFound();
        }
        Campaign = campaign.Value!;
        Items = framework.Items.OrderBy(i => i.Position).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var view = await aggregates.AggregatesAsync(Caller, id, ct);
        if (view.Ok && view.Value!.Published)
        {
            View = view.Value;
        }
        else if (view.Ok)
        {
            // Figures appear once the campaign closes (AssessmentAggregates.Published), never while answers trickle in.
            Notice = L["Assessments.PublishedAtClose"];
        }
        else if (view.Problem!.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        else
        {
            Notice = view.Problem.Detail;
        }
        Sectors = await directory.SectorsAsync(Caller, ct);
        return Page();
    }

    /// <summary>The cells of each item in the framework's order: sectors, then the national figure.</summary>
    public IEnumerable<(AssessmentItem? Item, string Code, List<AggregateCell> Cells)> ByItem() =>
        (View?.Cells ?? []).GroupBy(c => c.Item).Select(g => (Items.GetValueOrDefault(g.Key), g.Key, g.OrderBy(c => c.SectorCode is null).ToList()));

    /// <summary>The national distribution of an item as a chart (none when withheld or not categorical).</summary>
    public BarChart? NationalChart(AssessmentItem? item, string code, List<AggregateCell> cells) =>
        cells.FirstOrDefault(c => c.SectorCode is null) is { Withheld: false, Values.Count: > 0 } national
            ? new BarChart("chart-" + code.Replace('.', '-'), L["Assessments.NationalChart", code], national.Values!.Select(v => new Bar(AssessmentText.Key(L, item, v.Key), v.Count)).ToList())
            : null;
}
