namespace Renkei.Advisories;

/// <summary>A recipient organisation's answer to an advisory.</summary>
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
}
