namespace Renkei.Audit;

/// <summary>
/// One link of the append-only, hash-chained audit trail: a write, a read of restricted content,
/// or a security event (sign-in, token use).
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Position in the chain, gapless from 1; assigned under the chain lock.</summary>
    public long Seq { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }

    /// <summary>E-mail of the user, or "system", or "cli:&lt;os user&gt;".</summary>
    public required string Actor { get; set; }
    public Guid? ActorOrganisationId { get; set; }

    /// <summary>create, update, delete, read, export, sign_in, sign_in_failed …</summary>
    public required string Action { get; set; }
    public required string ResourceType { get; set; }
    public string? ResourceId { get; set; }
    public string? RemoteAddress { get; set; }

    /// <summary>JSON with what changed (field names, never the values of restricted fields).</summary>
    public string? Details { get; set; }
    /// <summary>
    /// For events of an anonymised reporter: what everyone but the reporter's organisation and
    /// <see cref="DisclosedToOrganisationId"/> sees instead of the actor ("a member of …").
    /// </summary>
    public string? ActorPseudonym { get; set; }
    public Guid? DisclosedToOrganisationId { get; set; }

    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}
