using Microsoft.Extensions.DependencyInjection;
using Renkei.Interdependency.Scenarios;

namespace Renkei.Interdependency;

public static class InterdependencySetup
{
    public static IServiceCollection AddInterdependency(this IServiceCollection services)
    {
        services.AddScoped<ScenarioService>();
        services.AddScoped<DirectoryNodes>();
        return services;
    }
}
