using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Common;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.Web.Notifications;

/// <summary>
/// Sends the e-mail outbox. Each message is leased before it is sent (its next attempt moved
/// past the lease), so two hosts never send it at once; a failed send is retried with growing
/// delays and given up after <see cref="MailOptions.MaxAttempts"/>, staying visible as failed.
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, NotificationSignal signal, SmtpMailer mailer, IOptions<MailOptions> options, TimeProvider time, ILogger<MailWorker> log)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            log.LogInformation("No SMTP host is configured (Renkei:Mail:SmtpHost): notifications stay in the application");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Sending e-mail failed; retrying");
            }
            try
            {
                await signal.WaitForMailAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due; returns how many messages were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var now = Clock.UtcNow(time);
        var due = await db.OutboundEmails.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(20)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .ToListAsync(ct);
        var attempted = 0;
        foreach (var item in due)
        {
            var leased = await db.OutboundEmails
                .Where(m => m.Id == item.Id && m.SentAt == null && m.NextAttemptAt == item.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + options.Value.Lease), ct);
            if (leased == 0)
            {
                continue; // another host has it
            }
            attempted++;
            var message = await db.OutboundEmails.AsNoTracking().FirstAsync(m => m.Id == item.Id, ct);
            try
            {
                await mailer.SendAsync(message, ct);
                await db.OutboundEmails.Where(m => m.Id == item.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, Clock.UtcNow(time)).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var giveUp = attempts >= options.Value.MaxAttempts;
                var next = Clock.UtcNow(time) + Backoff(attempts);
                log.LogWarning(ex, "E-mail {DeliveryId} to {Recipient} failed (attempt {Attempt}){GivenUp}", message.Id, message.ToAddress, attempts, giveUp ? "; giving up" : "");
                var error = ex.GetType().Name + ": " + ex.Message;
                await db.OutboundEmails.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.FailedAt, giveUp ? Clock.UtcNow(time) : null)
                    .SetProperty(m => m.LastError, error.Length > 2000 ? error[..2000] : error), ct);
            }
        }
        return attempted;
    }

    /// <summary>30 s, 1 min, 2 min, 4 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
