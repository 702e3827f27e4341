using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Guideline;

public static class GuidelineSetup
{
    /// <summary>The guideline (指針): its versions on the assessment engine and the sectors' coverage of it.</summary>
    public static IServiceCollection AddGuideline(this IServiceCollection services)
    {
        services.AddScoped<GuidelineService>();
        services.AddScoped<GuidelineCoverageService>();
        services.AddScoped<GuidelineSeeder>();
        return services;
    }
}
