using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Standards;

public static class StandardsSetup
{
    /// <summary>The registry of safety standards (安全基準等): the seeded lists and each sector's and operator's documents.</summary>
    public static IServiceCollection AddStandards(this IServiceCollection services)
    {
        services.AddScoped<SafetyStandardService>();
        services.AddScoped<SafetyStandardSeeder>();
        return services;
    }
}
