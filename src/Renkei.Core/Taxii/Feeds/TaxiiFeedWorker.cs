using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;

namespace Renkei.Taxii.Feeds;

/// <summary>
/// Pulls partner feeds when they are due (their interval, a retry after a failure, or an admin's
/// "pull now"). Each feed is leased before it is pulled, so two hosts never pull it at once.
/// </summary>
public sealed class TaxiiFeedWorker(IServiceScopeFactory scopes, TaxiiFeedSignal signal, IOptions<TaxiiFeedOptions> options, ILogger<TaxiiFeedWorker> log) : PollingWorker(log)
{
    protected override string Activity => "Pulling partner feeds";

    // A feed with more to read is due again at once and found by the next tick; one walk per wake-up.
    protected override bool RepeatWhileBusy => false;

    protected override async Task<int> PassAsync(CancellationToken ct)
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
        return due.Count;
    }

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitAsync(options.Value.Poll, ct);
}
