using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Correlation;

public static class CorrelationSetup
{
    public static IServiceCollection AddCorrelation(this IServiceCollection services)
    {
        services.AddScoped<IndicatorOccurrences>();
        services.AddScoped<CorrelationBackfill>();
        services.AddScoped<CorrelationQueries>();
        return services;
    }
}
