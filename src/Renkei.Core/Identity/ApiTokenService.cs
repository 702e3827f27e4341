using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Identity;

/// <summary>A new token and its secret, which exists only in this value.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);

/// <summary>Issues, checks and revokes personal API tokens.</summary>
public sealed class ApiTokenService(RenkeiDbContext db, AccessPolicy access, ApiTokenQueries queries, TimeProvider time)
{
    public const string SecretPrefix = "rk_";
    public const int MaxLifetimeDays = 366;
    public const int DefaultLifetimeDays = 90;

    /// <summary>A token's last use is recorded at most this often, so authentication stays a read.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<IssuedToken> IssueAsync(Guid userId, string name, int lifetimeDays, CancellationToken ct = default)
    {
        var secret = SecretPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = await StoreAsync(userId, name, secret, lifetimeDays, ct);
        return new IssuedToken(token, secret);
    }

    /// <summary>Stores a token whose secret the caller chose (the bootstrap admin's RENKEI_ADMIN_TOKEN).</summary>
    public async Task<ApiToken> StoreAsync(Guid userId, string name, string secret, int lifetimeDays, CancellationToken ct = default)
    {
        if (lifetimeDays is < 1 or > MaxLifetimeDays)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeDays), $"A token lives 1 to {MaxLifetimeDays} days.");
        }
        var now = Clock.UtcNow(time);
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Prefix = secret[..Math.Min(10, secret.Length)],
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The token's owner, if the secret is a live token of an active user; otherwise null.</summary>
    public async Task<ApiToken?> ValidateAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
        {
            return null;
        }
        var hash = Hash(secret);
        var now = Clock.UtcNow(time);
        var token = await db.ApiTokens
            .Include(t => t.User)
            .FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now || token.User is null || token.User.DeactivatedAt is not null)
        {
            return null;
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt.Value > LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return token;
    }

    /// <summary>
    /// Revokes one of an account's tokens: the caller's own, or one of an account they administer
    /// (found through <see cref="AccessPolicy.ApiTokens"/>, so a token they may not see is a 404).
    /// </summary>
    public async Task<Result<bool>> RevokeAsync(Caller caller, Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        if (await queries.ProblemAsync(caller, userId, "Only the user and their organisation's admins revoke their tokens.", ct) is { } problem)
        {
            return problem;
        }
        var token = await access.ApiTokens(caller).FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return Problem.NotFound("The token");
        }
        if (token.RevokedAt is null)
        {
            token.RevokedAt = Clock.UtcNow(time);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>SHA-256 is enough here: secrets are 256-bit random, so there is nothing to brute-force.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
