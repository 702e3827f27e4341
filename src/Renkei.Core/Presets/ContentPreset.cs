using Renkei.Access;
using Renkei.Advisories;

namespace Renkei.Presets;

/// <summary>What a preset fills in: a new advisory or a new report.</summary>
public enum ContentPresetTarget
{
    Advisory,
    Report,
}

/// <summary>
/// The fields a preset fills in (事案に応じた提供内容をあらかじめ設定, seed 003:23-24). Advisory presets
/// use title, summary, body, recommended actions, TLP and urgency; report presets title, the
/// outage headings the seed names (障害の状況, 暫定措置, 障害の発生原因, 障害に対する対策, 復旧見込み,
/// seed 002:1579-1583) and TLP.
/// </summary>
public sealed record PresetContent
{
    public string Title { get; init; } = "";
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public string? RecommendedActions { get; init; }
    public string? Status { get; init; }
    public string? InterimMeasures { get; init; }
    public string? Cause { get; init; }
    public string? Countermeasures { get; init; }
    public string? RecoveryOutlook { get; init; }
    public Tlp? Tlp { get; init; }
    public AdvisoryUrgency? Urgency { get; init; }
}

/// <summary>
/// An organisation's own preset for one kind and language, copied from a default or written
/// afresh. Versioned like the other edited records; every write is audited by SaveChanges.
/// </summary>
public sealed class ContentPreset
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public ContentPresetTarget Target { get; set; }

    /// <summary>The advisory kind (its API spelling) or the report's threat category code.</summary>
    public required string Kind { get; set; }

    /// <summary>ja or en.</summary>
    public required string Language { get; set; }
    public PresetContent Content { get; set; } = new();
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedByUserId { get; set; }
}
