using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Notifications;

/// <summary>
/// Sends the e-mail outbox. Each message is leased before it is sent (its next attempt moved
/// past the lease), so two hosts never send it at once; a failed send is retried with growing
/// delays (<see cref="Outbox.Backoff"/>) and given up after <see cref="MailOptions.MaxAttempts"/>,
/// staying visible as failed.
/// </summary>
public sealed class MailOutbox(RenkeiDbContext db, SmtpMailer mailer, IOptions<MailOptions> options, TimeProvider time, ILogger<MailOutbox> log)
{
    /// <summary>Sends what is due; returns how many messages were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = Clock.UtcNow(time);
        var due = await db.OutboundEmails.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(Outbox.Batch)
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
                log.LogWarning(ex, "E-mail {DeliveryId} to {Recipient} failed (attempt {Attempt}){GivenUp}", message.Id, message.ToAddress, attempts, giveUp ? "; giving up" : "");
                var error = Outbox.Error(ex.GetType().Name + ": " + ex.Message);
                await db.OutboundEmails.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, Clock.UtcNow(time) + Outbox.Backoff(attempts))
                    .SetProperty(m => m.FailedAt, giveUp ? Clock.UtcNow(time) : null)
                    .SetProperty(m => m.LastError, error), ct);
            }
        }
        return attempted;
    }
}
