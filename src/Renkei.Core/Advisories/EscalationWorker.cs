using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;

namespace Renkei.Advisories;

/// <summary>Runs the escalation sweep of emergency advisories on a timer (<see cref="AdvisoryOptions.EscalationSweep"/>).</summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, IOptions<AdvisoryOptions> options, TimeProvider time, ILogger<EscalationWorker> log) : PollingWorker(log)
{
    protected override string Activity => "The escalation sweep";

    // One sweep per tick: it reports what it escalated, and the next tick finds what is newly due.
    protected override bool RepeatWhileBusy => false;

    protected override async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var escalated = await scope.ServiceProvider.GetRequiredService<AdvisoryEscalation>().EscalateDueAsync(Clock.UtcNow(time), ct);
        if (escalated > 0)
        {
            log.LogInformation("Escalated an emergency advisory to the secondary contacts of {Count} organisation(s)", escalated);
        }
        return escalated;
    }

    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(options.Value.EscalationSweep, time, ct);
}
