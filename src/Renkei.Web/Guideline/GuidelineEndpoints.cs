using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Guideline;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Guideline;

/// <summary>
/// The guideline (指針, DOMAIN §6): its versions on the assessment engine (initial, revision 改定,
/// addendum 追補版) with item-by-item comparison, and how each sector's safety standards cover it.
/// </summary>
public static class GuidelineEndpoints
{
    public static IEndpointRouteBuilder MapGuidelineEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/guideline").WithTags("Guideline");
        g.MapGet("/revisions", Revisions).WithName("ListGuidelineRevisions").WithSummary("The guideline's versions, oldest first: kind (initial, revision, addendum), date, note and number of items.");
        g.MapGet("/revisions/{id:guid}", Revision).WithName("GetGuidelineRevision")
            .WithSummary("One version with its items: classification (to_consider 要検討事項, reference 参考事項), abstract content (text) and concrete content.");
        g.MapPost("/revisions", Publish).WithName("PublishGuidelineRevision")
            .WithSummary("Publish the next version with all its items (NISC's admins and coordinators); previous names the version it was made from. A revision changes the abstract content of items to consider, an addendum the rest.");
        g.MapGet("/revisions/{id:guid}/diff", Diff).WithName("DiffGuidelineRevisions")
            .WithSummary("Items added, removed and changed (with the fields that changed) from version 'from' (the one before when left out) to this one.");
        g.MapGet("/revisions/{id:guid}/uncovered", Uncovered).WithName("GuidelineUncovered")
            .WithSummary("What this version leaves a sector to do: items no current document of the sector covers, and coverage assessed before the item changed (stale).");
        g.MapGet("/coverage-levels", Levels).WithName("ListGuidelineCoverageLevels").WithSummary("The coverage levels (seed 002 l.1390-1432) and what each counts as: covered, not_covered or not_required.");
        g.MapGet("/coverage", National).WithName("GetNationalGuidelineCoverage")
            .WithSummary("Sectors × items of a version (the latest when revision is left out): where each sector stands and the share covered; sectors whose coverage the caller reads.");
        g.MapGet("/coverage/{sector}", Sector).WithName("GetSectorGuidelineCoverage").WithSummary("A sector's documents × the items of a version, each cell's level, note, assessor and whether it is stale.");
        g.MapPut("/coverage", Record).WithName("RecordGuidelineCoverage")
            .WithSummary("Record one document's coverage of items against a version (the latest when left out), all or nothing; send each entry's version when it was assessed before (ministry in charge, NISC).");
        return api;
    }

    private static async Task<Ok<List<RevisionView>>> Revisions(GuidelineService guideline, CancellationToken ct) =>
        TypedResults.Ok(await guideline.RevisionsAsync(ct));

    private static async Task<Results<Ok<RevisionDetail>, ProblemHttpResult>> Revision(Guid id, GuidelineService guideline, CancellationToken ct) =>
        ProblemResults.OkOr(await guideline.RevisionAsync(id, ct));

    private static async Task<Results<Created<RevisionView>, ProblemHttpResult>> Publish(PublishInput input, RequestCaller caller, GuidelineService guideline, CancellationToken ct)
    {
        var result = await guideline.PublishAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/guideline/revisions/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<GuidelineDiffView>, ProblemHttpResult>> Diff(Guid id, GuidelineService guideline, CancellationToken ct, Guid? from = null) =>
        ProblemResults.OkOr(await guideline.DiffAsync(id, from, ct));

    private static async Task<Results<Ok<UncoveredView>, ProblemHttpResult>> Uncovered(Guid id, RequestCaller caller, GuidelineCoverageService coverage, CancellationToken ct, string? sector = null) =>
        ProblemResults.OkOr(await coverage.UncoveredAsync(caller.Required, id, sector, ct));

    private static Ok<IReadOnlyList<CoverageLevel>> Levels() => TypedResults.Ok(GuidelineCoverageService.Levels);

    private static async Task<Results<Ok<NationalCoverageView>, ProblemHttpResult>> National(RequestCaller caller, GuidelineCoverageService coverage, CancellationToken ct, Guid? revision = null) =>
        ProblemResults.OkOr(await coverage.NationalAsync(caller.Required, revision, ct));

    private static async Task<Results<Ok<SectorCoverageView>, ProblemHttpResult>> Sector(string sector, RequestCaller caller, GuidelineCoverageService coverage, CancellationToken ct, Guid? revision = null) =>
        ProblemResults.OkOr(await coverage.SectorAsync(caller.Required, sector, revision, ct));

    private static async Task<Results<Ok<List<CoverageView>>, ProblemHttpResult>> Record(CoverageInput input, RequestCaller caller, GuidelineCoverageService coverage, CancellationToken ct) =>
        ProblemResults.OkOr(await coverage.RecordAsync(caller.Required, input, ct));
}
