namespace Renkei.Notifications;

/// <summary>One recipient's notification of an event, worded for what that recipient may see.</summary>
/// <param name="Mail">The e-mail, when the recipient has an address; null for in-app only.</param>
public sealed record Delivery(Guid UserId, string SubjectType, string TitleJa, string TitleEn, string? DetailJa, string? DetailEn, string Link, Mail? Mail);

/// <summary>An e-mail's address and text (already stripped of what may not leave the platform).</summary>
public sealed record Mail(string To, string Subject, string Body);

/// <summary>An e-mail to an address that is not a user's (an organisation's point of contact), queued under its own idempotency key.</summary>
public sealed record ContactMail(string Key, Mail Mail);

/// <summary>A webhook call to one subscription, queued under its own idempotency key.</summary>
public sealed record WebhookCall(Guid SubscriptionId, string Key, string Topic, string Payload);

/// <summary>Everything one event sends: in-app notifications (with their users' e-mail), contact e-mail and webhook calls.</summary>
public sealed record Composed(IReadOnlyList<Delivery> Deliveries, IReadOnlyList<ContactMail> ContactMails, IReadOnlyList<WebhookCall> Webhooks)
{
    public static Composed Only(IReadOnlyList<Delivery> deliveries) => new(deliveries, [], []);
}
