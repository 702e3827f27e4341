using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Stix;

public static class StixSetup
{
    public static IServiceCollection AddStix(this IServiceCollection services)
    {
        services.AddScoped<StixStore>();
        services.AddScoped<StixImporter>();
        services.AddScoped<StixExporter>();
        services.AddScoped<AdvisoryStixBackfill>();
        services.AddScoped<ReportStix>();
        services.AddScoped<IncidentStix>();
        services.AddScoped<IndicatorSetQueries>();
        return services;
    }
}
