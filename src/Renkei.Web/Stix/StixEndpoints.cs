using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Access;
using Renkei.Common;
using Renkei.Stix;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Stix;

/// <summary>STIX 2.1 in and out of the API: bundles imported as indicator sets, and advisories, reports, incidents and sets as bundles.</summary>
public static class StixEndpoints
{
    public const string StixMedia = "application/stix+json;version=2.1";

    /// <summary>The largest bundle the API and the upload page accept (the TAXII root has its own setting).</summary>
    public const long MaxBundleBytes = 100L * 1024 * 1024;

    public static IEndpointRouteBuilder MapStixEndpoints(this IEndpointRouteBuilder api)
    {
        var sets = api.MapGroup("/indicator-sets").WithTags("STIX");
        sets.MapGet("/", List).WithName("ListIndicatorSets").WithSummary("Imported STIX bundles the caller may read (TLP and audience), newest first.");
        sets.MapPost("/", Import).WithName("ImportStixBundle")
            .Accepts<string>("application/stix+json", "application/json")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBundleBytes))
            .WithSummary("Analysts, coordinators, admins: import a STIX 2.1 bundle (the request body) as an indicator set. Query: title, tlp (no weaker than the bundle's markings; required when it has none), audience (repeat 'kind:key', e.g. community:ict-isac or organisation:<id>). All or nothing: errors name each bad object by id.");
        sets.MapGet("/{id:guid}", Get).WithName("GetIndicatorSet").WithSummary("One set with its provenance and its objects, a page at a time.");
        sets.MapGet("/{id:guid}/bundle", SetBundle).WithName("ExportIndicatorSet").WithSummary("The set as a STIX 2.1 bundle (the latest version of each object).");
        api.MapGet("/advisories/{id:guid}/stix", AdvisoryBundle).WithTags("STIX").WithName("ExportAdvisoryStix")
            .WithSummary("A published advisory as a STIX 2.1 bundle: report, indicators with patterns, vulnerabilities, course of action, notes, the issuer's identity and the TLP 2.0 marking; deterministic ids.");
        api.MapGet("/reports/{id:guid}/stix", ReportBundle).WithTags("STIX").WithName("ExportReportStix")
            .WithSummary("An incident report as a STIX 2.1 bundle, as the caller may see it: the reporter's identity only where the caller may know it, otherwise a pseudonym that reveals nothing.");
        api.MapGet("/incidents/{id:guid}/stix", IncidentBundle).WithTags("STIX").WithName("ExportIncidentStix")
            .WithSummary("An incident (事案) as a STIX 2.1 bundle, as the caller may see it: the incident, and each linked report the caller may read as its own export gives it, related to the incident; reports the caller may not read leave no trace.");
        return api;
    }

    private static async Task<Results<Ok<Page<IndicatorSetView>>, ProblemHttpResult>> List(RequestCaller caller, IndicatorSetQueries sets, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return TypedResults.Ok(await sets.ListAsync(caller.Required, offset, limit, ct));
    }

    private static async Task<Results<Created<IndicatorSetView>, ProblemHttpResult>> Import(HttpRequest request, RequestCaller caller, StixImporter importer, CancellationToken ct,
        [Microsoft.AspNetCore.Mvc.FromQuery] string? title = null, [Microsoft.AspNetCore.Mvc.FromQuery] string? tlp = null, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? audience = null)
    {
        Tlp? label = null;
        if (!string.IsNullOrEmpty(tlp))
        {
            if (!EnumText.TryParse<Tlp>(tlp.ToLowerInvariant(), out var parsed))
            {
                return ProblemResults.From(Problem.Invalid("tlp", "must be clear, green, amber, amber+strict or red"));
            }
            label = parsed;
        }
        var entries = new List<AudienceEntry>();
        for (var i = 0; i < (audience?.Length ?? 0); i++)
        {
            if (AudienceEntry.Parse(audience![i]) is not { } entry)
            {
                return ProblemResults.From(Problem.Invalid($"audience[{i}]", Text.T("'{0}' is not a known {1}", AudienceEntry.KindOf(audience[i]), "audience kind")));
            }
            entries.Add(entry);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var result = await importer.ImportAsync(caller.Required, buffer.ToArray(), new StixImportInput { Title = title, Tlp = label, Audience = entries }, StixChannel.Api, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/indicator-sets/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<IndicatorSetDetail>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, IndicatorSetQueries sets, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return await sets.GetAsync(caller.Required, id, offset, limit, ct) is { } set ? TypedResults.Ok(set) : ProblemResults.NotFound("The indicator set");
    }

    private static async Task<IResult> SetBundle(Guid id, RequestCaller caller, IndicatorSetQueries sets, CancellationToken ct) =>
        await sets.BundleAsync(caller.Required, id, ct) is { } json ? Bundle(json, $"indicator-set-{id}.json") : ProblemResults.NotFound("The indicator set");

    private static async Task<IResult> AdvisoryBundle(Guid id, RequestCaller caller, AccessPolicy access, CancellationToken ct)
    {
        var advisory = await access.AdvisoryAsync(caller.Required, id, ct);
        if (advisory is null)
        {
            return ProblemResults.NotFound("The advisory");
        }
        if (advisory.Advisory.State == Renkei.Advisories.AdvisoryState.Draft)
        {
            return ProblemResults.From(Problem.Conflict("A draft has no STIX form yet: it is exported when published."));
        }
        return Bundle(await StixBundles.WriteAsync(access.SourceObjects(advisory), access.CommonStixObjects(), id, null, ct), $"advisory-{id}.json");
    }

    private static async Task<IResult> ReportBundle(Guid id, RequestCaller caller, ReportStix reports, CancellationToken ct) =>
        await reports.BundleAsync(caller.Required, id, ct) is { } json ? Bundle(json, $"report-{id}.json") : ProblemResults.NotFound("The report");

    private static async Task<IResult> IncidentBundle(Guid id, RequestCaller caller, IncidentStix incidents, CancellationToken ct) =>
        await incidents.BundleAsync(caller.Required, id, ct) is { } json ? Bundle(json, $"incident-{id}.json") : ProblemResults.NotFound("The incident");

    private static StixBundleResult Bundle(string json, string fileName) => new(json, fileName);

    private sealed class StixBundleResult(string json, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = StixMedia;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
        }
    }
}
