using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renkei.Audit;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Cli;

/// <summary>The services of the core library, configured from the environment like the web host.</summary>
internal static class CliHost
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public static ServiceProvider Build()
    {
        var settings = DatabaseSettings.FromConfiguration(Configuration);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        // The same Renkei__… variables as the web host configure the features' options here.
        services.AddSingleton(Configuration);
        services.AddRenkeiCore(settings);
        services.AddRenkeiIdentityCore();
        return services.BuildServiceProvider();
    }

    /// <summary>A scope whose writes the audit trail attributes to the operating-system user.</summary>
    public static AsyncServiceScope Scope(ServiceProvider provider)
    {
        var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditScope>().Actor = new AuditActor(null, "cli:" + Environment.UserName, null, null);
        return scope;
    }

    public static string Describe() => DatabaseSettings.FromConfiguration(Configuration).Describe();
}
