using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renkei.Storage;

namespace Renkei.Web.Health;

public sealed record HealthView(string Status, string Database, int SchemaVersion, int ExpectedSchemaVersion);

/// <summary>
/// <c>GET /healthz</c> for load balancers and operators: open without sign-in, so it says only
/// whether the database answers and the schema is current — no names, counts or versions of software.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Check).WithName("Health").WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> Check(RenkeiDbContext db, SchemaMigrator migrator, DatabaseSettings settings, CancellationToken ct)
    {
        var provider = settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var version = await migrator.CurrentVersionAsync(timeout.Token);
            if (version == migrator.LatestVersion)
            {
                _ = await db.Sectors.AsNoTracking().AnyAsync(timeout.Token);
            }
            var view = new HealthView(version == migrator.LatestVersion ? "ok" : "schema_outdated", provider, version, migrator.LatestVersion);
            return view.Status == "ok" ? TypedResults.Ok(view) : TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
        {
            return TypedResults.Json(new HealthView("database_unavailable", provider, 0, migrator.LatestVersion), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
