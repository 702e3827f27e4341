using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Webhooks;

public static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.MaxAttempts > 0 && o.Timeout > TimeSpan.Zero, "Renkei:Webhooks:MaxAttempts and Timeout must be positive.")
            .Validate(o => o.Lease > o.Timeout, "Renkei:Webhooks:Lease must be longer than Renkei:Webhooks:Timeout, or a slow call could be made twice.")
            .ValidateOnStart();
        services.AddScoped<WebhookService>();
        services.AddSingleton<WebhookSender>();
        services.AddScoped<WebhookOutbox>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
