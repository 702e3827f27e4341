using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Audit;
using Renkei.Identity;
using Renkei.ReferenceData;
using Renkei.Stix;
using Renkei.Storage;

namespace Renkei.Cli;

/// <summary>Exit codes: 0 done, 1 failed (the reason is printed), 2 the audit trail is broken.</summary>
internal static class Commands
{
    public static Command Migrate()
    {
        var to = new Option<int?>("--to") { Description = "Target schema version (default: the latest). Downgrades are refused." };
        var schemaOnly = new Option<bool>("--schema-only") { Description = "Apply schema migrations only; do not load reference data." };
        var command = new Command("migrate", "Apply schema migrations, then load the reference data and roles (idempotent).") { to, schemaOnly };
        command.SetAction(async (result, ct) => await RunAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<SchemaMigrator>();
            Console.WriteLine($"Database: {CliHost.Describe()}");
            var applied = await migrator.MigrateAsync(result.GetValue(to), ct);
            var current = await migrator.CurrentVersionAsync(ct);
            Console.WriteLine(applied.Count == 0
                ? $"Schema is at version {current}; nothing to apply."
                : $"Applied {string.Join(", ", applied.Select(v => $"{v:D4}"))}; schema is at version {current}.");
            if (!result.GetValue(schemaOnly) && current == migrator.LatestVersion)
            {
                var seed = await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
                await sp.GetRequiredService<Standards.SafetyStandardSeeder>().SeedAsync(ct);
                await sp.GetRequiredService<Assessments.PenetrationSurveySeeder>().SeedAsync(ct);
                await sp.GetRequiredService<RoleCatalog>().EnsureAsync();
                Console.WriteLine($"Reference data: {seed.Created} created, {seed.Updated} updated, {seed.KeptAdminEdits} kept as edited by admins.");
                Print(await sp.GetRequiredService<Correlation.CorrelationBackfill>().RunAsync(force: false, ct));
            }
            return 0;
        }));

        var status = new Command("status", "List applied and pending schema migrations.");
        status.SetAction(async (_, ct) => await RunAsync(async sp =>
        {
            var migrator = sp.GetRequiredService<SchemaMigrator>();
            var applied = (await migrator.AppliedAsync(ct)).ToDictionary(a => a.Version);
            Console.WriteLine($"Database: {CliHost.Describe()}");
            foreach (var m in migrator.Known)
            {
                Console.WriteLine(applied.TryGetValue(m.Version, out var a)
                    ? $"  {m.Version:D4} {m.Name,-32} applied {a.AppliedAt:yyyy-MM-dd HH:mm:ss} UTC"
                    : $"  {m.Version:D4} {m.Name,-32} pending");
            }
            return 0;
        }));
        command.Subcommands.Add(status);
        return command;
    }

    public static Command Seed()
    {
        var command = new Command("seed", "Load the reference data files (sectors, ministries, CEPTOARs, communities) idempotently.");
        command.SetAction(async (_, ct) => await RunAsync(async sp =>
        {
            var seed = await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
            await sp.GetRequiredService<Standards.SafetyStandardSeeder>().SeedAsync(ct);
            await sp.GetRequiredService<Assessments.PenetrationSurveySeeder>().SeedAsync(ct);
            await sp.GetRequiredService<RoleCatalog>().EnsureAsync();
            Console.WriteLine($"Reference data: {seed.Created} created, {seed.Updated} updated, {seed.KeptAdminEdits} kept as edited by admins.");
            return 0;
        }));
        return command;
    }

    public static Command Correlate()
    {
        var command = new Command("correlate", "Rebuild the indicator correlation (\"seen before\") from every submitted report, published advisory and imported indicator set (idempotent).");
        command.SetAction(async (_, ct) => await RunAsync(async sp =>
        {
            Print(await sp.GetRequiredService<Correlation.CorrelationBackfill>().RunAsync(force: true, ct));
            return 0;
        }));
        return command;
    }

    private static void Print(Correlation.CorrelationBackfill.Outcome outcome) =>
        Console.WriteLine(outcome.Ran
            ? $"Indicator correlation: {outcome.Occurrences} occurrences from {outcome.Reports} reports, {outcome.Advisories} advisories and {outcome.IndicatorSets} indicator sets."
            : "Indicator correlation: up to date.");

    public static Command Bootstrap()
    {
        var command = new Command("bootstrap", "Create the platform administrator from RENKEI_ADMIN_EMAIL, RENKEI_ADMIN_PASSWORD and RENKEI_ADMIN_TOKEN (idempotent).");
        command.SetAction(async (_, ct) => await RunAsync(async sp =>
        {
            await sp.GetRequiredService<AdminBootstrap>().RunAsync(CliHost.Configuration, Console.Out, ct);
            Console.WriteLine("Bootstrap done.");
            return 0;
        }));
        return command;
    }

    public static Command Audit()
    {
        var verify = new Command("verify", "Recompute the audit trail's hash chain; report the first broken link (exit code 2 when broken).");
        verify.SetAction(async (_, ct) => await RunAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (result.Intact)
            {
                Console.WriteLine($"Audit trail intact: {result.Checked} events verified{(result.LastSeq is null ? "" : $", last #{result.LastSeq} {result.LastHash}")}.");
                return 0;
            }
            Console.WriteLine($"Audit trail BROKEN at event #{result.FirstBreak!.Seq}: {result.FirstBreak.Reason}. Events before it ({result.Checked}) are intact.");
            return 2;
        }));
        var command = new Command("audit", "The append-only, hash-chained audit trail.");
        command.Subcommands.Add(verify);
        return command;
    }

    public static Command Stix()
    {
        var backfill = new Command("backfill", "Export the STIX form of advisories published, revised or withdrawn before it was kept (schema 0013), as their live export would have; the web host does this at every start (idempotent).");
        backfill.SetAction(async (_, ct) => await RunAsync(async sp =>
        {
            var exported = await sp.GetRequiredService<AdvisoryStixBackfill>().RunAsync(ct);
            Console.WriteLine(exported == 0
                ? "STIX backfill: every published advisory has its STIX form; nothing to export."
                : $"STIX backfill: exported {exported} advisor{(exported == 1 ? "y" : "ies")}.");
            return 0;
        }));
        var command = new Command("stix", "The STIX 2.1 form of what Renkei shares.");
        command.Subcommands.Add(backfill);
        return command;
    }

    public static Command Schema()
    {
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        var script = new Command("script", "Print the EF model as CREATE statements for a provider: the starting point when writing a new migration by hand.") { provider };
        script.SetAction(result =>
        {
            var name = result.GetValue(provider);
            var settings = name == "postgres"
                ? new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=renkei")
                : new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:");
            var services = new ServiceCollection();
            services.AddSingleton(TimeProvider.System);
            services.AddLogging();
            services.AddRenkeiStorage(settings);
            using var sp = services.BuildServiceProvider();
            using var scope = sp.CreateScope();
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Database.GenerateCreateScript());
            return 0;
        });
        var command = new Command("schema", "Developer tools for the database schema.");
        command.Subcommands.Add(script);
        return command;
    }

    public static Command Simulate()
    {
        var input = new Option<FileInfo>("--input") { Description = "The scenario (JSON, docs/schemas/scenario.schema.json).", Required = true };
        var output = new Option<string?>("--output") { Description = "Where to write the result (JSON, docs/schemas/result.schema.json); - or nothing: standard output." };
        var command = new Command("simulate", "Run an interdependency scenario — the sector model (IIM) or the operator cascade — from a file. Needs no database.") { input, output };
        command.SetAction(async (result, ct) => await Simulation.RunAsync(result.GetValue(input)!, result.GetValue(output), ct));
        return command;
    }

    private static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> action)
    {
        try
        {
            await using var provider = CliHost.Build();
            await using var scope = CliHost.Scope(provider);
            return await action(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is MigrationException or InvalidOperationException or InvalidDataException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync("renkei: " + ex.Message);
            return 1;
        }
    }
}
