using Microsoft.Extensions.DependencyInjection;
using Renkei.Notifications;

namespace Renkei.ContactChecks;

public static class ContactCheckSetup
{
    public static IServiceCollection AddContactChecks(this IServiceCollection services)
    {
        services.AddScoped<ContactCheckService>();
        services.AddScoped<ContactCheckRounds>();
        services.AddScoped<ContactCheckQueries>();
        services.AddScoped<ContactCheckConfirmations>();
        services.AddScoped<ContactCheckReports>();
        services.AddNotificationComposer<ContactCheckNotifications>();
        services.AddHostedService<ContactCheckWorker>();
        return services;
    }
}
