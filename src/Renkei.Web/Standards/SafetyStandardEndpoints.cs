using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Standards;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Standards;

/// <summary>
/// The registry of safety standards (安全基準等, seed 002:1117-1177): each sector's documents of the
/// four kinds, an operator's internal rules (④) for that operator only, and relations between
/// documents.
/// </summary>
public static class SafetyStandardEndpoints
{
    public static IEndpointRouteBuilder MapSafetyStandardEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/standards").WithTags("Safety standards");
        g.MapGet("/", List).WithName("ListSafetyStandards")
            .WithSummary("The safety standards the caller reads (sector, scope, kind=mandatory|recommended|industry|internal, status=current|superseded): every sector's ①–③ documents and the caller's own organisation's internal rules (④).");
        g.MapGet("/{id:guid}", Get).WithName("GetSafetyStandard").WithSummary("One document with its relations to documents the caller reads.");
        g.MapPost("/", Create).WithName("CreateSafetyStandard")
            .WithSummary("Add a document: platform admins and the ministry in charge of the sector for ①–③; an operator's admins and coordinators for its own internal rules (④, in its own sector).");
        g.MapPut("/{id:guid}", Update).WithName("UpdateSafetyStandard").WithSummary("Edit a document (send the version edited).");
        g.MapPost("/{id:guid}/relations", AddRelation).WithName("AddSafetyStandardRelation")
            .WithSummary("Relate this document to another: based_on, supersedes (never in a cycle) or refers_to.");
        g.MapDelete("/{id:guid}/relations/{relationId:guid}", RemoveRelation).WithName("RemoveSafetyStandardRelation").WithSummary("Remove one of this document's relations.");
        return api;
    }

    private static async Task<Results<Ok<List<SafetyStandardView>>, ProblemHttpResult>> List(RequestCaller caller, SafetyStandardService standards, CancellationToken ct,
        string? sector = null, string? scope = null, string? kind = null, string? status = null) =>
        ProblemResults.OkOr(await standards.ListAsync(caller.Required, new SafetyStandardFilter(sector, scope, kind, status), ct));

    private static async Task<Results<Ok<SafetyStandardDetail>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, SafetyStandardService standards, CancellationToken ct) =>
        ProblemResults.OkOr(await standards.GetAsync(caller.Required, id, ct));

    private static async Task<Results<Created<SafetyStandardView>, ProblemHttpResult>> Create(SafetyStandardInput input, RequestCaller caller, SafetyStandardService standards, CancellationToken ct)
    {
        var result = await standards.CreateAsync(caller.Required, input, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/standards/{result.Value!.Id}", result.Value)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<SafetyStandardView>, ProblemHttpResult>> Update(Guid id, SafetyStandardInput input, RequestCaller caller, SafetyStandardService standards, CancellationToken ct) =>
        ProblemResults.OkOr(await standards.UpdateAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<SafetyStandardDetail>, ProblemHttpResult>> AddRelation(Guid id, SafetyStandardRelationInput input, RequestCaller caller, SafetyStandardService standards, CancellationToken ct) =>
        ProblemResults.OkOr(await standards.AddRelationAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<SafetyStandardDetail>, ProblemHttpResult>> RemoveRelation(Guid id, Guid relationId, RequestCaller caller, SafetyStandardService standards, CancellationToken ct) =>
        ProblemResults.OkOr(await standards.RemoveRelationAsync(caller.Required, id, relationId, ct));
}
