using Renkei.Storage;

namespace Renkei.Guideline;

/// <summary>
/// How a guideline version came about (seed 002 l.1200-1205): the first one; a revision (改定),
/// which changes the frame — the abstract content of items to consider — with the action plan's
/// revision; or an addendum (追補版) for everything else (reference items, concrete content).
/// </summary>
[StoredAsText(20)]
public enum RevisionKind
{
    Initial,
    Revision,
    Addendum,
}

/// <summary>
/// One published version of the guideline (指針): a version of the <c>nisc-guideline</c>
/// framework of the assessment engine, with its kind, date and note. NISC publishes it.
/// </summary>
public sealed class GuidelineRevision
{
    public Guid Id { get; set; }

    /// <summary>The framework version holding the items (one revision per version).</summary>
    public Guid FrameworkId { get; set; }
    public int Version { get; set; }
    public RevisionKind Kind { get; set; }
    public DateOnly PublishedOn { get; set; }
    public required string NoteJa { get; set; }
    public required string NoteEn { get; set; }
    public string? Seed { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Who published it; null for the versions shipped as data.</summary>
    public Guid? PublishedByUserId { get; set; }
}

/// <summary>
/// How far one sector safety-standards document (①–③) takes up one guideline item, as the
/// ministry in charge (or NISC) assessed it against a guideline version. Keyed by item code, so
/// it carries across versions; a later version that changes the item makes it stale.
/// </summary>
public sealed class GuidelineCoverage
{
    public Guid Id { get; set; }
    public Guid StandardId { get; set; }

    /// <summary>The document's sector, kept with the row so the matrices and the read rule need no join.</summary>
    public required string SectorCode { get; set; }
    public required string ItemCode { get; set; }

    /// <summary>A code of the coverage levels in Guideline/Data (included, not_required, …).</summary>
    public required string Level { get; set; }
    public string? Note { get; set; }

    /// <summary>The guideline version the item was read in when this was assessed.</summary>
    public int AssessedVersion { get; set; }
    public DateTime AssessedAt { get; set; }
    public Guid AssessedByUserId { get; set; }
    public Guid AssessedByOrganisationId { get; set; }
    public int Version { get; set; }
}
