using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Renkei.Common;

/// <summary>
/// The loop every background job shares: run passes while they find work, then wait (for a
/// signal, a timer, the poll interval) and start again. A failed pass is logged and retried after
/// the wait, so one bad row or a database restart never stops the job; stopping the host ends
/// the wait and the loop.
/// </summary>
/// <remarks>
/// Every host runs every worker: the passes claim their rows by conditional updates (leases), so
/// two hosts never do the same work twice (see <see cref="Notifications.MailOutbox"/>).
/// </remarks>
public abstract class PollingWorker(ILogger log) : BackgroundService
{
    /// <summary>What the job does, for the log line of a failed pass ("Sending e-mail").</summary>
    protected abstract string Activity { get; }

    /// <summary>One pass; returns how many items it handled.</summary>
    protected abstract Task<int> PassAsync(CancellationToken ct);

    /// <summary>Waits until the next pass is worth running.</summary>
    protected abstract Task WaitAsync(CancellationToken ct);

    /// <summary>Whether a pass that handled items is followed at once by another (false for sweeps that may find the same rows again).</summary>
    protected virtual bool RepeatWhileBusy => true;

    /// <summary>False when the job has nothing to do on this installation (mail without an SMTP host); <see cref="Disabled"/> says why.</summary>
    protected virtual bool Enabled => true;

    /// <summary>Logs why the job does not run.</summary>
    protected virtual void Disabled()
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            Disabled();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PassAsync(stoppingToken) > 0 && RepeatWhileBusy)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "{Activity} failed; retrying", Activity);
            }
            try
            {
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
