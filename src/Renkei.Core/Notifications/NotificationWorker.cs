using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renkei.Common;

namespace Renkei.Notifications;

/// <summary>
/// Dispatches notification events as soon as a write raises them (woken by the signal), and
/// every few seconds anyway, for events saved by another host or left over from a restart.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, NotificationSignal signal, ILogger<NotificationWorker> log) : PollingWorker(log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override string Activity => "Dispatching notifications";

    protected override async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchPendingAsync(ct: ct);
    }

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitForEventsAsync(Poll, ct);
}
