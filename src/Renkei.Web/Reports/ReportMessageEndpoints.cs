using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

/// <summary>A report's question thread (desks ask, the reporting side answers).</summary>
public static class ReportMessageEndpoints
{
    public static IEndpointRouteBuilder MapReportMessageEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/{id:guid}/messages", Messages).WithName("ListReportMessages");
        reports.MapPost("/{id:guid}/messages", Post).WithName("PostReportMessage")
            .WithSummary("A desk's question or the reporting side's answer; the relaying secretariat or agency may answer for an anonymised reporter.");
        return api;
    }

    private static async Task<Results<Ok<List<MessageView>>, ProblemHttpResult>> Messages(Guid id, RequestCaller caller, ReportQueries queries, ReportThread thread, CancellationToken ct) =>
        await queries.FindAsync(caller.Required, id, ct) is { } report ? TypedResults.Ok(await thread.ReadAsync(report, ct)) : ProblemResults.NotFound("The report");

    private static async Task<Results<Created<MessageView>, ProblemHttpResult>> Post(Guid id, MessageInput input, RequestCaller caller, ReportThread thread, CancellationToken ct)
    {
        var result = await thread.PostAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/reports/{id}/messages", result.Value!) : ProblemResults.From(result.Problem!);
    }
}
