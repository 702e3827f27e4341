using Renkei.Assessments;

namespace Renkei.Web.Pages.Assessments;

/// <summary>The campaigns the caller sees (AccessPolicy.AssessmentCampaigns): those it runs, is addressed by, or reads aggregates of.</summary>
public sealed class IndexModel(AssessmentService assessments) : RenkeiPageModel
{
    public List<CampaignView> Campaigns { get; private set; } = [];

    public bool RunsCampaigns => AssessmentService.RunsCampaigns(Caller);

    public bool ReadsGoodPractices => GoodPractices.ReadsPublished(Caller);

    public async Task OnGetAsync(CancellationToken ct) => Campaigns = await assessments.CampaignsAsync(Caller, ct);
}
