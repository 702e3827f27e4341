using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Assessments;

/// <summary>The organisation's own answers beside its sector's distribution (withheld below k like every cell).</summary>
public sealed class GapModel(AssessmentService assessments, AssessmentAggregates aggregates, DirectoryQueries directory, IOptions<AssessmentOptions> options) : RenkeiPageModel
{
    public CampaignView Campaign { get; private set; } = null!;
    public Dictionary<string, AssessmentItem> Items { get; private set; } = [];
    public GapView? View { get; private set; }
    public string? Notice { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];

    public int MinimumCellSize => options.Value.MinimumCellSize;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var campaign = await assessments.CampaignAsync(Caller, id, ct);
        if (!campaign.Ok || await assessments.FrameworkAsync(campaign.Value!.FrameworkId, ct) is not { } framework)
        {
            return NotFound();
        }
        Campaign = campaign.Value!;
        Items = framework.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var view = await aggregates.GapViewAsync(Caller, id, ct);
        if (view.Ok)
        {
            View = view.Value;
        }
        else
        {
            // No response yet (404 from the service) is not a missing page: the campaign is there.
            Notice = view.Problem!.Kind == ProblemKind.NotFound ? L["Assessments.GapNoResponse"] : view.Problem.Detail;
        }
        Sectors = await directory.SectorsAsync(Caller, ct);
        return Page();
    }
}
