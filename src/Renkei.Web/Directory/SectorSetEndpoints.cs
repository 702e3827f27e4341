using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Access;
using Renkei.ReferenceData;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Directory;

/// <summary>A CEPTOAR map in a list: which years there are.</summary>
public sealed record CeptoarMapSummary(int Year, DateOnly AsOf, string SectorSet, string TitleJa, string TitleEn, int Ceptoars);

/// <summary>The dated sector sets and CEPTOAR maps: read-only reference data from the seeds.</summary>
public static class SectorSetEndpoints
{
    public static IEndpointRouteBuilder MapSectorSetEndpoints(this IEndpointRouteBuilder api)
    {
        var sets = api.MapGroup("/sector-sets").WithTags("Sectors");
        sets.MapGet("/", ListSets).WithName("ListSectorSets")
            .WithSummary("The dated CI sector lists of the action plans (10 in 2008, 13 in 2016, 14 in 2022, 15 in 2023), the fiscal years each applies to and how later codes map into it.");
        sets.MapGet("/{code}", GetSet).WithName("GetSectorSet");
        var maps = api.MapGroup("/ceptoar-maps").WithTags("CEPTOARs");
        maps.MapGet("/", ListMaps).WithName("ListCeptoarMaps").WithSummary("The dated CEPTOAR maps (2016, 2023).");
        maps.MapGet("/{year:int}", GetMap).WithName("GetCeptoarMap").WithSummary("A CEPTOAR map as of its date: names, secretariats and member figures as published.");
        return api;
    }

    private static Ok<IReadOnlyList<SectorSetView>> ListSets(RequestCaller caller) =>
        TypedResults.Ok(AccessPolicy.SectorSets(caller.Required));

    private static Results<Ok<SectorSetView>, ProblemHttpResult> GetSet(string code, RequestCaller caller) =>
        AccessPolicy.SectorSets(caller.Required).FirstOrDefault(s => s.Code == code) is { } set ? TypedResults.Ok(set) : ProblemResults.NotFound("The sector set");

    private static Ok<List<CeptoarMapSummary>> ListMaps(RequestCaller caller) =>
        TypedResults.Ok(AccessPolicy.CeptoarMaps(caller.Required).Select(m => new CeptoarMapSummary(m.Year, m.AsOf, m.SectorSet, m.TitleJa, m.TitleEn, m.Entries.Count)).ToList());

    private static Results<Ok<CeptoarMap>, ProblemHttpResult> GetMap(int year, RequestCaller caller) =>
        AccessPolicy.CeptoarMaps(caller.Required).FirstOrDefault(m => m.Year == year) is { } map ? TypedResults.Ok(map) : ProblemResults.NotFound("The CEPTOAR map");
}
