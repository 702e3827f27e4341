using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Presets;

public static class PresetSetup
{
    /// <summary>Content presets per incident type (事案に応じた提供内容): the defaults and each organisation's own.</summary>
    public static IServiceCollection AddPresets(this IServiceCollection services)
    {
        services.AddScoped<ContentPresetService>();
        return services;
    }
}
