using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renkei.Common;

namespace Renkei.ContactChecks;

/// <summary>
/// Starts contact-check rounds when they are due (a scheduled time reached, a repeating check's
/// next day). Polls: a schedule is minutes or days away, and every host may run this worker, since
/// each round is claimed by a conditional update (<see cref="ContactCheckRounds"/>).
/// </summary>
public sealed class ContactCheckWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<ContactCheckWorker> log) : PollingWorker(log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    protected override string Activity => "Starting due contact-check rounds";

    /// <summary>One pass: starts what is due now; returns how many rounds started.</summary>
    public async Task<int> StartDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCheckRounds>().StartDueAsync(ct: ct);
    }

    protected override Task<int> PassAsync(CancellationToken ct) => StartDueAsync(ct);

    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(Poll, time, ct);
}
