using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Identity;

public sealed record TokenInput
{
    [Required(ErrorMessage = "is required"), MaxLength(100, ErrorMessage = "must be at most 100 characters")]
    public string Name { get; init; } = "";

    /// <summary>Days until the token expires (1–366, default 90).</summary>
    [Range(1, ApiTokenService.MaxLifetimeDays, ErrorMessage = "must be between 1 and 366")]
    public int? ExpiresInDays { get; init; }
}

/// <summary>The caller: who they are and act for, and their own API tokens.</summary>
public sealed record MeView(Guid UserId, string Email, OrganisationRef Organisation, OrganisationKind OrganisationKind, IReadOnlyList<Role> Roles,
    bool PlatformAdmin, IReadOnlyList<string> Ceptoars, IReadOnlyList<string> Communities, string PreferredLanguage);

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("/", Get).WithName("GetMe");
        me.MapGet("/tokens", ListTokens).WithName("ListMyTokens");
        me.MapPost("/tokens", IssueToken).WithName("IssueToken").WithSummary("Issue an API token; the secret is in this response only.");
        me.MapDelete("/tokens/{id:guid}", RevokeToken).WithName("RevokeMyToken");
        return api;
    }

    private static async Task<Ok<MeView>> Get(RequestCaller caller, DirectoryQueries queries, CancellationToken ct)
    {
        var c = caller.Required;
        var org = (await queries.OrganisationAsync(c, c.OrganisationId, ct))!.Organisation;
        return TypedResults.Ok(new MeView(c.UserId, c.Email, new OrganisationRef(org.Id, org.Code, org.NameJa, org.NameEn), c.OrganisationKind,
            c.Roles.Order().ToList(), c.IsPlatformAdmin, c.CeptoarCodes, c.CommunityCodes, c.PreferredLanguage));
    }

    private static async Task<Ok<List<TokenView>>> ListTokens(RequestCaller caller, ApiTokenQueries tokens, CancellationToken ct) =>
        TypedResults.Ok((await tokens.ListAsync(caller.Required, caller.Required.UserId, ct)).Value!);

    private static async Task<Results<Created<IssuedTokenView>, ProblemHttpResult>> IssueToken(TokenInput input, RequestCaller caller, ApiTokenService tokens,
        TimeProvider time, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ProblemResults.From(Problem.Invalid(errors));
        }
        var issued = await tokens.IssueAsync(caller.Required.UserId, input.Name.Trim(), input.ExpiresInDays ?? ApiTokenService.DefaultLifetimeDays, ct);
        return TypedResults.Created($"/api/v1/me/tokens/{issued.Token.Id}",
            new IssuedTokenView(ApiTokenQueries.View(issued.Token, Clock.UtcNow(time)), issued.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(Guid id, RequestCaller caller, ApiTokenService tokens, CancellationToken ct) =>
        (await tokens.RevokeAsync(caller.Required, caller.Required.UserId, id, ct)) is { Ok: true } ? TypedResults.NoContent() : ProblemResults.NotFound("The token");
}
