using Renkei.Notifications;

namespace Renkei.Web.Notifications;

/// <summary>
/// Dispatches notification events as soon as a write raises them (woken by the signal), and
/// every few seconds anyway, for events saved by another host or left over from a restart.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, NotificationSignal signal, ILogger<NotificationWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<NotificationDispatcher>();
                while (await dispatcher.DispatchPendingAsync(ct: stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Dispatching notifications failed; retrying");
            }
            try
            {
                await signal.WaitForEventsAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
