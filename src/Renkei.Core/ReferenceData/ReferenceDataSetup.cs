using Microsoft.Extensions.DependencyInjection;

namespace Renkei.ReferenceData;

public static class ReferenceDataSetup
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<ReferenceDataEditor>();
        return services;
    }
}
