using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;

namespace Renkei.Notifications;

/// <summary>Sends the e-mail outbox (<see cref="MailOutbox"/>) when mail is queued, and every few seconds for mail queued by another host.</summary>
public sealed class MailWorker(IServiceScopeFactory scopes, NotificationSignal signal, IOptions<MailOptions> options, ILogger<MailWorker> log) : PollingWorker(log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    protected override string Activity => "Sending e-mail";

    protected override bool Enabled => options.Value.Enabled;

    protected override void Disabled() =>
        log.LogInformation("No SMTP host is configured (Renkei:Mail:SmtpHost): notifications stay in the application");

    protected override async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendDueAsync(ct);
    }

    protected override Task WaitAsync(CancellationToken ct) => signal.WaitForMailAsync(Poll, ct);
}
