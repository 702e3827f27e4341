using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

public sealed record SubmitInput(int? Version = null);

public sealed record ForwardInput
{
    [MaxLength(4000, ErrorMessage = "must be at most 4000 characters")]
    public string? Annotation { get; init; }
}

/// <summary>Incident reports (情報連絡): filing, submissions, and the desks along the route.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/export.csv", ReportExportEndpoints.Export).WithName("ExportReports").Produces(200, contentType: "text/csv")
            .WithSummary("The list as CSV (same filters, at most 10,000 rows): reporters named exactly as in the list. The export is audited.");
        reports.MapGet("/", List).WithName("ListReports")
            .WithSummary("Reports the caller may read (own organisation's, those that reached the caller's desk, near misses shared with the sector).");
        reports.MapPost("/", Create).WithName("CreateReport").WithSummary("Create a draft report with its route.");
        reports.MapGet("/{id:guid}", Get).WithName("GetReport").WithSummary("A report; the reporter is a pseudonym unless the caller may know who reported.");
        reports.MapPut("/{id:guid}", UpdateDraft).WithName("UpdateDraftReport");
        reports.MapDelete("/{id:guid}", DeleteDraft).WithName("DeleteDraftReport");
        reports.MapPost("/{id:guid}/submit", Submit).WithName("SubmitReport").WithSummary("Send the draft as the first report (速報).");
        reports.MapPost("/{id:guid}/updates", AddSubmission).WithName("AddReportUpdate").WithSummary("File an update (続報) or the final report (確報).");
        reports.MapGet("/{id:guid}/versions", Versions).WithName("ListReportVersions").WithSummary("Every submission, with the fields each changed.");
        reports.MapPost("/{id:guid}/acknowledge", Acknowledge).WithName("AcknowledgeReport");
        reports.MapPost("/{id:guid}/forward", Forward).WithName("ForwardReport").WithSummary("Pass the report to the next hop of its route, with an annotation.");
        reports.MapPost("/{id:guid}/referrals", Refer).WithName("ReferReport")
            .WithSummary("Pass the report to the police (crime_report, 犯罪被害等の通報) or make a liaison request (liaison_request, 連携要請) to an incident-handling agency; recorded as a hop.");
        api.MapGet("/threat-taxonomy", Taxonomy).WithTags("Reports").WithName("ThreatTaxonomy");
        api.MapGet("/threat-taxonomy/groupings", TaxonomyGroupings).WithTags("Reports").WithName("ThreatTaxonomyGroupings")
            .WithSummary("Threats the operator receives (自ら受ける脅威) and causes to others (他に与える脅威), with their categories.");
        api.MapGet("/threat-taxonomy/responders", TaxonomyResponders).WithTags("Reports").WithName("ThreatTaxonomyResponders")
            .WithSummary("Who handles a threat example: society as a whole, or the operator.");
        return api;
    }

    private static async Task<Results<Ok<Page<ReportSummary>>, ProblemHttpResult>> List(RequestCaller caller, ReportQueries queries, CancellationToken ct,
        string? state = null, string? kind = null, string? sector = null, string? route = null, Guid? organisation = null, string? q = null,
        bool? overdue = null, bool? beyondVerificationLevel = null, int? minSeverity = null, int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        var filter = Filter(state, kind, sector, route, organisation, q, overdue, beyondVerificationLevel, minSeverity);
        return filter.Ok
            ? TypedResults.Ok(await queries.ListAsync(caller.Required, filter.Value!, offset, limit, ct))
            : ProblemResults.From(filter.Problem!);
    }

    /// <summary>The list's query parameters as a filter (shared with the CSV export).</summary>
    public static Result<ReportFilter> Filter(string? state, string? kind, string? sector, string? route, Guid? organisation, string? q,
        bool? overdue, bool? beyondVerificationLevel, int? minSeverity)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (minSeverity is < 0 or > 4)
        {
            errors["minSeverity"] = [Text.T("must be between 0 and 4")];
        }
        var filter = new ReportFilter(Parse<ReportState>(state, "state", errors), Parse<ReportKind>(kind, "kind", errors), sector, Parse<ReportRoute>(route, "route", errors),
            organisation, q, overdue, beyondVerificationLevel, minSeverity);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        return filter;
    }

    private static async Task<Results<Created<ReportView>, ProblemHttpResult>> Create(ReportInput input, RequestCaller caller, ReportService reports, CancellationToken ct)
    {
        var result = await reports.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/reports/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, ReportQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caller.Required, id, ct) is { } report ? TypedResults.Ok(report) : ProblemResults.NotFound("The report");

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> UpdateDraft(Guid id, ReportInput input, RequestCaller caller, ReportService reports, CancellationToken ct) =>
        Respond(await reports.UpdateDraftAsync(caller.Required, id, input, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDraft(Guid id, RequestCaller caller, ReportService reports, CancellationToken ct)
    {
        var result = await reports.DeleteDraftAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Submit(Guid id, SubmitInput? input, RequestCaller caller, ReportService reports, CancellationToken ct) =>
        Respond(await reports.SubmitAsync(caller.Required, id, input?.Version, ct));

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> AddSubmission(Guid id, ReportUpdateInput input, RequestCaller caller, ReportService reports, CancellationToken ct) =>
        Respond(await reports.AddSubmissionAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<List<ReportVersionView>>, ProblemHttpResult>> Versions(Guid id, RequestCaller caller, ReportQueries queries, CancellationToken ct) =>
        await queries.FindAsync(caller.Required, id, ct) is { } report ? TypedResults.Ok(await queries.VersionsAsync(report, ct)) : ProblemResults.NotFound("The report");

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Acknowledge(Guid id, RequestCaller caller, ReportService reports, CancellationToken ct) =>
        Respond(await reports.AcknowledgeAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Forward(Guid id, ForwardInput? input, RequestCaller caller, ReportService reports, CancellationToken ct) =>
        Respond(await reports.ForwardAsync(caller.Required, id, input?.Annotation, ct));

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Refer(Guid id, ReferralInput input, RequestCaller caller, ReportService reports, CancellationToken ct) =>
        Respond(await reports.ReferAsync(caller.Required, id, input, ct));

    private static Ok<IReadOnlyList<ThreatCategory>> Taxonomy() => TypedResults.Ok(ThreatTaxonomy.Instance.Categories);

    private static Ok<IReadOnlyList<ThreatGroupingView>> TaxonomyGroupings() => TypedResults.Ok(ThreatTaxonomy.Instance.Groupings);

    private static Ok<IReadOnlyList<ThreatDimension>> TaxonomyResponders() => TypedResults.Ok(ThreatTaxonomy.Instance.Responders);

    private static Results<Ok<ReportView>, ProblemHttpResult> Respond(Result<ReportView> result) =>
        result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);

    private static T? Parse<T>(string? text, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }
        if (EnumText.TryParse<T>(text, out var value))
        {
            return value;
        }
        errors[field] = [Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<T>()))];
        return null;
    }
}
