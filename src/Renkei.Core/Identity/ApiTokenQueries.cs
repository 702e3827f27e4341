using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;

namespace Renkei.Identity;

/// <summary>A token as its owner sees it later: never the secret.</summary>
public sealed record TokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Active);

/// <summary>A new token: the secret is in this response and nowhere else.</summary>
public sealed record IssuedTokenView(TokenView Token, string Secret);

/// <summary>A user's API tokens, as far as <see cref="AccessPolicy.ApiTokens"/> lets the caller see them.</summary>
public sealed class ApiTokenQueries(AccessPolicy access, TimeProvider time)
{
    /// <summary>
    /// The tokens of an account: 404 when the caller may not see the account, 403 when they see the
    /// account but not its credentials (a colleague, an auditor).
    /// </summary>
    public async Task<Result<List<TokenView>>> ListAsync(Caller caller, Guid userId, CancellationToken ct = default)
    {
        if (await ProblemAsync(caller, userId, "Only the user and their organisation's admins see their tokens.", ct) is { } problem)
        {
            return problem;
        }
        var now = Clock.UtcNow(time);
        var tokens = await access.ApiTokens(caller).AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(t => View(t, now)).ToList();
    }

    /// <summary>Why the caller may not work with the account's tokens, or null when they may.</summary>
    internal async Task<Problem?> ProblemAsync(Caller caller, Guid userId, string forbidden, CancellationToken ct)
    {
        if (userId == caller.UserId)
        {
            return null;
        }
        var organisation = await access.Users(caller).Where(u => u.Id == userId).Select(u => (Guid?)u.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return Problem.NotFound("The user");
        }
        return Permissions.ManageUsers(caller, organisation.Value) ? null : Problem.Forbidden(forbidden);
    }

    public static TokenView View(ApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.RevokedAt is null && t.ExpiresAt > now);
}
