using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renkei.Common;
using Renkei.Notifications;

namespace Renkei.Webhooks;

/// <summary>Makes the webhook outbox's calls (<see cref="WebhookOutbox"/>) when they are queued, and every few seconds for retries and other hosts' calls.</summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, NotificationSignal signal, ILogger<WebhookWorker> log) : PollingWorker(log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    protected override string Activity => "Sending webhooks";

    protected override async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookOutbox>().SendDueAsync(ct);
    }

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitForWebhooksAsync(Poll, ct);
}
