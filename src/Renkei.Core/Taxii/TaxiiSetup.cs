using Microsoft.Extensions.DependencyInjection;
using Renkei.Taxii.Feeds;

namespace Renkei.Taxii;

public static class TaxiiSetup
{
    /// <summary>TAXII collections and objects as the server reads them, and the pull of partners' feeds.</summary>
    public static IServiceCollection AddTaxii(this IServiceCollection services)
    {
        services.AddOptions<TaxiiFeedOptions>().BindConfiguration(TaxiiFeedOptions.Section)
            .Validate(o => o.Poll > TimeSpan.Zero && o.Timeout > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero, "Renkei:TaxiiFeeds:Poll, Timeout and RetryDelay must be positive durations.")
            .Validate(o => o.Retries >= 0 && o.PageLimit is > 0 and <= 10_000 && o.MaxPagesPerRun > 0 && o.BatchObjects > 0 && o.MaxPageBytes > 0 && o.RunsKept > 0,
                "Renkei:TaxiiFeeds: Retries must not be negative; PageLimit (at most 10000), MaxPagesPerRun, BatchObjects, MaxPageBytes and RunsKept must be positive.")
            .Validate(o => o.Lease > o.Timeout * (o.Retries + 1) * 2, "Renkei:TaxiiFeeds:Lease must be well over a run's requests (Timeout × attempts), or a slow run could be taken twice.")
            .ValidateOnStart();
        services.AddScoped<TaxiiCollections>();
        services.AddScoped<TaxiiObjects>();
        services.AddSingleton<TaxiiFeedSignal>();
        services.AddSingleton<TaxiiFeedClient>();
        services.AddScoped<TaxiiFeedService>();
        services.AddScoped<TaxiiFeedPuller>();
        services.AddHostedService<TaxiiFeedWorker>();
        return services;
    }
}
