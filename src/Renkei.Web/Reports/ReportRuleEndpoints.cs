using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

public sealed record ReEvaluation(int Evaluated, int Changed);

/// <summary>Severity assessments, verification levels and reporting clocks.</summary>
public static class ReportRuleEndpoints
{
    public static IEndpointRouteBuilder MapReportRuleEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapPost("/{id:guid}/assessments", Assess).WithName("AssessReport")
            .WithSummary("Set the severity (0–4 on continuity, safety, trust; overall = highest); a reason is required when it differs from the suggestion.");
        reports.MapGet("/{id:guid}/assessments", Assessments).WithName("ListReportAssessments");
        reports.MapPut("/{id:guid}/verification-facts", StateVerificationFacts).WithName("StateReportVerificationFacts")
            .WithSummary("The desk (ministry in charge, NISC) states or corrects the qualitative verification facts (yes, no; unknown withdraws its statement); they count over the reporter's answers, which are kept.");

        var rules = api.MapGroup("/verification-rules").WithTags("Verification levels");
        rules.MapGet("/", ListVerificationRules).WithName("ListVerificationRules");
        rules.MapPut("/{code}", UpdateVerificationRule).WithName("UpdateVerificationRule").WithSummary("Edit a sector's verification level (versioned; reports keep their evaluation until re-evaluated).");
        rules.MapPost("/re-evaluate", ReEvaluate).WithName("ReEvaluateReports").WithSummary("Evaluate every submitted report against the current verification levels.");

        var deadlines = api.MapGroup("/reporting-deadlines").WithTags("Verification levels");
        deadlines.MapGet("/", ListDeadlines).WithName("ListReportingDeadlines");
        deadlines.MapPut("/{code}", UpdateDeadline).WithName("UpdateReportingDeadline");
        return api;
    }

    private static async Task<Results<Created<AssessmentView>, ProblemHttpResult>> Assess(Guid id, SeverityInput input, RequestCaller caller, ReportAssessor assessor, CancellationToken ct)
    {
        var result = await assessor.AssessAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/reports/{id}/assessments", result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<VerificationFactsResult>, ProblemHttpResult>> StateVerificationFacts(Guid id, VerificationFactsInput input, RequestCaller caller,
        ReportAssessor assessor, CancellationToken ct)
    {
        var result = await assessor.StateFactsAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<AssessmentView>>, ProblemHttpResult>> Assessments(Guid id, RequestCaller caller, ReportQueries queries, ReportAssessor assessor, CancellationToken ct) =>
        await queries.FindAsync(caller.Required, id, ct) is { } report ? TypedResults.Ok(await assessor.HistoryAsync(report, ct)) : ProblemResults.NotFound("The report");

    private static async Task<Ok<List<VerificationRule>>> ListVerificationRules(ReportRuleEditor editor, CancellationToken ct) =>
        TypedResults.Ok(await editor.VerificationRulesAsync(ct));

    private static async Task<Results<Ok<VerificationRule>, ProblemHttpResult>> UpdateVerificationRule(string code, VerificationRuleInput input, RequestCaller caller,
        ReportRuleEditor editor, CancellationToken ct)
    {
        var result = await editor.UpdateVerificationRuleAsync(caller.Required, code, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ReEvaluation>, ProblemHttpResult>> ReEvaluate(RequestCaller caller, ReportAssessor assessor, CancellationToken ct)
    {
        var result = await assessor.ReEvaluateAsync(caller.Required, ct);
        return result.Ok ? TypedResults.Ok(new ReEvaluation(result.Value.Evaluated, result.Value.Changed)) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Ok<List<DeadlineRule>>> ListDeadlines(ReportRuleEditor editor, CancellationToken ct) =>
        TypedResults.Ok(await editor.DeadlineRulesAsync(ct));

    private static async Task<Results<Ok<DeadlineRule>, ProblemHttpResult>> UpdateDeadline(string code, DeadlineRuleInput input, RequestCaller caller,
        ReportRuleEditor editor, CancellationToken ct)
    {
        var result = await editor.UpdateDeadlineRuleAsync(caller.Required, code, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

}
