namespace Renkei.Notifications;

/// <summary>
/// Something happened that people should hear about (a report reached a desk, a question was
/// asked). Written in the same transaction as the change itself, so nothing is announced that did
/// not happen and nothing that happened goes unannounced; the dispatcher turns it into
/// per-recipient notifications and e-mails later.
/// </summary>
public sealed class NotificationEvent
{
    public Guid Id { get; set; }

    /// <summary>"report.submitted", "report.forwarded", … (see <see cref="Topics"/>).</summary>
    public required string Topic { get; set; }
    public Guid SubjectId { get; set; }
    public Guid ActorOrganisationId { get; set; }
    public Guid? ActorUserId { get; set; }

    /// <summary>The organisations the event is addressed to, where the topic needs them (";"-separated ids).</summary>
    public string? Organisations { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DispatchedAt { get; set; }

    /// <summary>Failed dispatch attempts; after a few the event is set aside (and logged) so that it cannot block the rest.</summary>
    public int FailedAttempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A notification in one user's in-app inbox, worded for what that user may see.</summary>
public sealed class Notification
{
    /// <summary>Increasing: live pages resume from the last id they saw (Last-Event-ID).</summary>
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public Guid EventId { get; set; }
    public required string Topic { get; set; }
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }
    public string? DetailJa { get; set; }
    public string? DetailEn { get; set; }
    public required string Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// An e-mail waiting to be sent (the outbox). Sending is retried with backoff; the id travels as
/// the Message-ID so that a resend after a crash between sending and recording is recognisable as
/// the same message.
/// </summary>
public sealed class OutboundEmail : Common.IOutboxItem
{
    public Guid Id { get; set; }

    /// <summary>Unique per event and recipient: dispatching twice cannot queue two e-mails.</summary>
    public required string DeliveryKey { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when retries are exhausted; the message stays for the operators to see.</summary>
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A message due now; <paramref name="key"/> makes queuing it twice impossible.</summary>
    public static OutboundEmail Queued(string key, Mail mail, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        DeliveryKey = key,
        ToAddress = mail.To,
        Subject = mail.Subject.Length <= 500 ? mail.Subject : mail.Subject[..499] + "…",
        Body = mail.Body,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

public static class Topics
{
    public const string ReportSubmitted = "report.submitted";
    public const string ReportForwarded = "report.forwarded";
    public const string ReportAcknowledged = "report.acknowledged";
    public const string ReportUpdated = "report.updated";
    public const string ReportMessage = "report.message";
}
