namespace Renkei.Webhooks;

/// <summary>
/// An organisation's endpoint for machine delivery of what reaches it (advisories delivered,
/// revised, withdrawn). Every call is signed with HMAC-SHA256 under the subscription's secret,
/// which is shown once at creation and kept encrypted at rest.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }

    /// <summary>The signing secret, protected with the platform's data-protection keys.</summary>
    public required string ProtectedSecret { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DisabledAt { get; set; }
}

/// <summary>
/// A webhook call waiting to be made (the outbox). Its id travels as the <c>Renkei-Delivery-Id</c>
/// header, so a receiver recognises a retry after a crash between sending and recording.
/// </summary>
public sealed class OutboundWebhook : Common.IOutboxItem
{
    public Guid Id { get; set; }

    /// <summary>Unique per event and subscription: dispatching twice cannot queue two calls.</summary>
    public required string DeliveryKey { get; set; }
    public Guid SubscriptionId { get; set; }
    public required string Topic { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
}
