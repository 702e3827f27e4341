using Renkei.Notifications;

namespace Renkei.Web.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddRenkeiNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Renkei:Mail"))
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Renkei:Mail:PublicUrl must be an absolute URL (the address in e-mail links).")
            .Validate(o => !o.Enabled || System.Net.Mail.MailAddress.TryCreate(o.From, out _), "Renkei:Mail:From must be an e-mail address.")
            .Validate(o => o.SmtpPort is > 0 and < 65536, "Renkei:Mail:SmtpPort must be a TCP port.")
            .Validate(o => o.Lease > TimeSpan.Zero, "Renkei:Mail:Lease must be a positive duration.")
            .ValidateOnStart();
        services.AddOptions<Renkei.Advisories.AdvisoryOptions>().Bind(configuration.GetSection("Renkei:Advisories"))
            .Validate(o => o.EscalateAfter > TimeSpan.Zero && o.EscalationSweep > TimeSpan.Zero, "Renkei:Advisories:EscalateAfter and EscalationSweep must be positive durations.")
            .ValidateOnStart();
        services.AddOptions<Renkei.Webhooks.WebhookOptions>().Bind(configuration.GetSection("Renkei:Webhooks"))
            .Validate(o => o.MaxAttempts > 0 && o.Timeout > TimeSpan.Zero, "Renkei:Webhooks:MaxAttempts and Timeout must be positive.")
            .Validate(o => o.Lease > o.Timeout, "Renkei:Webhooks:Lease must be longer than Renkei:Webhooks:Timeout, or a slow call could be made twice.")
            .ValidateOnStart();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<Renkei.Webhooks.WebhookSender>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<Renkei.Webhooks.WebhookOutbox>();
        services.AddHostedService<Renkei.Webhooks.WebhookWorker>();
        services.AddHostedService<Renkei.Advisories.EscalationWorker>();
        services.AddHostedService<NotificationWorker>();
        services.AddHostedService<MailWorker>();
        return services;
    }
}
