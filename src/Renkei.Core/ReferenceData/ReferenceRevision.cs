namespace Renkei.ReferenceData;

/// <summary>
/// One version of a reference-data record (sector, business scope, CEPTOAR, community, reference
/// organisation) as it was after a change: the seed file's or an admin's.
/// </summary>
public sealed class ReferenceRevision
{
    public long Id { get; set; }

    /// <summary>sector, business_scope, ceptoar, community, organisation.</summary>
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public int Version { get; set; }

    /// <summary>The record's fields after the change, as JSON.</summary>
    public required string Data { get; set; }

    /// <summary>"seed" for the repository's data files, "admin" for an edit.</summary>
    public required string Source { get; set; }
    public Guid? ChangedByUserId { get; set; }
    public string? Reason { get; set; }
    public DateTime ChangedAt { get; set; }
}
