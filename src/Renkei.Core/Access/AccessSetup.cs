using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Access;

public static class AccessSetup
{
    /// <summary>The one access policy, callers, audiences and the issuers' remit.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<AccessPolicy>();
        services.AddScoped<CallerLoader>();
        services.AddScoped<AudienceBuilder>();
        services.AddScoped<AdvisoryRemit>();
        return services;
    }
}
