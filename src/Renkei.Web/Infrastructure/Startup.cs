using Renkei.Storage;

namespace Renkei.Web.Infrastructure;

public static class Startup
{
    /// <summary>
    /// Migrates, seeds and bootstraps before the host serves its first request. A failure stops
    /// start-up with the reason on one line (not a stack trace) and exit code 1.
    /// </summary>
    public static async Task<bool> InitialisePlatformAsync(this WebApplication app, DatabaseSettings database)
    {
        var logger = app.Services.GetRequiredService<ILogger<PlatformInitialiser>>();
        logger.LogInformation("Renkei storage: {Database}", database.Describe());
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlatformInitialiser>().InitialiseAsync(app.Configuration, Console.Out, app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or MigrationException or InvalidDataException or System.Data.Common.DbException)
        {
            logger.LogCritical("Renkei cannot start: {Reason}", ex.Message);
            Environment.ExitCode = 1;
            return false;
        }
    }
}
