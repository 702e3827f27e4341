using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Web.Identity;

/// <summary>A token as its owner sees it later: never the secret.</summary>
public sealed record TokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Active);

/// <summary>A new token: the secret is in this response and nowhere else.</summary>
public sealed record IssuedTokenView(TokenView Token, string Secret);

public sealed class TokenQueries(RenkeiDbContext db, TimeProvider time)
{
    /// <remarks>Callers check that the tokens are the caller's own or that they administer the owner.</remarks>
    public async Task<List<TokenView>> ListAsync(Guid userId, CancellationToken ct)
    {
        var now = Clock.UtcNow(time);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(t => View(t, now)).ToList();
    }

    public static TokenView View(Renkei.Identity.ApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.RevokedAt is null && t.ExpiresAt > now);
}
