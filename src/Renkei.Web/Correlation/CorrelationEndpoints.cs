using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Correlation;
using Renkei.Indicators;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Correlation;

/// <summary>
/// Indicator correlation ("seen before"): where else an indicator appears, among the reports,
/// advisories and indicator sets the caller may read.
/// </summary>
public static class CorrelationEndpoints
{
    public static IEndpointRouteBuilder MapCorrelationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/indicators", Lookup).WithTags("Correlation").WithName("LookupIndicator")
            .WithSummary("The reports, advisories and indicator sets the caller may read that carry one indicator (type and value; the value is normalised first), newest first.");
        api.MapGet("/reports/{id:guid}/correlations", Report).WithTags("Correlation").WithName("ReportCorrelations")
            .WithSummary("The report's indicators seen elsewhere, each with the other places the caller may read.");
        api.MapGet("/advisories/{id:guid}/correlations", Advisory).WithTags("Correlation").WithName("AdvisoryCorrelations")
            .WithSummary("The advisory's indicators seen elsewhere, each with the other places the caller may read.");
        api.MapGet("/indicator-sets/{id:guid}/correlations", IndicatorSet).WithTags("Correlation").WithName("IndicatorSetCorrelations")
            .WithSummary("The set's indicators seen elsewhere (only indicators with a simple STIX pattern — one comparison of an address, domain, URL, e-mail address or hash — correlate), a page at a time.");
        return api;
    }

    private static async Task<Results<Ok<IndicatorLookup>, ProblemHttpResult>> Lookup(RequestCaller caller, CorrelationQueries queries, CancellationToken ct,
        string? type = null, string? value = null, int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        IndicatorType? parsed = null;
        if (string.IsNullOrWhiteSpace(type))
        {
            errors["type"] = [Text.T("is required")];
        }
        else if (EnumText.TryParse<IndicatorType>(type.Trim().ToLowerInvariant(), out var t))
        {
            parsed = t;
        }
        else
        {
            errors["type"] = [Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<IndicatorType>()))];
        }
        string? normalised = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            errors["value"] = [Text.T("is required")];
        }
        else if (value.Length > IndicatorOccurrences.MaxValueLength)
        {
            errors["value"] = [Text.T("must be at most {0} characters", IndicatorOccurrences.MaxValueLength)];
        }
        else if (parsed is { } known && (normalised = IndicatorRules.Normalise(known, value)) is null)
        {
            errors["value"] = [Text.T("is not a valid {0}", EnumText.ToText(known))];
        }
        if (errors.Count > 0)
        {
            return ProblemResults.From(Problem.Invalid(errors));
        }
        return TypedResults.Ok(await queries.LookupAsync(caller.Required, parsed!.Value, normalised!, offset, limit, ct));
    }

    private static async Task<Results<Ok<Page<IndicatorCorrelation>>, ProblemHttpResult>> Report(Guid id, RequestCaller caller, Renkei.Reports.ReportQueries reports, CorrelationQueries queries, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return await reports.FindAsync(caller.Required, id, ct) is { } report
            ? TypedResults.Ok(await queries.ForReportAsync(report, offset, limit, recordRead: true, ct))
            : ProblemResults.NotFound("The report");
    }

    private static async Task<Results<Ok<Page<IndicatorCorrelation>>, ProblemHttpResult>> Advisory(Guid id, RequestCaller caller, CorrelationQueries queries, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return await queries.ForAdvisoryAsync(caller.Required, id, offset, limit, recordRead: true, ct) is { } page ? TypedResults.Ok(page) : ProblemResults.NotFound("The advisory");
    }

    private static async Task<Results<Ok<Page<IndicatorCorrelation>>, ProblemHttpResult>> IndicatorSet(Guid id, RequestCaller caller, CorrelationQueries queries, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return await queries.ForIndicatorSetAsync(caller.Required, id, offset, limit, ct) is { } page ? TypedResults.Ok(page) : ProblemResults.NotFound("The indicator set");
    }
}
