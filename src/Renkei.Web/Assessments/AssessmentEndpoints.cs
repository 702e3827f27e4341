using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renkei.Assessments;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Assessments;

/// <summary>
/// The assessment engine (issue 16): frameworks, campaigns, each organisation's response and the
/// aggregates that protect respondents (sector × item cells below k withheld).
/// </summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/assessments").WithTags("Assessments");
        g.MapGet("/frameworks", Frameworks).WithName("ListAssessmentFrameworks").WithSummary("Framework versions.");
        g.MapPost("/frameworks", Import).WithName("ImportAssessmentFramework")
            .WithSummary("Import a framework version as JSON (docs/schemas/assessment-framework.schema.json); all items or nothing.");
        g.MapPost("/frameworks/csv", ImportCsv).WithName("ImportAssessmentFrameworkCsv").Accepts<string>("text/csv")
            .WithSummary("Import a framework version from CSV, one row per item (code, parent, answer_type, text_ja, text_en, guidance_ja, guidance_en, choices, scores, required, seed and, for the guideline, classification, concrete_ja, concrete_en); the framework's code, version, titleJa, titleEn and kind in the query.");
        g.MapGet("/frameworks/{id:guid}", Framework).WithName("GetAssessmentFramework").WithSummary("A framework version as JSON.");
        g.MapGet("/frameworks/{id:guid}/csv", FrameworkCsv).WithName("ExportAssessmentFrameworkCsv").Produces(200, contentType: "text/csv")
            .WithSummary("A framework version's items as CSV.");
        g.MapGet("/campaigns", Campaigns).WithName("ListAssessmentCampaigns").WithSummary("Campaigns the caller runs, is addressed by, or (national centre, ministries) reads aggregates of.");
        g.MapPost("/campaigns", CreateCampaign).WithName("CreateAssessmentCampaign").WithSummary("A campaign: framework version × audience × period, owned by the caller's organisation (draft).");
        g.MapGet("/campaigns/{id:guid}", Campaign).WithName("GetAssessmentCampaign").WithSummary("One campaign.");
        g.MapPost("/campaigns/{id:guid}/open", Open).WithName("OpenAssessmentCampaign").WithSummary("Open a draft campaign (its owner).");
        g.MapPost("/campaigns/{id:guid}/close", Close).WithName("CloseAssessmentCampaign").WithSummary("Close a campaign (its owner): no more answers.");
        g.MapPost("/campaigns/{id:guid}/remind", Remind).WithName("RemindAssessmentCampaign")
            .WithSummary("Remind the organisations that have not submitted, through the notification outbox (the owner; at most once per 24 hours, else 409).");
        g.MapGet("/campaigns/{id:guid}/response", OwnResponse).WithName("GetOwnAssessmentResponse").WithSummary("The caller's organisation's response with its answers.");
        g.MapPut("/campaigns/{id:guid}/response/answers", SaveAnswers).WithName("SaveAssessmentAnswers")
            .WithSummary("Save answers of the organisation's draft response (all or none; each checked against the item's answer type).");
        g.MapPost("/campaigns/{id:guid}/response/submit", Submit).WithName("SubmitAssessmentResponse").WithSummary("Submit the draft response.");
        g.MapPost("/campaigns/{id:guid}/response/share", Share).WithName("ShareAssessmentResponse")
            .WithSummary("Let the campaign owner read the organisation's answers (share=false takes it back). Nobody else ever reads them.");
        g.MapGet("/campaigns/{id:guid}/responses/{responseId:guid}", Response).WithName("GetAssessmentResponse").WithSummary("A response the caller may read: its own, or one shared with the owner.");
        g.MapGet("/campaigns/{id:guid}/responses/{responseId:guid}/history", History).WithName("GetAssessmentResponseHistory").WithSummary("Every value the response's answers had.");
        g.MapPost("/campaigns/{id:guid}/responses/{responseId:guid}/review", Review).WithName("ReviewAssessmentResponse").WithSummary("Mark a shared, submitted response reviewed (the owner).");
        g.MapGet("/campaigns/{id:guid}/aggregates", Aggregates).WithName("GetAssessmentAggregates")
            .WithSummary("Per sector × item and national distributions of submitted responses, published once the campaign is closed (published=false and no cells before); cells below Assessments:MinimumCellSize respondents are withheld; each cell carries the previous campaign's figures (year on year).");
        g.MapGet("/campaigns/{id:guid}/aggregates.csv", AggregatesCsv).WithName("ExportAssessmentAggregatesCsv").Produces(200, contentType: "text/csv")
            .WithSummary("The aggregates as CSV (withheld cells carry no counts); 409 before the campaign is closed.");
        g.MapGet("/campaigns/{id:guid}/gap-view", Gap).WithName("GetAssessmentGapView").WithSummary("The caller's organisation's answers beside its sector's distribution (published once the campaign is closed) and the previous campaign's.");
        g.MapGet("/campaigns/{id:guid}/response-rate", Rate).WithName("GetAssessmentResponseRate").WithSummary("Response rate per sector; the owner also sees who has not submitted.");
        g.MapPost("/campaigns/{id:guid}/responses/{responseId:guid}/good-practices", ProposeGoodPractice).WithName("ProposeAssessmentGoodPractice")
            .WithSummary("Propose an answer of a response shared with the owner as a good practice, in anonymised words (the owner's reviewers); listed only once the operator consents.");
        g.MapGet("/campaigns/{id:guid}/good-practices", GoodPracticesOf).WithName("ListAssessmentGoodPracticeProposals")
            .WithSummary("The campaign's good-practice proposals: all of them for the owner, those about its own answers for an operator.");
        g.MapPost("/campaigns/{id:guid}/good-practices/{practiceId:guid}/decision", DecideGoodPractice).WithName("DecideAssessmentGoodPractice")
            .WithSummary("The answering organisation consents (consent=true) or declines (consent=false) to the anonymised listing.");
        var limits = api.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        g.MapPost("/campaigns/{id:guid}/response/evidence/{item}", UploadEvidence).WithName("UploadAssessmentEvidence")
            .AcceptsUpload(ReportAttachments.Field, limits.MaxFileBytes)
            .WithSummary($"Upload a file as the evidence answer of an item (multipart/form-data, field '{ReportAttachments.Field}', at most {Common.ByteSize.Describe(limits.MaxFileBytes)}, " +
                $"{limits.MaxFilesPerReport} per response, as report attachments); the answer then names it. Draft responses of open campaigns only.");
        g.MapGet("/campaigns/{id:guid}/responses/{responseId:guid}/evidence", EvidenceOf).WithName("ListAssessmentEvidence")
            .WithSummary("The response's evidence files: whoever may read the response.");
        g.MapGet("/campaigns/{id:guid}/responses/{responseId:guid}/evidence/{evidenceId:guid}", DownloadEvidence).WithName("DownloadAssessmentEvidence")
            .WithSummary("An evidence file, always as a download; 404 unless the caller may read the response.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        g.MapGet("/good-practices", PublishedGoodPractices).WithName("ListAssessmentGoodPractices")
            .WithSummary("Consented good practices by item (itemCode, frameworkCode), with the sector and never the organisation: the national centre and the ministries.");
        return api;
    }

    private static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> UploadEvidence(Guid id, string item, IFormFile? file, RequestCaller caller, EvidenceFiles evidence, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        var r = await evidence.UploadAsync(caller.Required, id, item, file?.FileName, file?.ContentType, content, ct);
        return r.Ok
            ? TypedResults.Created($"/api/v1/assessments/campaigns/{id}/responses/{r.Value!.ResponseId}/evidence/{r.Value.Id}", r.Value)
            : ProblemResults.From(r.Problem!);
    }

    private static async Task<Results<Ok<List<EvidenceView>>, ProblemHttpResult>> EvidenceOf(Guid id, Guid responseId, RequestCaller caller, EvidenceFiles evidence, CancellationToken ct) =>
        ProblemResults.OkOr(await evidence.ListAsync(caller.Required, id, responseId, ct));

    /// <remarks>Never rendered by the browser: always Content-Disposition attachment, with nosniff and a CSP, as report attachments.</remarks>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadEvidence(Guid id, Guid responseId, Guid evidenceId, RequestCaller caller, EvidenceFiles evidence, CancellationToken ct) =>
        await evidence.DownloadAsync(caller.Required, id, responseId, evidenceId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ProblemResults.NotFound("The evidence file");

    private static async Task<Results<Created<GoodPracticeView>, ProblemHttpResult>> ProposeGoodPractice(Guid id, Guid responseId, GoodPracticeInput input, RequestCaller caller, GoodPractices p, CancellationToken ct)
    {
        var r = await p.ProposeAsync(caller.Required, id, responseId, input, ct);
        return r.Ok ? TypedResults.Created($"/api/v1/assessments/campaigns/{id}/good-practices", r.Value) : ProblemResults.From(r.Problem!);
    }

    private static async Task<Results<Ok<List<GoodPracticeView>>, ProblemHttpResult>> GoodPracticesOf(Guid id, RequestCaller caller, GoodPractices p, CancellationToken ct) =>
        ProblemResults.OkOr(await p.ListAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<GoodPracticeView>, ProblemHttpResult>> DecideGoodPractice(Guid id, Guid practiceId, GoodPracticeDecisionInput input, RequestCaller caller, GoodPractices p, CancellationToken ct) =>
        ProblemResults.OkOr(await p.DecideAsync(caller.Required, id, practiceId, input, ct));

    private static async Task<Results<Ok<List<PublishedGoodPractice>>, ProblemHttpResult>> PublishedGoodPractices(RequestCaller caller, GoodPractices p, CancellationToken ct,
        string? itemCode = null, string? frameworkCode = null) =>
        ProblemResults.OkOr(await p.PublishedAsync(caller.Required, itemCode, frameworkCode, ct));

    private static async Task<Ok<List<FrameworkSummary>>> Frameworks(RequestCaller caller, AssessmentService s, CancellationToken ct)
    {
        _ = caller.Required;
        return TypedResults.Ok(await s.FrameworksAsync(ct));
    }

    private static async Task<Results<Created<FrameworkDocument>, ProblemHttpResult>> Import(FrameworkDocument doc, RequestCaller caller, AssessmentService s, CancellationToken ct)
    {
        var r = await s.ImportAsync(caller.Required, doc, ct);
        return r.Ok ? TypedResults.Created($"/api/v1/assessments/frameworks", r.Value) : ProblemResults.From(r.Problem!);
    }

    private static async Task<Results<Created<FrameworkDocument>, ProblemHttpResult>> ImportCsv(HttpRequest request, RequestCaller caller, AssessmentService s, CancellationToken ct,
        string? code = null, int? version = null, string? titleJa = null, string? titleEn = null, string? kind = null)
    {
        if (!(request.ContentType ?? "").StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send the file as text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var r = await s.ImportCsvAsync(caller.Required, buffer.ToArray(), code, version, titleJa, titleEn, kind, ct);
        return r.Ok ? TypedResults.Created($"/api/v1/assessments/frameworks", r.Value) : ProblemResults.From(r.Problem!);
    }

    private static async Task<Results<Ok<FrameworkDocument>, ProblemHttpResult>> Framework(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct)
    {
        _ = caller.Required;
        return await s.FrameworkAsync(id, ct) is { } f ? TypedResults.Ok(FrameworkDocuments.ToDocument(f)) : ProblemResults.NotFound("The framework");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FrameworkCsv(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct)
    {
        _ = caller.Required;
        return await s.FrameworkAsync(id, ct) is { } f
            ? TypedResults.File(FrameworkDocuments.ToCsv(f), "text/csv; charset=utf-8", $"{f.Code}-v{f.Version}.csv")
            : ProblemResults.NotFound("The framework");
    }

    private static async Task<Ok<List<CampaignView>>> Campaigns(RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        TypedResults.Ok(await s.CampaignsAsync(caller.Required, ct));

    private static async Task<Results<Created<CampaignView>, ProblemHttpResult>> CreateCampaign(CampaignInput input, RequestCaller caller, AssessmentService s, CancellationToken ct)
    {
        var r = await s.CreateCampaignAsync(caller.Required, input, ct);
        return r.Ok ? TypedResults.Created($"/api/v1/assessments/campaigns/{r.Value!.Id}", r.Value) : ProblemResults.From(r.Problem!);
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> Campaign(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.CampaignAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> Open(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.MoveCampaignAsync(caller.Required, id, CampaignState.Open, ct));

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> Close(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.MoveCampaignAsync(caller.Required, id, CampaignState.Closed, ct));

    private static async Task<Results<Ok<ReminderView>, ProblemHttpResult>> Remind(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.RemindAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> OwnResponse(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.OwnResponseAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> SaveAnswers(Guid id, AnswersInput input, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.SaveAnswersAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Submit(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct, int? version = null) =>
        ProblemResults.OkOr(await s.SubmitAsync(caller.Required, id, version, ct));

    private static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Share(Guid id, RequestCaller caller, AssessmentService s, CancellationToken ct, bool share = true) =>
        ProblemResults.OkOr(await s.ShareAsync(caller.Required, id, share, ct));

    private static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Response(Guid id, Guid responseId, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.ResponseAsync(caller.Required, id, responseId, ct));

    private static async Task<Results<Ok<List<AnswerChangeView>>, ProblemHttpResult>> History(Guid id, Guid responseId, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.HistoryAsync(caller.Required, id, responseId, ct));

    private static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> Review(Guid id, Guid responseId, RequestCaller caller, AssessmentService s, CancellationToken ct) =>
        ProblemResults.OkOr(await s.ReviewAsync(caller.Required, id, responseId, ct));

    private static async Task<Results<Ok<AggregateView>, ProblemHttpResult>> Aggregates(Guid id, RequestCaller caller, AssessmentAggregates a, CancellationToken ct) =>
        ProblemResults.OkOr(await a.AggregatesAsync(caller.Required, id, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AggregatesCsv(Guid id, RequestCaller caller, AssessmentAggregates a, CancellationToken ct)
    {
        var r = await a.CsvAsync(caller.Required, id, ct);
        return r.Ok ? TypedResults.File(r.Value!, "text/csv; charset=utf-8", "aggregates.csv") : ProblemResults.From(r.Problem!);
    }

    private static async Task<Results<Ok<GapView>, ProblemHttpResult>> Gap(Guid id, RequestCaller caller, AssessmentAggregates a, CancellationToken ct) =>
        ProblemResults.OkOr(await a.GapViewAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<ResponseRateView>, ProblemHttpResult>> Rate(Guid id, RequestCaller caller, AssessmentAggregates a, CancellationToken ct) =>
        ProblemResults.OkOr(await a.ResponseRateAsync(caller.Required, id, ct));
}
