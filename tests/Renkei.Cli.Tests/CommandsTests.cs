using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Migrate_FromEmpty_AppliesAllAndSeeds_ThenNothingTheSecondTime()
    {
        var (code, output) = await RunAsync("migrate");
        code.ShouldBe(0, output);
        output.ShouldContain("Applied 0001, 0002, 0003, 0004, 0005, 0006, 0007, 0008, 0009, 0010, 0011, 0012, 0013, 0014; schema is at version 14.");
        output.ShouldContain("120 created");

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
        output.ShouldContain("Applied 0003, 0004, 0005, 0006, 0007, 0008, 0009, 0010, 0011, 0012, 0013, 0014; schema is at version 14.");
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
