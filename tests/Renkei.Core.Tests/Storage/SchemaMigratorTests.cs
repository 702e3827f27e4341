using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Storage;

public abstract class SchemaMigratorTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override DatabaseState InitialState => DatabaseState.Empty;

    [Fact]
    public async Task MigrateAsync_FromEmpty_SchemaMatchesModel()
    {
        await InScopeAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<SchemaMigrator>();
            var applied = await migrator.MigrateAsync();
            applied.ShouldBe(Enumerable.Range(1, migrator.LatestVersion).ToList());
        });
        await AssertSchemaMatchesModelAsync();
    }

    [Fact]
    public async Task MigrateAsync_FromEveryPreviousVersion_KeepsDataAndMatchesModel()
    {
        var latest = await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SchemaMigrator>().LatestVersion));
        for (var previous = 1; previous < latest; previous++)
        {
            await using var database = await TestDatabase.CreateAsync(Provider, DatabaseState.Empty);
            await using var services = database.BuildServices();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(previous);
                // Data written at the previous version must survive the upgrade.
                var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO sectors (code, name_ja, name_en, sort_order, updated_at, version) VALUES ('test', 'テスト', 'Test', 1, '2026-01-01 00:00:00', 1)");
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var applied = await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
                applied.ShouldBe(Enumerable.Range(previous + 1, latest - previous).ToList(), $"upgrading from version {previous}");
                var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
                (await db.Sectors.SingleAsync(s => s.Code == "test")).NameJa.ShouldBe("テスト");
                await AssertSchemaMatchesModelAsync(db);
            }
        }
    }

    [Fact]
    public async Task MigrateAsync_Twice_AppliesNothingTheSecondTime()
    {
        await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());
        var second = await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());
        second.ShouldBeEmpty();
        var applied = await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().AppliedAsync());
        applied.Select(a => a.Version).ShouldBe(Enumerable.Range(1, applied.Count).ToList());
        applied.Count.ShouldBe(await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SchemaMigrator>().LatestVersion)));
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptWasEdited_RefusesWithClearMessage()
    {
        await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        });
        var error = await Should.ThrowAsync<MigrationException>(() => InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync()));
        error.Message.ShouldContain("was changed after it was applied");
    }

    [Fact]
    public async Task MigrateAsync_DatabaseFromNewerBuild_Refuses()
    {
        await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', '2030-01-01 00:00:00')");
        });
        var error = await Should.ThrowAsync<MigrationException>(() => InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync()));
        error.Message.ShouldContain("newer Renkei");
    }

    [Fact]
    public async Task MigrateAsync_UnknownTarget_Refuses()
    {
        var error = await Should.ThrowAsync<MigrationException>(() => InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync(42)));
        error.Message.ShouldContain("no schema version 42");
    }

    private async Task AssertSchemaMatchesModelAsync()
    {
        await using var scope = Scope();
        await AssertSchemaMatchesModelAsync(scope.ServiceProvider.GetRequiredService<RenkeiDbContext>());
    }

    /// <summary>Every table, column (with nullability) and index of the model exists, and nothing else does.</summary>
    private static async Task AssertSchemaMatchesModelAsync(RenkeiDbContext db)
    {
        var actual = (await SchemaInspector.ColumnsAsync(db)).Where(c => c.Table != "schema_migrations").ToList();
        var expected = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => new SchemaInspector.Column(
                e.GetTableName()!, p.GetColumnName(), p.IsNullable)))
            .ToList();
        var missing = expected.Select(c => $"{c.Table}.{c.Name}").Except(actual.Select(c => $"{c.Table}.{c.Name}")).ToList();
        var extra = actual.Select(c => $"{c.Table}.{c.Name}").Except(expected.Select(c => $"{c.Table}.{c.Name}")).ToList();
        missing.ShouldBeEmpty("columns in the model but not in the migrated database");
        extra.ShouldBeEmpty("columns in the migrated database but not in the model");
        var nullability = expected.Join(actual, e => (e.Table, e.Name), a => (a.Table, a.Name), (e, a) => (e, a))
            .Where(x => x.e.Nullable != x.a.Nullable)
            .Select(x => $"{x.e.Table}.{x.e.Name}: model nullable={x.e.Nullable}, database nullable={x.a.Nullable}")
            .ToList();
        nullability.ShouldBeEmpty();

        var indexes = await SchemaInspector.IndexesAsync(db);
        var expectedIndexes = db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetDatabaseName()!).ToList();
        expectedIndexes.Except(indexes).ShouldBeEmpty("indexes in the model but not in the database");
    }
}

public sealed class SchemaMigratorTests_Sqlite() : SchemaMigratorTests(DatabaseProvider.Sqlite);

public sealed class SchemaMigratorTests_Postgres() : SchemaMigratorTests(DatabaseProvider.Postgres);
