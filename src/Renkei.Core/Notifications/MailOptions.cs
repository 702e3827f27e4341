namespace Renkei.Notifications;

/// <summary>
/// E-mail notifications (Renkei:Mail). Without an SMTP host no e-mail is queued; notifications
/// stay in the application.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Renkei:Mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;

    /// <summary>Upgrade the connection with STARTTLS (required by most relays outside loopback).</summary>
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "renkei@localhost";

    /// <summary>The address people open Renkei at, for the links in e-mails.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Attempts before an e-mail is given up (and left visible as failed).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a host holds a message it is sending before another may take it. A message that was
    /// being sent when its host died goes out again after this (under the same Message-ID); it must
    /// outlast the slowest SMTP conversation, or two live hosts could send the same message.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public string Link(string path) => PublicUrl.TrimEnd('/') + path;
}
