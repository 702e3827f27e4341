using System.ComponentModel.DataAnnotations;
using Renkei.Directory;

namespace Renkei.ReferenceData;

/// <summary>An admin's edit of a sector.</summary>
public sealed record SectorEdit
{
    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameJa { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameEn { get; init; } = "";

    /// <summary>The ministry in charge (an organisation of kind ministry).</summary>
    public Guid? MinistryId { get; init; }

    [Required(ErrorMessage = "is required: send the version you are editing")]
    public int? Version { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Reason { get; init; }
}

/// <summary>An admin's edit of a business scope.</summary>
public sealed record BusinessScopeEdit
{
    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameJa { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameEn { get; init; } = "";

    [Required(ErrorMessage = "is required: send the version you are editing")]
    public int? Version { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Reason { get; init; }
}

public sealed record MemberFigureInput
{
    [Range(0, 1_000_000, ErrorMessage = "must be between 0 and 1,000,000")]
    public int Count { get; init; }

    [Required(ErrorMessage = "is required")]
    public MemberUnit? Unit { get; init; }
}

/// <summary>A new CEPTOAR or an admin's edit of one (code and sector are fixed once created).</summary>
public sealed record CeptoarInput
{
    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "must be lower-case letters, digits and hyphens")]
    public string? Code { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameJa { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameEn { get; init; } = "";

    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? SectorCode { get; init; }

    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? BusinessScopeCode { get; init; }

    public IReadOnlyList<MemberFigureInput>? MemberFigures { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "must be between 0 and 1,000,000")]
    public int? ExtraRecipients { get; init; }

    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? ExtraRecipientsNoteJa { get; init; }

    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? ExtraRecipientsNoteEn { get; init; }

    public DateOnly? FiguresAsOf { get; init; }

    public int? Version { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Reason { get; init; }
}

/// <summary>A new community or an admin's edit of one (the code is fixed once created).</summary>
public sealed record CommunityInput
{
    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "must be lower-case letters, digits and hyphens")]
    public string? Code { get; init; }

    [Required(ErrorMessage = "is required")]
    public CommunityKind? Kind { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameJa { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string NameEn { get; init; } = "";

    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? DescriptionJa { get; init; }

    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? DescriptionEn { get; init; }

    public int? Version { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Reason { get; init; }
}

/// <summary>One version of a reference record, with the fields that changed from the version before.</summary>
public sealed record RevisionView(
    string EntityType, string EntityKey, int Version, string Source, Guid? ChangedByUserId, string? ChangedBy,
    string? Reason, DateTime ChangedAt, System.Text.Json.Nodes.JsonObject Data, IReadOnlyList<string> ChangedFields);
