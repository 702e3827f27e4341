using Microsoft.Extensions.Options;
using Renkei.Taxii.Feeds;

namespace Renkei.Web.Taxii;

/// <summary>
/// Pulls partner feeds when they are due (their interval, a retry after a failure, or an admin's
/// "pull now"). Each feed is leased before it is pulled, so two hosts never pull it at once.
/// </summary>
public sealed class TaxiiFeedWorker(IServiceScopeFactory scopes, TaxiiFeedSignal signal, IOptions<TaxiiFeedOptions> options, ILogger<TaxiiFeedWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PullDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Pulling partner feeds failed; retrying");
            }
            try
            {
                await signal.WaitAsync(options.Value.Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PullDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<TaxiiFeedPuller>().DueAsync(ct);
        }
        foreach (var id in due)
        {
            // A scope per feed: one feed's tracked entities and failures stay its own.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TaxiiFeedPuller>().RunAsync(id, ct);
        }
    }
}
