using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

public sealed record LinkInput(Guid? ReportId);

/// <summary>Question threads, incidents (事案) and statistics.</summary>
public static class ConsolidationEndpoints
{
    public static IEndpointRouteBuilder MapConsolidationEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/{id:guid}/messages", Messages).WithName("ListReportMessages");
        reports.MapPost("/{id:guid}/messages", Post).WithName("PostReportMessage")
            .WithSummary("A desk's question or the reporting side's answer; the relaying secretariat or agency may answer for an anonymised reporter.");

        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListIncidents).WithName("ListIncidents");
        incidents.MapPost("/", CreateIncident).WithName("CreateIncident").WithSummary("Link reports into one incident (NISC and ministry desks).");
        incidents.MapGet("/{id:guid}", GetIncident).WithName("GetIncident");
        incidents.MapPut("/{id:guid}", UpdateIncident).WithName("UpdateIncident").WithSummary("Rename, summarise, close or reopen an incident (with its version).");
        incidents.MapPost("/{id:guid}/reports", Link).WithName("LinkReportToIncident");

        var statistics = api.MapGroup("/statistics").WithTags("Statistics");
        statistics.MapGet("/reports", Summary).WithName("ReportStatistics").WithSummary("Submitted reports the caller can read, by sector, threat category, severity and month (JST).");
        statistics.MapGet("/verification-levels", Beyond).WithName("VerificationLevelStatistics")
            .WithSummary("Outages beyond each sector's verification level per fiscal year (April–March, JST): the figure the action plan is evaluated on.");
        statistics.MapGet("/verification-levels.csv", BeyondCsv).WithName("VerificationLevelStatisticsCsv").Produces(200, contentType: "text/csv");
        return api;
    }

    private static async Task<Results<Ok<List<MessageView>>, ProblemHttpResult>> Messages(Guid id, RequestCaller caller, ReportQueries queries, ReportThread thread, CancellationToken ct) =>
        await queries.FindAsync(caller.Required, id, ct) is { } report ? TypedResults.Ok(await thread.ReadAsync(report, ct)) : ProblemResults.NotFound("The report");

    private static async Task<Results<Created<MessageView>, ProblemHttpResult>> Post(Guid id, MessageInput input, RequestCaller caller, ReportThread thread, CancellationToken ct)
    {
        var result = await thread.PostAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/reports/{id}/messages", result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Ok<List<IncidentView>>> ListIncidents(RequestCaller caller, IncidentService incidents, CancellationToken ct) =>
        TypedResults.Ok(await incidents.ListAsync(caller.Required, ct));

    private static async Task<Results<Created<IncidentView>, ProblemHttpResult>> CreateIncident(IncidentInput input, RequestCaller caller, IncidentService incidents, CancellationToken ct)
    {
        var result = await incidents.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/incidents/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> GetIncident(Guid id, RequestCaller caller, IncidentService incidents, CancellationToken ct) =>
        await incidents.GetAsync(caller.Required, id, ct) is { } incident ? TypedResults.Ok(incident) : ProblemResults.NotFound("The incident");

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> UpdateIncident(Guid id, IncidentChange input, RequestCaller caller, IncidentService incidents, CancellationToken ct)
    {
        var result = await incidents.UpdateAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> Link(Guid id, LinkInput input, RequestCaller caller, IncidentService incidents, CancellationToken ct)
    {
        if (input.ReportId is not { } reportId)
        {
            return ProblemResults.From(Problem.Invalid("reportId", "is required"));
        }
        var result = await incidents.LinkAsync(caller.Required, id, reportId, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    /// <param name="fiscalYear">Optional: that fiscal year only, with a row for every sector of its sector set (see sectorSet in the response).</param>
    private static async Task<Results<Ok<ReportStatisticsView>, ProblemHttpResult>> Summary(RequestCaller caller, ReportStatistics statistics, CancellationToken ct,
        DateTime? from = null, DateTime? to = null, int? fiscalYear = null) =>
        InvalidFiscalYear(fiscalYear) is { } problem ? problem
            : TypedResults.Ok(await statistics.SummaryAsync(caller.Required, from?.ToUniversalTime(), to?.ToUniversalTime(), fiscalYear, ct));

    private static async Task<Results<Ok<List<VerificationYearRow>>, ProblemHttpResult>> Beyond(RequestCaller caller, ReportStatistics statistics, CancellationToken ct,
        int? fiscalYear = null) =>
        InvalidFiscalYear(fiscalYear) is { } problem ? problem : TypedResults.Ok(await statistics.BeyondVerificationLevelAsync(caller.Required, fiscalYear, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BeyondCsv(RequestCaller caller, ReportStatistics statistics, CancellationToken ct,
        int? fiscalYear = null) =>
        InvalidFiscalYear(fiscalYear) is { } problem ? problem
            : TypedResults.File(await statistics.BeyondVerificationLevelCsvAsync(caller.Required, fiscalYear, ct), "text/csv; charset=utf-8", "verification-levels.csv");

    private static ProblemHttpResult? InvalidFiscalYear(int? fiscalYear) =>
        fiscalYear is < 1990 or > 2999 ? ProblemResults.From(Problem.Invalid("fiscalYear", "must be a fiscal year from 1990 to 2999")) : null;
}
