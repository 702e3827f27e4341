using Microsoft.Extensions.DependencyInjection;

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
        services.AddScoped<ContactCheckNotifications>();
        return services;
    }
}
