using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Webhooks;

/// <summary>
/// Sends the webhook outbox like <see cref="Notifications.MailOutbox"/> sends e-mail: each call is
/// leased before it is made (two hosts never make it at once), a failure or non-2xx answer is
/// retried with growing delays, and after <see cref="WebhookOptions.MaxAttempts"/> the call stays
/// visible as failed.
/// </summary>
public sealed class WebhookOutbox(RenkeiDbContext db, WebhookService webhooks, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookOutbox> log)
{
    /// <summary>Makes the calls that are due; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = Clock.UtcNow(time);
        var due = await db.OutboundWebhooks.AsNoTracking()
            .Where(w => w.SentAt == null && w.FailedAt == null && w.NextAttemptAt <= now)
            .OrderBy(w => w.NextAttemptAt).Take(Outbox.Batch)
            .Select(w => new { w.Id, w.NextAttemptAt })
            .ToListAsync(ct);
        var attempted = 0;
        foreach (var item in due)
        {
            var leased = await db.OutboundWebhooks
                .Where(w => w.Id == item.Id && w.SentAt == null && w.NextAttemptAt == item.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextAttemptAt, now + options.Value.Lease), ct);
            if (leased == 0)
            {
                continue; // another host has it
            }
            attempted++;
            var call = await db.OutboundWebhooks.AsNoTracking().FirstAsync(w => w.Id == item.Id, ct);
            var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == call.SubscriptionId, ct);
            if (subscription is null)
            {
                continue; // removed: its calls went with it
            }
            int? status = null;
            string? error;
            try
            {
                status = await sender.SendAsync(subscription.Url, webhooks.Secret(subscription), call, ct);
                error = status is >= 200 and < 300 ? null : $"HTTP {status}";
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = ex.GetType().Name + ": " + ex.Message;
            }
            if (error is null)
            {
                await db.OutboundWebhooks.Where(w => w.Id == item.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.SentAt, Clock.UtcNow(time)).SetProperty(w => w.Attempts, w => w.Attempts + 1).SetProperty(w => w.LastStatus, status), ct);
                continue;
            }
            var attempts = call.Attempts + 1;
            var giveUp = attempts >= options.Value.MaxAttempts;
            log.LogWarning("Webhook {DeliveryId} to {Url} failed (attempt {Attempt}): {Error}{GivenUp}", call.Id, subscription.Url, attempts, error, giveUp ? "; giving up" : "");
            await db.OutboundWebhooks.Where(w => w.Id == item.Id).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Attempts, attempts)
                .SetProperty(w => w.NextAttemptAt, Clock.UtcNow(time) + Outbox.Backoff(attempts))
                .SetProperty(w => w.FailedAt, giveUp ? Clock.UtcNow(time) : null)
                .SetProperty(w => w.LastStatus, status)
                .SetProperty(w => w.LastError, Outbox.Error(error)), ct);
        }
        return attempted;
    }
}
