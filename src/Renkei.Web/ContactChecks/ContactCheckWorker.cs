using Renkei.ContactChecks;

namespace Renkei.Web.ContactChecks;

/// <summary>
/// Starts contact-check rounds when they are due (a scheduled time reached, a repeating check's
/// next day). Polls: a schedule is minutes or days away, and every host may run this worker, since
/// each round is claimed by a conditional update (<see cref="ContactCheckRounds"/>).
/// </summary>
public sealed class ContactCheckWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<ContactCheckWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll, time);
        do
        {
            try
            {
                while (await StartDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Starting due contact-check rounds failed; retrying");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One pass: starts what is due now; returns how many rounds started.</summary>
    public async Task<int> StartDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContactCheckRounds>().StartDueAsync(ct: ct);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
