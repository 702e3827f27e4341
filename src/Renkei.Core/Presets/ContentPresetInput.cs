using System.ComponentModel.DataAnnotations;
using Renkei.Access;
using Renkei.Advisories;

namespace Renkei.Presets;

/// <summary>An organisation's own preset as sent (create, or edit with the version edited).</summary>
public sealed record ContentPresetInput
{
    [Required(ErrorMessage = "is required")]
    public ContentPresetTarget? Target { get; init; }

    /// <summary>An advisory kind (early_warning …) or a report threat category (cyber_attack …).</summary>
    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? Kind { get; init; }

    [RegularExpression("^(ja|en)$", ErrorMessage = "must be ja or en")]
    public string? Language { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string? Title { get; init; }

    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? Summary { get; init; }

    [MaxLength(100_000, ErrorMessage = "must be at most 100,000 characters")]
    public string? Body { get; init; }

    [MaxLength(20_000, ErrorMessage = "must be at most 20,000 characters")]
    public string? RecommendedActions { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Status { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? InterimMeasures { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Cause { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Countermeasures { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? RecoveryOutlook { get; init; }

    public Tlp? Tlp { get; init; }

    /// <summary>Advisory presets only.</summary>
    public AdvisoryUrgency? Urgency { get; init; }

    /// <summary>The version edited; required when editing.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// A preset as the caller reads it. <paramref name="Source"/>: "default" (Renkei's reference
/// data, Presets/Data/content-presets.json) or "organisation" (the caller's organisation's own,
/// with its id and version). <paramref name="RenkeiOwn"/>: the default's wording is Renkei's,
/// not the seeds'.
/// </summary>
public sealed record ContentPresetView(
    Guid? Id, ContentPresetTarget Target, string Kind, string Language, string Source, PresetContent Content,
    bool RenkeiOwn, string? Seed, Guid? OrganisationId, int? Version, DateTime? UpdatedAt);
