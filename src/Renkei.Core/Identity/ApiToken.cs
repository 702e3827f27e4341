namespace Renkei.Identity;

/// <summary>
/// A personal API token. Only the SHA-256 of the secret is kept: the secret is shown once when
/// created and cannot be recovered, only revoked and replaced.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, so a user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public RenkeiUser? User { get; set; }
}
