using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Directory;
using Renkei.ReferenceData;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Directory;

/// <summary>CEPTOARs and communities, and who belongs to them.</summary>
public static class CeptoarEndpoints
{
    public static IEndpointRouteBuilder MapCeptoarEndpoints(this IEndpointRouteBuilder api)
    {
        var ceptoars = api.MapGroup("/ceptoars").WithTags("CEPTOARs");
        ceptoars.MapGet("/", List).WithName("ListCeptoars");
        ceptoars.MapGet("/{code}", Get).WithName("GetCeptoar");
        ceptoars.MapGet("/{code}/members", Members).WithName("ListCeptoarMembers");
        ceptoars.MapPost("/", Create).WithName("CreateCeptoar");
        ceptoars.MapPut("/{code}", Update).WithName("UpdateCeptoar");
        ceptoars.MapGet("/{code}/recipients", Recipients).WithName("ListCeptoarRecipients")
            .WithSummary("The CEPTOAR's 展開先: organisations outside its membership that NISC's information also reaches through it.");
        ceptoars.MapPost("/{code}/recipients", AddRecipient).WithName("AddCeptoarRecipient");
        ceptoars.MapDelete("/{code}/recipients/{organisationId:guid}", RemoveRecipient).WithName("RemoveCeptoarRecipient");

        var communities = api.MapGroup("/communities").WithTags("Communities");
        communities.MapGet("/", ListCommunities).WithName("ListCommunities");
        communities.MapGet("/{code}", GetCommunity).WithName("GetCommunity");
        communities.MapGet("/{code}/members", CommunityMembers).WithName("ListCommunityMembers");
        communities.MapPost("/", CreateCommunity).WithName("CreateCommunity");
        communities.MapPut("/{code}", UpdateCommunity).WithName("UpdateCommunity");
        return api;
    }

    private static async Task<Ok<List<CeptoarView>>> List(string? sector, RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.CeptoarsAsync(caller.Required, sector, ct));

    private static async Task<Results<Ok<CeptoarView>, ProblemHttpResult>> Get(string code, RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        await queries.CeptoarAsync(caller.Required, code, ct) is { } c ? TypedResults.Ok(c) : ProblemResults.NotFound("The CEPTOAR");

    private static async Task<Results<Ok<Page<OrganisationSummary>>, ProblemHttpResult>> Members(string code, RequestCaller caller, DirectoryQueries queries,
        CancellationToken ct, int offset = 0, int limit = ApiConventions.DefaultLimit) =>
        await MembersOfAsync(await queries.CeptoarAsync(caller.Required, code, ct) is not null, "The CEPTOAR", new OrganisationFilter(CeptoarCode: code), caller, queries, offset, limit, ct);

    private static async Task<Results<Created<CeptoarView>, ProblemHttpResult>> Create(CeptoarInput input, RequestCaller caller, ReferenceDataEditor editor,
        DirectoryQueries queries, CancellationToken ct)
    {
        var result = await editor.CreateCeptoarAsync(caller.Required, input, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/ceptoars/{result.Value!.Code}", (await queries.CeptoarAsync(caller.Required, result.Value.Code, ct))!)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<CeptoarView>, ProblemHttpResult>> Update(string code, CeptoarInput input, RequestCaller caller, ReferenceDataEditor editor,
        DirectoryQueries queries, CancellationToken ct)
    {
        var result = await editor.UpdateCeptoarAsync(caller.Required, code, input, ct);
        return result.Ok ? TypedResults.Ok((await queries.CeptoarAsync(caller.Required, code, ct))!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<CeptoarRecipientView>>, ProblemHttpResult>> Recipients(string code, RequestCaller caller, CeptoarRecipientService recipients,
        CancellationToken ct) =>
        await recipients.ListAsync(caller.Required, code, ct) is { } list ? TypedResults.Ok(list) : ProblemResults.NotFound("The CEPTOAR");

    private static async Task<Results<Created<CeptoarRecipientView>, ProblemHttpResult>> AddRecipient(string code, CeptoarRecipientInput input, RequestCaller caller,
        CeptoarRecipientService recipients, CancellationToken ct)
    {
        var result = await recipients.AddAsync(caller.Required, code, input, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/ceptoars/{code}/recipients/{result.Value!.Organisation.Id}", result.Value)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveRecipient(string code, Guid organisationId, RequestCaller caller,
        CeptoarRecipientService recipients, CancellationToken ct)
    {
        var result = await recipients.RemoveAsync(caller.Required, code, organisationId, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static async Task<Ok<List<CommunityView>>> ListCommunities(RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.CommunitiesAsync(caller.Required, ct));

    private static async Task<Results<Ok<CommunityView>, ProblemHttpResult>> GetCommunity(string code, RequestCaller caller, DirectoryQueries queries, CancellationToken ct) =>
        await queries.CommunityAsync(caller.Required, code, ct) is { } c ? TypedResults.Ok(c) : ProblemResults.NotFound("The community");

    private static async Task<Results<Ok<Page<OrganisationSummary>>, ProblemHttpResult>> CommunityMembers(string code, RequestCaller caller, DirectoryQueries queries,
        CancellationToken ct, int offset = 0, int limit = ApiConventions.DefaultLimit) =>
        await MembersOfAsync(await queries.CommunityAsync(caller.Required, code, ct) is not null, "The community", new OrganisationFilter(CommunityCode: code), caller, queries, offset, limit, ct);

    /// <summary>A page of the organisations in a group the caller can see (memberships filtered by the access policy).</summary>
    private static async Task<Results<Ok<Page<OrganisationSummary>>, ProblemHttpResult>> MembersOfAsync(bool groupExists, string what, OrganisationFilter filter,
        RequestCaller caller, DirectoryQueries queries, int offset, int limit, CancellationToken ct)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        if (!groupExists)
        {
            return ProblemResults.NotFound(what);
        }
        return TypedResults.Ok(await queries.OrganisationsAsync(caller.Required, filter, offset, limit, ct));
    }

    private static async Task<Results<Created<CommunityView>, ProblemHttpResult>> CreateCommunity(CommunityInput input, RequestCaller caller, ReferenceDataEditor editor,
        DirectoryQueries queries, CancellationToken ct)
    {
        var result = await editor.CreateCommunityAsync(caller.Required, input, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/communities/{result.Value!.Code}", (await queries.CommunityAsync(caller.Required, result.Value.Code, ct))!)
            : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<CommunityView>, ProblemHttpResult>> UpdateCommunity(string code, CommunityInput input, RequestCaller caller,
        ReferenceDataEditor editor, DirectoryQueries queries, CancellationToken ct)
    {
        var result = await editor.UpdateCommunityAsync(caller.Required, code, input, ct);
        return result.Ok ? TypedResults.Ok((await queries.CommunityAsync(caller.Required, code, ct))!) : ProblemResults.From(result.Problem!);
    }
}
