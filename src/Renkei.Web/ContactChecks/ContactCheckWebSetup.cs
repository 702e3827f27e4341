using Renkei.ContactChecks;

namespace Renkei.Web.ContactChecks;

public static class ContactCheckWebSetup
{
    public static IServiceCollection AddRenkeiContactChecks(this IServiceCollection services)
    {
        services.AddHostedService<ContactCheckWorker>();
        return services;
    }
}
