using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Webhooks;

/// <summary>
/// Sends the webhook outbox like <see cref="Notifications.MailOutbox"/> sends e-mail
/// (<see cref="Outbox.SendDueAsync"/>): a failure or non-2xx answer is retried with growing delays,
/// and after <see cref="WebhookOptions.MaxAttempts"/> the call stays visible as failed.
/// </summary>
public sealed class WebhookOutbox(RenkeiDbContext db, WebhookService webhooks, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookOutbox> log)
{
    /// <summary>Makes the calls that are due; returns how many were attempted.</summary>
    public Task<int> SendDueAsync(CancellationToken ct = default) =>
        Outbox.SendDueAsync(db.OutboundWebhooks, options.Value.Lease, options.Value.MaxAttempts, time, log, w => $"Webhook {w.Id} of subscription {w.SubscriptionId}", CallAsync, ct);

    private async Task<OutboxAttempt<OutboundWebhook>?> CallAsync(OutboundWebhook call, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == call.SubscriptionId, ct);
        if (subscription is null)
        {
            return null; // removed: its calls went with it
        }
        int? status = null;
        try
        {
            status = await sender.SendAsync(subscription.Url, webhooks.Secret(subscription), call, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new OutboxAttempt<OutboundWebhook>(ex.GetType().Name + ": " + ex.Message, s => s.SetProperty(w => w.LastStatus, (int?)null));
        }
        return new OutboxAttempt<OutboundWebhook>(status is >= 200 and < 300 ? null : $"HTTP {status}", s => s.SetProperty(w => w.LastStatus, status));
    }
}
