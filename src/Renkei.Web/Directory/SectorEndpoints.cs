using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Directory;
using Renkei.ReferenceData;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Directory;

/// <summary>Sectors, business scopes and the history of reference data.</summary>
public static class SectorEndpoints
{
    public static IEndpointRouteBuilder MapSectorEndpoints(this IEndpointRouteBuilder api)
    {
        var sectors = api.MapGroup("/sectors").WithTags("Sectors");
        sectors.MapGet("/", ListSectors).WithName("ListSectors").WithSummary("The CI sectors, each with its ministry in charge, business scopes and CEPTOARs.");
        sectors.MapGet("/{code}", GetSector).WithName("GetSector");
        sectors.MapPut("/{code}", UpdateSector).WithName("UpdateSector").WithSummary("Edit a sector (platform administrators); versioned.");
        api.MapPut("/business-scopes/{code}", UpdateBusinessScope).WithTags("Sectors").WithName("UpdateBusinessScope");
        api.MapGet("/reference-data/{type}/{key}/revisions", History).WithTags("Sectors").WithName("ReferenceDataHistory")
            .WithSummary("Every version of a reference record (type: sector, business_scope, ceptoar, community, organisation, verification_rule, deadline_rule), newest first.");
        return api;
    }

    private static async Task<Ok<List<SectorView>>> ListSectors(RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.SectorsAsync(caller.Required, ct));

    private static async Task<Results<Ok<SectorView>, ProblemHttpResult>> GetSector(string code, RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        await queries.SectorAsync(caller.Required, code, ct) is { } sector ? TypedResults.Ok(sector) : ProblemResults.NotFound("The sector");

    private static async Task<Results<Ok<SectorView>, ProblemHttpResult>> UpdateSector(string code, SectorEdit edit, RequestCaller caller,
        ReferenceDataEditor editor, DirectoryQueries queries, CancellationToken ct)
    {
        var result = await editor.UpdateSectorAsync(caller.Required, code, edit, ct);
        return result.Ok ? TypedResults.Ok((await queries.SectorAsync(caller.Required, code, ct))!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<NamedRef>, ProblemHttpResult>> UpdateBusinessScope(string code, BusinessScopeEdit edit, RequestCaller caller,
        ReferenceDataEditor editor, CancellationToken ct)
    {
        var result = await editor.UpdateBusinessScopeAsync(caller.Required, code, edit, ct);
        return result.Ok ? TypedResults.Ok(new NamedRef(result.Value!.Code, result.Value.NameJa, result.Value.NameEn)) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<RevisionView>>, ProblemHttpResult>> History(string type, string key, RequestCaller caller,
        ReferenceDataEditor editor, CancellationToken ct)
    {
        string[] types = [ReferenceSnapshot.Sector, ReferenceSnapshot.BusinessScope, ReferenceSnapshot.Ceptoar, ReferenceSnapshot.Community, ReferenceSnapshot.Organisation,
            ReferenceSnapshot.VerificationRule, ReferenceSnapshot.DeadlineRule];
        if (!types.Contains(type))
        {
            return ProblemResults.From(Common.Problem.Invalid("type", Common.Text.T("must be one of: {0}", string.Join(", ", types))));
        }
        var history = await editor.HistoryAsync(caller.Required, type, key, ct);
        return history.Count == 0 ? ProblemResults.NotFound("The reference record") : TypedResults.Ok(history);
    }
}
