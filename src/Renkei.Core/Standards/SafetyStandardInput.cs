using System.ComponentModel.DataAnnotations;

namespace Renkei.Standards;

/// <summary>A safety-standards document as sent (create, or edit with the version edited).</summary>
public sealed record SafetyStandardInput
{
    /// <summary>The sector code (electricity, finance …).</summary>
    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? Sector { get; init; }

    /// <summary>A business scope of the sector, or none for the whole sector.</summary>
    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? Scope { get; init; }

    /// <summary>mandatory (① 強制基準), recommended (② 推奨基準・ガイドライン), industry (③ 業界標準・ガイドライン) or internal (④ 内規).</summary>
    [Required(ErrorMessage = "is required")]
    public string? Kind { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? TitleJa { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? TitleEn { get; init; }

    /// <summary>The issuing body as named on the document.</summary>
    [MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string? IssuerName { get; init; }

    /// <summary>The issuing organisation, where it is in the directory.</summary>
    public Guid? IssuerOrganisationId { get; init; }

    /// <summary>The document's edition label (第2版, v1.0 …).</summary>
    [MaxLength(100, ErrorMessage = "must be at most 100 characters")]
    public string? Edition { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public DateOnly? RevisedOn { get; init; }

    /// <summary>Where the document is published (an absolute http or https URL).</summary>
    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? Url { get; init; }

    /// <summary>current (the default) or superseded.</summary>
    public string? Status { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Notes { get; init; }

    /// <summary>On edit: the version edited.</summary>
    public int? Version { get; init; }
}

/// <summary>A relation to add: this document (from) is based on, supersedes or refers to another (to).</summary>
public sealed record SafetyStandardRelationInput
{
    /// <summary>based_on, supersedes or refers_to.</summary>
    [Required(ErrorMessage = "is required")]
    public string? Kind { get; init; }

    [Required(ErrorMessage = "is required")]
    public Guid? To { get; init; }
}

public sealed record SafetyStandardView(
    Guid Id,
    string? Code,
    string Sector,
    string? SectorNameJa,
    string? SectorNameEn,
    string? Scope,
    StandardKind Kind,
    string TitleJa,
    string? TitleEn,
    string? IssuerName,
    Guid? IssuerOrganisationId,
    Guid? OwnerOrganisationId,
    string? Edition,
    DateOnly? IssuedOn,
    DateOnly? RevisedOn,
    string? Url,
    StandardStatus Status,
    string? Notes,
    string? Seed,
    DateOnly? AsOf,
    int Version,
    DateTime UpdatedAt,
    bool MayEdit);

/// <summary>A relation seen from one document: outgoing (this document → other) or incoming (other → this).</summary>
public sealed record SafetyStandardRelationView(Guid Id, StandardRelationKind Kind, string Direction, Guid OtherId, string OtherTitleJa, string? OtherTitleEn);

public sealed record SafetyStandardDetail(SafetyStandardView Standard, IReadOnlyList<SafetyStandardRelationView> Relations);
