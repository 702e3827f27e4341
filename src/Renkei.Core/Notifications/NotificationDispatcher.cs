using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Notifications;

/// <summary>
/// Turns pending <see cref="NotificationEvent"/>s into in-app notifications, queued e-mails and webhook calls,
/// one event per transaction: the event is claimed, its deliveries written and the claim kept
/// together, so an event is dispatched exactly once even with several hosts running.
/// </summary>
public sealed class NotificationDispatcher(
    RenkeiDbContext db, IEnumerable<INotificationComposer> composers, IOptions<MailOptions> mail, NotificationSignal signal, TimeProvider time,
    ILogger<NotificationDispatcher> log)
{
    private const int MaxFailedAttempts = 5;

    /// <summary>Dispatches up to <paramref name="batch"/> events; returns how many were handled.</summary>
    public async Task<int> DispatchPendingAsync(int batch = 50, CancellationToken ct = default)
    {
        var ids = await db.NotificationEvents.AsNoTracking()
            .Where(e => e.DispatchedAt == null && e.FailedAttempts < MaxFailedAttempts)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => e.Id).Take(batch).ToListAsync(ct);
        var delivered = 0;
        var mailed = 0;
        var called = 0;
        foreach (var id in ids)
        {
            try
            {
                var (notifications, emails, webhooks) = await DispatchAsync(id, ct);
                delivered += notifications;
                mailed += emails;
                called += webhooks;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                log.LogError(ex, "Dispatching notification event {EventId} failed", id);
                await db.NotificationEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.FailedAttempts, e => e.FailedAttempts + 1)
                    .SetProperty(e => e.LastError, ex.GetType().Name + ": " + Truncate(ex.Message, 1500)), ct);
            }
        }
        if (delivered > 0)
        {
            signal.NotificationsDelivered();
        }
        if (mailed > 0)
        {
            signal.MailQueued();
        }
        if (called > 0)
        {
            signal.WebhooksQueued();
        }
        return ids.Count;
    }

    private async Task<(int Notifications, int Emails, int Webhooks)> DispatchAsync(Guid id, CancellationToken ct)
    {
        var now = Clock.UtcNow(time);
        await using var transaction = await db.BeginWriteAsync(ct);
        var claimed = await db.NotificationEvents.Where(e => e.Id == id && e.DispatchedAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, now), ct);
        if (claimed == 0)
        {
            return (0, 0, 0); // another host took it
        }
        var evt = await db.NotificationEvents.AsNoTracking().FirstAsync(e => e.Id == id, ct);
        var composer = composers.FirstOrDefault(c => evt.Topic.StartsWith(c.TopicPrefix, StringComparison.Ordinal));
        var composed = composer is null ? Composed.Only([]) : await composer.ComposeAsync(evt, ct);
        var deliveries = composed.Deliveries;
        if (composer is null)
        {
            log.LogWarning("Notification event {EventId} has an unknown topic {Topic}; nobody was notified", id, evt.Topic);
        }
        var emails = 0;
        foreach (var d in deliveries)
        {
            db.Notifications.Add(new Notification
            {
                UserId = d.UserId,
                EventId = id,
                Topic = evt.Topic,
                SubjectType = d.SubjectType,
                SubjectId = evt.SubjectId,
                TitleJa = Truncate(d.TitleJa, 500),
                TitleEn = Truncate(d.TitleEn, 500),
                DetailJa = d.DetailJa is null ? null : Truncate(d.DetailJa, 1000),
                DetailEn = d.DetailEn is null ? null : Truncate(d.DetailEn, 1000),
                Link = d.Link,
                CreatedAt = now,
            });
            if (mail.Value.Enabled && d.Mail is { } m)
            {
                Queue($"{id:N}:{d.UserId:N}", m, now);
                emails++;
            }
        }
        if (mail.Value.Enabled)
        {
            foreach (var c in composed.ContactMails)
            {
                Queue(c.Key, c.Mail, now);
                emails++;
            }
        }
        foreach (var w in composed.Webhooks)
        {
            db.OutboundWebhooks.Add(new Webhooks.OutboundWebhook
            {
                Id = Guid.CreateVersion7(),
                DeliveryKey = w.Key,
                SubscriptionId = w.SubscriptionId,
                Topic = w.Topic,
                Payload = w.Payload,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (deliveries.Count, emails, composed.Webhooks.Count);
    }

    private void Queue(string key, Mail m, DateTime now) => db.OutboundEmails.Add(OutboundEmail.Queued(key, m, now));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
