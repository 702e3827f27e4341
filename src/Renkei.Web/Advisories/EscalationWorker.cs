using Microsoft.Extensions.Options;
using Renkei.Advisories;
using Renkei.Common;

namespace Renkei.Web.Advisories;

/// <summary>Runs the escalation sweep of emergency advisories on a timer (<see cref="AdvisoryOptions.EscalationSweep"/>).</summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, IOptions<AdvisoryOptions> options, TimeProvider time, ILogger<EscalationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalated = await scope.ServiceProvider.GetRequiredService<AdvisoryEscalation>().EscalateDueAsync(Clock.UtcNow(time), stoppingToken);
                if (escalated > 0)
                {
                    log.LogInformation("Escalated an emergency advisory to the secondary contacts of {Count} organisation(s)", escalated);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "The escalation sweep failed; retrying");
            }
            try
            {
                await Task.Delay(options.Value.EscalationSweep, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
