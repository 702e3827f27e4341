using Microsoft.AspNetCore.Mvc;
using Renkei.Assessments;
using Renkei.Directory;
using Renkei.Web.Pages.Statistics;

namespace Renkei.Web.Pages.Assessments;

/// <summary>
/// One campaign: its period and state (the owner opens and closes it), the response rate per
/// sector for those who read aggregates (the owner also sees who has not submitted and the
/// responses shared with it, to review), and for a respondent its own response with the way to answer and to its gap view.
/// </summary>
public sealed class DetailModel(AssessmentService assessments, AssessmentAggregates aggregates, DirectoryQueries directory) : RenkeiPageModel
{
    public CampaignView Campaign { get; private set; } = null!;
    public FrameworkSummary? Framework { get; private set; }
    public ResponseRateView? Rate { get; private set; }
    public ResponseView? Own { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>For the owner: the responses operators shared with it, to review (null for others).</summary>
    public List<SharedResponseView>? Shared { get; private set; }

    public bool IsOwner => Campaign.OwnerOrganisationId == Caller.OrganisationId;
    public bool MayMove => AssessmentService.KeepsCampaign(Caller, Campaign.OwnerOrganisationId);

    /// <summary>
    /// Whether the caller's organisation is among the respondents: any other organisation that
    /// sees the campaign is addressed by it, except the national centre and the ministries, who
    /// see every campaign to read aggregates (they answer only where they already have).
    /// </summary>
    public bool Responds => !IsOwner && (Own is not null || !AssessmentService.ReadsEveryCampaign(Caller));

    /// <summary>The share of submitted responses per sector, in percent.</summary>
    public BarChart RateChart => new("chart-response-rate", L["Assessments.RateChart"],
        (Rate?.Sectors ?? []).Select(s => new Bar(AssessmentText.Sector(Sectors, s.SectorCode, L), (int)Math.Round(s.Rate * 100))).ToList());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => MoveAsync(id, CampaignState.Open, L["Assessments.OpenedFlash"], ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => MoveAsync(id, CampaignState.Closed, L["Assessments.ClosedFlash"], ct);

    /// <summary>The owner reminds the organisations that have not submitted (the service allows one reminder a day).</summary>
    public async Task<IActionResult> OnPostRemindAsync(Guid id, CancellationToken ct)
    {
        var result = await assessments.RemindAsync(Caller, id, ct);
        if (result.Ok)
        {
            Flash = L["Assessments.RemindedFlash", result.Value!.Organisations];
            return Redirect($"/Assessments/{id}");
        }
        var shown = ShowProblem(result.Problem!, "");
        return shown is NotFoundResult || !await LoadAsync(id, ct) ? NotFound() : shown;
    }

    private async Task<IActionResult> MoveAsync(Guid id, CampaignState to, string done, CancellationToken ct)
    {
        var result = await assessments.MoveCampaignAsync(Caller, id, to, ct);
        if (result.Ok)
        {
            Flash = done;
            return Redirect($"/Assessments/{id}");
        }
        var shown = ShowProblem(result.Problem!, "");
        return shown is NotFoundResult || !await LoadAsync(id, ct) ? NotFound() : shown;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await assessments.CampaignAsync(Caller, id, ct);
        if (!campaign.Ok)
        {
            return false;
        }
        Campaign = campaign.Value!;
        Framework = (await assessments.FrameworksAsync(ct)).FirstOrDefault(f => f.Id == Campaign.FrameworkId);
        // The service decides who reads rates (national centre, ministries, owner); others see none.
        var rate = await aggregates.ResponseRateAsync(Caller, id, ct);
        Rate = rate.Ok ? rate.Value : null;
        var own = await assessments.OwnResponseAsync(Caller, id, ct);
        Own = own.Ok ? own.Value : null;
        var shared = await assessments.SharedResponsesAsync(Caller, id, ct);
        Shared = shared.Ok ? shared.Value : null;
        Sectors = await directory.SectorsAsync(Caller, ct);
        return true;
    }
}
