using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Renkei.Identity;
using Renkei.ReferenceData;
using Renkei.Storage;

namespace Renkei;

/// <summary>
/// What start-up does before serving: schema migrations, the indicator-correlation backfill (once
/// per rules version), reference data, the seeded safety standards, the shipped penetration survey and guideline versions, roles, the bootstrap administrator, the STIX form of
/// advisories published before it was kept. Each step is idempotent, so every start runs it.
/// </summary>
public sealed class PlatformInitialiser(
    SchemaMigrator migrator,
    ReferenceDataSeeder seeder,
    Standards.SafetyStandardSeeder standards,
    Assessments.PenetrationSurveySeeder survey,
    Guideline.GuidelineSeeder guideline,
    RoleCatalog roles,
    AdminBootstrap bootstrap,
    Stix.AdvisoryStixBackfill stixBackfill,
    Correlation.CorrelationBackfill correlation,
    ILogger<PlatformInitialiser> logger)
{
    public async Task InitialiseAsync(IConfiguration configuration, TextWriter console, CancellationToken ct = default)
    {
        var applied = await migrator.MigrateAsync(null, ct);
        if (applied.Count > 0)
        {
            logger.LogInformation("Schema migrated to version {Version} (applied {Applied})", migrator.LatestVersion, string.Join(", ", applied));
        }
        var backfill = await correlation.RunAsync(force: false, ct);
        if (backfill.Ran)
        {
            logger.LogInformation("Indicator correlation rebuilt: {Occurrences} occurrences from {Reports} reports, {Advisories} advisories and {Sets} indicator sets",
                backfill.Occurrences, backfill.Reports, backfill.Advisories, backfill.IndicatorSets);
        }
        await seeder.SeedAsync(ct);
        await standards.SeedAsync(ct);
        await survey.SeedAsync(ct);
        await guideline.SeedAsync(ct);
        await roles.EnsureAsync();
        await bootstrap.RunAsync(configuration, console, ct);
        await stixBackfill.RunAsync(ct);
    }
}
