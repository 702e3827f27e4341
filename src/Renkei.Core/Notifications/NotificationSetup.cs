using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Notifications;

public static class NotificationSetup
{
    /// <summary>In-app notifications, the e-mail outbox and the workers that fan events out and send mail.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Renkei:Mail:PublicUrl must be an absolute URL (the address in e-mail links).")
            .Validate(o => !o.Enabled || System.Net.Mail.MailAddress.TryCreate(o.From, out _), "Renkei:Mail:From must be an e-mail address.")
            .Validate(o => o.SmtpPort is > 0 and < 65536, "Renkei:Mail:SmtpPort must be a TCP port.")
            .Validate(o => o.Lease > TimeSpan.Zero, "Renkei:Mail:Lease must be a positive duration.")
            .ValidateOnStart();
        services.AddSingleton<NotificationSignal>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationService>();
        services.AddSingleton<SmtpMailer>();
        services.AddScoped<MailOutbox>();
        // Hosted services run only where a host starts them (the web host); the CLI and tests build plain providers.
        services.AddHostedService<NotificationWorker>();
        services.AddHostedService<MailWorker>();
        return services;
    }
}
