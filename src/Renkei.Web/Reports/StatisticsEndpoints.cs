using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Reports;

/// <summary>Report statistics and the verification-level figures the action plan is evaluated on.</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Statistics");
        statistics.MapGet("/reports", Summary).WithName("ReportStatistics").WithSummary("Submitted reports the caller can read, by sector, threat category, severity and month (JST).");
        statistics.MapGet("/verification-levels", Beyond).WithName("VerificationLevelStatistics")
            .WithSummary("Outages beyond each sector's verification level per fiscal year (April–March, JST): the figure the action plan is evaluated on.");
        statistics.MapGet("/verification-levels.csv", BeyondCsv).WithName("VerificationLevelStatisticsCsv").Produces(200, contentType: "text/csv");
        return api;
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
