using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Identity;

/// <summary>An admin reset: optionally also removes the user's authenticator (a lost phone).</summary>
public sealed record ResetInput(bool ResetTwoFactor = false);

/// <summary>User accounts: organisation admins for their own organisation, platform admins for all.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", List).WithName("ListUsers");
        users.MapPost("/", Create).WithName("CreateUser")
            .WithSummary("Create an account; without a password a one-time password is generated and returned once.");
        users.MapGet("/{id:guid}", Get).WithName("GetUser");
        users.MapPatch("/{id:guid}", Update).WithName("UpdateUser").WithSummary("Change display name, roles, language or organisation; absent fields stay.");
        users.MapDelete("/{id:guid}", Deactivate).WithName("DeactivateUser")
            .WithSummary("Deactivate the account: sign-in and tokens stop working; the account and its history remain.");
        users.MapPost("/{id:guid}/reactivate", Reactivate).WithName("ReactivateUser");
        users.MapPost("/{id:guid}/reset", Reset).WithName("ResetUser")
            .WithSummary("Admin reset: a one-time password (returned once), lockout lifted, optionally 2FA removed.");
        users.MapGet("/{id:guid}/tokens", ListTokens).WithName("ListUserTokens");
        users.MapDelete("/{id:guid}/tokens/{tokenId:guid}", RevokeToken).WithName("RevokeUserToken");
        return api;
    }

    private static async Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> List(RequestCaller caller, UserAdminService users, CancellationToken ct,
        Guid? organisation = null, string? q = null, int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return TypedResults.Ok(await users.ListAsync(caller.Required, organisation, q, offset, limit, ct));
    }

    private static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> Create(UserInput input, RequestCaller caller, UserAdminService users, CancellationToken ct)
    {
        var result = await users.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/users/{result.Value!.User.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, UserAdminService users, CancellationToken ct) =>
        await users.ViewAsync(caller.Required, id, ct) is { } user ? TypedResults.Ok(user) : ProblemResults.NotFound("The user");

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Update(Guid id, UserUpdate update, RequestCaller caller, UserAdminService users, CancellationToken ct)
    {
        var result = await users.UpdateAsync(caller.Required, id, update, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Deactivate(Guid id, RequestCaller caller, UserAdminService users, CancellationToken ct)
    {
        var result = await users.SetActiveAsync(caller.Required, id, false, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Reactivate(Guid id, RequestCaller caller, UserAdminService users, CancellationToken ct)
    {
        var result = await users.SetActiveAsync(caller.Required, id, true, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<CreatedUser>, ProblemHttpResult>> Reset(Guid id, ResetInput? input, RequestCaller caller, UserAdminService users, CancellationToken ct)
    {
        var result = await users.ResetAsync(caller.Required, id, input?.ResetTwoFactor ?? false, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<List<TokenView>>, ProblemHttpResult>> ListTokens(Guid id, RequestCaller caller, ApiTokenQueries tokens, CancellationToken ct)
    {
        var result = await tokens.ListAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(Guid id, Guid tokenId, RequestCaller caller, ApiTokenService tokens, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(caller.Required, id, tokenId, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }
}
