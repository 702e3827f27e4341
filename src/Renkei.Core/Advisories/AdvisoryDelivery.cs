namespace Renkei.Advisories;

/// <summary>A recipient organisation's answer to an advisory.</summary>
[Storage.StoredAsText(20)]
public enum AdvisoryResponse
{
    NotAffected,
    Investigating,
    Affected,
}

/// <summary>
/// One recipient organisation of a published advisory: when it was delivered, first read by a
/// member, acknowledged, and how the organisation responded. Written for every organisation the
/// audience reaches when the advisory is published, so "who has not acknowledged" is a query.
/// </summary>
public sealed class AdvisoryDelivery
{
    public Guid AdvisoryId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTime DeliveredAt { get; set; }
    public DateTime? FirstReadAt { get; set; }
    public Guid? FirstReadByUserId { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public AdvisoryResponse? Response { get; set; }
    public string? ResponseNote { get; set; }
    public DateTime? RespondedAt { get; set; }
    public Guid? RespondedByUserId { get; set; }

    /// <summary>Who passed it on: the issuer, or the ministry or CEPTOAR secretariat that relayed it.</summary>
    public Guid? ReceivedFromOrganisationId { get; set; }

    /// <summary>Set for relay points (holders) of a relayed advisory; null for end recipients and direct deliveries.</summary>
    public RelayState? RelayState { get; set; }

    /// <summary>The holder's sector-specific note, shown to everyone the advisory reaches through it.</summary>
    public string? RelayNote { get; set; }

    /// <summary>Why the holder holds it (shown to the issuer).</summary>
    public string? HoldReason { get; set; }
    public DateTime? RelayDecidedAt { get; set; }
    public Guid? RelayDecidedByUserId { get; set; }

    /// <summary>When an unacknowledged emergency advisory was re-sent to the secondary points of contact.</summary>
    public DateTime? EscalatedAt { get; set; }
}

/// <summary>Where a relay point (holder) stands with an advisory it received.</summary>
[Storage.StoredAsText(20)]
public enum RelayState
{
    /// <summary>Received, not yet decided.</summary>
    Pending,
    Relayed,
    /// <summary>Held with a reason; may still be relayed later.</summary>
    Held,
}
