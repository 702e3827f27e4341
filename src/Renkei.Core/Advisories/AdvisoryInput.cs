using System.ComponentModel.DataAnnotations;
using Renkei.Access;
using Renkei.Indicators;

namespace Renkei.Advisories;

/// <summary>An advisory as the issuer sends it (create, or edit with the version edited).</summary>
public sealed record AdvisoryInput
{
    [Required(ErrorMessage = "is required")]
    public AdvisoryKind? Kind { get; init; }

    [RegularExpression("^(ja|en)$", ErrorMessage = "must be ja or en")]
    public string? Language { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string Summary { get; init; } = "";

    [MaxLength(100_000, ErrorMessage = "must be at most 100,000 characters")]
    public string? Body { get; init; }

    [MaxLength(20_000, ErrorMessage = "must be at most 20,000 characters")]
    public string? RecommendedActions { get; init; }

    public IReadOnlyList<string>? AffectedProducts { get; init; }
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
    public IReadOnlyList<string>? References { get; init; }
    public DateTime? ValidFrom { get; init; }
    public DateTime? ValidUntil { get; init; }

    /// <summary>An alert level from Reports/Data/alert-levels.json, or none.</summary>
    public int? AlertLevel { get; init; }

    [Required(ErrorMessage = "is required")]
    public Tlp? Tlp { get; init; }

    public AdvisoryUrgency? Urgency { get; init; }

    /// <summary>Relay down the chain or direct to every recipient; by default relayed when the TLP may be relayed and the advisory is not an emergency.</summary>
    public AdvisoryDistribution? Distribution { get; init; }

    public IReadOnlyList<AudienceEntry>? Audience { get; init; }

    /// <summary>The version edited; required when editing.</summary>
    public int? Version { get; init; }
}

/// <summary>Publishing: the version published, and from the second revision on, what changed.</summary>
public sealed record PublishInput
{
    [Required(ErrorMessage = "is required: send the version you are publishing")]
    public int? Version { get; init; }

    [MaxLength(AdvisoryValidator.MaxChangeNote, ErrorMessage = "must be at most 2000 characters")]
    public string? ChangeNote { get; init; }
}

/// <summary>A recipient's answer.</summary>
public sealed record ResponseInput
{
    [Required(ErrorMessage = "is required")]
    public AdvisoryResponse? Response { get; init; }

    [MaxLength(AdvisoryValidator.MaxResponseNote, ErrorMessage = "must be at most 4000 characters")]
    public string? Note { get; init; }
}

/// <param name="Relay">The caller's organisation's place in the relay chain, when it is a relay point.</param>
/// <param name="RelayNotes">The notes of the holders the advisory passed through to reach the caller's organisation.</param>
public sealed record AdvisoryView(
    Guid Id, AdvisoryContent Content, Tlp Tlp, AdvisoryUrgency Urgency, AdvisoryDistribution Distribution, AdvisoryState State,
    Guid OwnerOrganisationId, string OwnerNameJa, string OwnerNameEn,
    IReadOnlyList<AudienceEntryView> Audience,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt, int Version, int Revision,
    MyDelivery? Delivery, RelayPointView? Relay, IReadOnlyList<RelayNoteView> RelayNotes);

/// <summary>The caller's own organisation's delivery record, when it is a recipient.</summary>
public sealed record MyDelivery(DateTime DeliveredAt, DateTime? FirstReadAt, DateTime? AcknowledgedAt, AdvisoryResponse? Response, string? ResponseNote, DateTime? RespondedAt);

public sealed record AdvisorySummary(Guid Id, string Title, AdvisoryKind Kind, Tlp Tlp, AdvisoryUrgency Urgency, AdvisoryState State,
    Guid OwnerOrganisationId, string OwnerNameJa, string OwnerNameEn, DateTime? PublishedAt, int Revision);

public sealed record AdvisoryRevisionView(int Number, AdvisoryContent Content, Tlp Tlp, AdvisoryUrgency Urgency, string? ChangeNote, DateTime PublishedAt, IReadOnlyList<string> ChangedFields);

/// <summary>One recipient organisation's delivery, as the issuer sees it.</summary>
public sealed record DeliveryView(Guid OrganisationId, string NameJa, string NameEn, string? SectorCode,
    DateTime DeliveredAt, DateTime? FirstReadAt, DateTime? AcknowledgedAt, AdvisoryResponse? Response, string? ResponseNote, DateTime? RespondedAt,
    Guid? ReceivedFromOrganisationId, RelayState? RelayState, DateTime? EscalatedAt);

/// <summary>Counts over an advisory's recipients.</summary>
public sealed record DeliveryCounts(int Recipients, int Read, int Acknowledged, int NotAffected, int Investigating, int Affected);

/// <summary>Counts for one sector or CEPTOAR (an organisation in two CEPTOARs counts in both).</summary>
public sealed record DeliveryGroup(string Code, string NameJa, string NameEn, DeliveryCounts Counts);

/// <param name="RelayPoints">For a relayed advisory, each holder on the chain: relayed, held (why) or pending.</param>
/// <param name="Escalated">Recipients whose emergency advisory was re-sent to their secondary contacts.</param>
public sealed record DeliveryReport(DeliveryCounts Total, IReadOnlyList<DeliveryGroup> BySector, IReadOnlyList<DeliveryGroup> ByCeptoar,
    IReadOnlyList<DeliveryView> Items, int Offset, int Limit, int Matching, IReadOnlyList<RelayPointReport> RelayPoints, int Escalated);

/// <summary>A new revision of a published advisory: the whole advisory as it now stands, and what changed.</summary>
public sealed record RevisionInput
{
    [Required(ErrorMessage = "is required")]
    public AdvisoryInput? Advisory { get; init; }

    [Required(ErrorMessage = "is required: say what changed"), MaxLength(AdvisoryValidator.MaxChangeNote, ErrorMessage = "must be at most 2000 characters")]
    public string? ChangeNote { get; init; }
}

/// <summary>Withdrawing a published advisory: the version withdrawn and why.</summary>
public sealed record WithdrawInput
{
    [Required(ErrorMessage = "is required: send the version you are withdrawing")]
    public int? Version { get; init; }

    [Required(ErrorMessage = "is required: say why"), MaxLength(AdvisoryValidator.MaxChangeNote, ErrorMessage = "must be at most 2000 characters")]
    public string? Reason { get; init; }
}

/// <summary>One advisory as the caller reads it, with the policy's handle for its parts.</summary>
public sealed record AdvisoryRead(Access.VisibleAdvisory Visible, AdvisoryView View);
