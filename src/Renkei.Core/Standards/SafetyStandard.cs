namespace Renkei.Standards;

/// <summary>
/// The four kinds of safety standards (安全基準等, seed 002:1174-1177): ① mandatory standards the
/// state sets under the business laws (強制基準), ② the state's recommended standards and
/// guidelines (推奨基準・ガイドライン), ③ industry standards and guidelines (業界標準・ガイドライン), ④
/// an operator's own internal rules (内規).
/// </summary>
[Storage.StoredAsText(20)]
public enum StandardKind
{
    Mandatory,
    Recommended,
    Industry,
    Internal,
}

[Storage.StoredAsText(20)]
public enum StandardStatus
{
    Current,
    Superseded,
}

/// <summary>How one document relates to another: the first is based on, supersedes or refers to the second.</summary>
[Storage.StoredAsText(20)]
public enum StandardRelationKind
{
    BasedOn,
    Supersedes,
    RefersTo,
}

/// <summary>
/// One document of a sector's safety standards, for the sector or one of its business scopes.
/// An internal rule (④) belongs to its operator: <see cref="OwnerOrganisationId"/> is set and
/// only that organisation reads it. Every write is audited by SaveChanges.
/// </summary>
public sealed class SafetyStandard
{
    public Guid Id { get; set; }

    /// <summary>The key of a seeded document (its data file entry); null for documents entered in Renkei.</summary>
    public string? Code { get; set; }
    public required string SectorCode { get; set; }
    public string? BusinessScopeCode { get; set; }
    public StandardKind Kind { get; set; }
    public required string TitleJa { get; set; }
    public string? TitleEn { get; set; }
    public string? IssuerName { get; set; }
    public Guid? IssuerOrganisationId { get; set; }

    /// <summary>The operator an internal rule (④) belongs to; null for the other kinds.</summary>
    public Guid? OwnerOrganisationId { get; set; }

    /// <summary>The document's own edition label (第2版, v1.0 …).</summary>
    public string? Edition { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? RevisedOn { get; set; }
    public string? Url { get; set; }
    public StandardStatus Status { get; set; }
    public string? Notes { get; set; }

    /// <summary>Where a seeded document comes from (seed file and line).</summary>
    public string? Seed { get; set; }

    /// <summary>The date the seeded list describes (2008-02 for seed 002's list).</summary>
    public DateOnly? AsOf { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedByUserId { get; set; }
}

/// <summary>A relation from one document to another (<see cref="StandardRelationKind"/>).</summary>
public sealed class SafetyStandardRelation
{
    public Guid Id { get; set; }
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public StandardRelationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
}
