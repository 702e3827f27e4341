using Microsoft.AspNetCore.Mvc;
using Renkei.Assessments;
using Renkei.Directory;

namespace Renkei.Web.Pages.Assessments;

/// <summary>
/// A response the operator shared with the campaign owner, as the owner's reviewers read it: its
/// answers and their history, the review button, and per answered item a proposal of a good
/// practice in anonymised words. Who reads it is the services' decision (404 otherwise).
/// </summary>
public sealed class ResponseModel(AssessmentService assessments, GoodPractices practices, EvidenceFiles evidence, DirectoryQueries directory) : RenkeiPageModel
{
    public CampaignView Campaign { get; private set; } = null!;
    public ResponseView Shared { get; private set; } = null!;
    public List<AssessmentItem> Items { get; private set; } = [];
    public List<AnswerChangeView> History { get; private set; } = [];
    public List<GoodPracticeView> Proposals { get; private set; } = [];
    public Dictionary<string, EvidenceView> Evidence { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>The proposal being written (one item's form); its errors show beside that item.</summary>
    [BindProperty]
    public ProposalForm Propose { get; set; } = new();

    public bool IsOwner => Campaign.OwnerOrganisationId == Caller.OrganisationId;

    /// <summary>Reviewers as the services count them: the owner's admins, coordinators and analysts.</summary>
    public bool Reviews => AssessmentService.ReviewsResponses(Caller, Campaign.OwnerOrganisationId);

    public AnswerView? AnswerOf(AssessmentItem item) => Shared.Answers.FirstOrDefault(a => a.Item == item.Code);

    public GoodPracticeView? ProposalOf(AssessmentItem item) => Proposals.FirstOrDefault(p => p.Item == item.Code);

    public AssessmentItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid responseId, CancellationToken ct) =>
        await LoadAsync(id, responseId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(Guid id, Guid responseId, CancellationToken ct)
    {
        var result = await assessments.ReviewAsync(Caller, id, responseId, ct);
        if (result.Ok)
        {
            Flash = L["Assessments.ReviewedFlash"];
            return Redirect($"/Assessments/{id}/Responses/{responseId}");
        }
        return await RefusedAsync(id, responseId, result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid id, Guid responseId, CancellationToken ct)
    {
        var result = await practices.ProposeAsync(Caller, id, responseId, new GoodPracticeInput { Item = Propose.Item, Text = Propose.Text }, ct);
        if (result.Ok)
        {
            Flash = L["Assessments.ProposedFlash"];
            return Redirect($"/Assessments/{id}/Responses/{responseId}");
        }
        return await RefusedAsync(id, responseId, result.Problem!, ct);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, Guid responseId, Common.Problem problem, CancellationToken ct)
    {
        var shown = ShowProblem(problem, nameof(Propose));
        return shown is NotFoundResult || !await LoadAsync(id, responseId, ct) ? NotFound() : shown;
    }

    private async Task<bool> LoadAsync(Guid id, Guid responseId, CancellationToken ct)
    {
        var campaign = await assessments.CampaignAsync(Caller, id, ct);
        var response = await assessments.ResponseAsync(Caller, id, responseId, ct);
        if (!campaign.Ok || !response.Ok || await assessments.FrameworkAsync(campaign.Value!.FrameworkId, ct) is not { } framework)
        {
            return false;
        }
        Campaign = campaign.Value!;
        Shared = response.Value!;
        Items = framework.Items.OrderBy(i => i.Position).ToList();
        var history = await assessments.HistoryAsync(Caller, id, responseId, ct);
        History = history.Ok ? history.Value! : [];
        var proposals = await practices.ListAsync(Caller, id, ct);
        Proposals = proposals.Ok ? proposals.Value!.Where(p => p.ResponseId == responseId).ToList() : [];
        var files = await evidence.ListAsync(Caller, id, responseId, ct);
        Evidence = files.Ok ? files.Value!.ToDictionary(e => EvidenceFiles.Reference(e.Id), StringComparer.Ordinal) : [];
        Sectors = await directory.SectorsAsync(Caller, ct);
        return true;
    }
}

/// <summary>One item's good-practice proposal as its form sends it.</summary>
public sealed class ProposalForm
{
    public string? Item { get; set; }
    public string? Text { get; set; }
}
