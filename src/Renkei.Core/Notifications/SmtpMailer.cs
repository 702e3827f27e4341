using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Renkei.Notifications;

/// <summary>Hands one outbox message to the configured SMTP server.</summary>
/// <remarks>
/// System.Net.Mail is enough for plain-text notifications to one relay (MailKit is not
/// available from the package registry here). The outbox id is the Message-ID: a resend after a
/// crash between sending and recording carries the same id, so mail systems can drop the copy.
/// </remarks>
public sealed class SmtpMailer(IOptions<MailOptions> options)
{
    public async Task SendAsync(OutboundEmail email, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort)
        {
            EnableSsl = o.UseStartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(o.UserName))
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }
        using var message = new MailMessage(new MailAddress(o.From, "Renkei 連携"), new MailAddress(email.ToAddress))
        {
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        message.Headers.Add("Message-ID", $"<{email.Id:N}@renkei>");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        await client.SendMailAsync(message, ct);
    }
}
