using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Notifications;

/// <summary>
/// Sends the e-mail outbox (<see cref="Outbox.SendDueAsync"/>): each message leased before it is
/// sent, retried with growing delays, given up after <see cref="MailOptions.MaxAttempts"/> and
/// kept visible as failed.
/// </summary>
public sealed class MailOutbox(RenkeiDbContext db, SmtpMailer mailer, IOptions<MailOptions> options, TimeProvider time, ILogger<MailOutbox> log)
{
    /// <summary>Sends what is due; returns how many messages were attempted.</summary>
    public Task<int> SendDueAsync(CancellationToken ct = default) =>
        Outbox.SendDueAsync(db.OutboundEmails, options.Value.Lease, options.Value.MaxAttempts, time, log, m => $"E-mail {m.Id} to {m.ToAddress}",
            async (message, token) =>
            {
                await mailer.SendAsync(message, token);
                return new OutboxAttempt<OutboundEmail>(null);
            }, ct);
}
