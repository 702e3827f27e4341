using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Identity;
using Renkei.Indicators;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Cli.Tests;

/// <summary>The `renkei` command as an operator runs it: a separate process, configured by the environment.</summary>
public abstract class CommandsTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override DatabaseState InitialState => DatabaseState.Empty;

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (code, output, error) = await Cli.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Renkei"] = Database.Settings.ConnectionString,
            ["RENKEI_ADMIN_EMAIL"] = "cli-admin@renkei.test",
            ["RENKEI_ADMIN_PASSWORD"] = "a passphrase for the cli test",
        }, args);
        return (code, output + error);
    }

    /// <summary>
    /// The line the command prints after applying every embedded migration from <paramref name="from"/>
    /// on; taken from the embedded scripts so a new migration does not need this test edited, while the
    /// floor below still fails if the scripts stopped being embedded.
    /// </summary>
    private string AppliedLine(int from)
    {
        var known = Migration.For(Provider);
        known.Count.ShouldBeGreaterThanOrEqualTo(16);
        var versions = known.Where(m => m.Version >= from).Select(m => m.Version.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        return $"Applied {string.Join(", ", versions)}; schema is at version {known[^1].Version}.";
    }

    [Fact]
    public async Task Migrate_FromEmpty_AppliesAllAndSeeds_ThenNothingTheSecondTime()
    {
        var (code, output) = await RunAsync("migrate");
        code.ShouldBe(0, output);
        output.ShouldContain(AppliedLine(from: 1));
        output.ShouldContain("123 created"); // sectors, business scopes (cable TV sits under telecommunications), organisation kinds, CEPTOARs, communities (with the four recipient groups), …

        (code, output) = await RunAsync("migrate");
        code.ShouldBe(0, output);
        output.ShouldContain("nothing to apply");
        output.ShouldContain("0 created, 0 updated");
    }

    [Fact]
    public async Task Migrate_ToPreviousVersion_ThenToLatest()
    {
        (await RunAsync("migrate", "--to", "2")).ExitCode.ShouldBe(0);
        var (_, status) = await RunAsync("migrate", "status");
        status.ShouldContain("0004 incident_reports");
        status.ShouldContain("pending");
        var (code, output) = await RunAsync("migrate");
        code.ShouldBe(0, output);
        output.ShouldContain(AppliedLine(from: 3));
    }

    [Fact]
    public async Task AuditVerify_IntactThenTampered_ReportsFirstBrokenLinkWithExitCode2()
    {
        (await RunAsync("migrate")).ExitCode.ShouldBe(0);
        var boot = await RunAsync("bootstrap");
        boot.ExitCode.ShouldBe(0, boot.Output);
        var (code, output) = await RunAsync("audit", "verify");
        code.ShouldBe(0, output);
        output.ShouldContain("Audit trail intact");

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER USER");
            }
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 42");
        });

        (code, output) = await RunAsync("audit", "verify");
        code.ShouldBe(2, output);
        output.ShouldContain("BROKEN at event #42");
    }

    [Fact]
    public async Task StixBackfill_ExportsAdvisoriesWithoutStix_AsTheLiveExportDid_ThenNothing()
    {
        (await RunAsync("migrate")).ExitCode.ShouldBe(0);
        // An advisory published through the service, then its STIX form removed: as if published before 0013.
        var id = await InScopeAsync(async sp =>
        {
            var (_, caller) = await Data.UserOfAsync("nisc", Role.Analyst);
            var advisories = sp.GetRequiredService<AdvisoryService>();
            var draft = await advisories.CreateAsync(caller, new AdvisoryInput
            {
                Kind = AdvisoryKind.Alert,
                Title = "不審な通信への注意喚起",
                Summary = "C2 サーバへの通信が確認されています。",
                Indicators = [new IndicatorInput { Type = IndicatorType.Ipv4, Value = "198.51.100.23" }],
                Tlp = Tlp.Green,
                Urgency = AdvisoryUrgency.Normal,
                Distribution = AdvisoryDistribution.Direct,
                Audience = [new AudienceEntry { Kind = AudienceKind.Sector, Key = "water" }],
            });
            draft.Ok.ShouldBeTrue(draft.Problem?.Detail);
            var published = await advisories.PublishAsync(caller, draft.Value!.Id, new PublishInput { Version = draft.Value.Version });
            published.Ok.ShouldBeTrue(published.Problem?.Detail);
            return draft.Value.Id;
        });
        var live = await StixRowsAsync(id);
        live.Count.ShouldBeGreaterThan(1);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            await db.StixCollectionEntries.Where(e => db.StixObjects.Any(o => o.SourceId == id && o.Seq == e.Seq)).ExecuteDeleteAsync();
            await db.StixObjects.Where(o => o.SourceId == id).ExecuteDeleteAsync();
        });

        var (code, output) = await RunAsync("stix", "backfill");
        code.ShouldBe(0, output);
        output.ShouldContain("STIX backfill: exported 1 advisory.");
        (await StixRowsAsync(id)).ShouldBe(live);

        (code, output) = await RunAsync("stix", "backfill");
        code.ShouldBe(0, output);
        output.ShouldContain("nothing to export");
        (await StixRowsAsync(id)).ShouldBe(live);
    }

    /// <summary>A source's STIX objects as served: id, version and JSON, in arrival order.</summary>
    private Task<List<string>> StixRowsAsync(Guid sourceId) => InScopeAsync(async sp =>
        await sp.GetRequiredService<RenkeiDbContext>().StixObjects.Where(o => o.SourceId == sourceId).OrderBy(o => o.Seq)
            .Select(o => o.StixId + " " + o.Json).ToListAsync());

    [Fact]
    public async Task BadConfiguration_ExitCode1WithReason()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "renkei.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "migrate"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["RENKEI_DATABASE_URL"] = "mysql://nope";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(1);
        error.ShouldContain("RENKEI_DATABASE_URL must look like postgres://");
    }
}

public sealed class CommandsTests_Sqlite() : CommandsTests(DatabaseProvider.Sqlite);

public sealed class CommandsTests_Postgres() : CommandsTests(DatabaseProvider.Postgres);
