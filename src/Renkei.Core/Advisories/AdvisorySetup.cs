using Microsoft.Extensions.DependencyInjection;
using Renkei.Notifications;

namespace Renkei.Advisories;

public static class AdvisorySetup
{
    /// <summary>Advisories down the chain (情報提供): issue, relay, receipts, escalation of unacknowledged emergencies.</summary>
    public static IServiceCollection AddAdvisories(this IServiceCollection services)
    {
        services.AddOptions<AdvisoryOptions>().BindConfiguration(AdvisoryOptions.Section)
            .Validate(o => o.EscalateAfter > TimeSpan.Zero && o.EscalationSweep > TimeSpan.Zero, "Renkei:Advisories:EscalateAfter and EscalationSweep must be positive durations.")
            .ValidateOnStart();
        services.AddScoped<AdvisoryService>();
        services.AddScoped<AdvisoryReceipts>();
        services.AddScoped<AdvisoryRelay>();
        services.AddScoped<AdvisoryEscalation>();
        services.AddNotificationComposer<AdvisoryNotifications>();
        services.AddHostedService<EscalationWorker>();
        return services;
    }
}
