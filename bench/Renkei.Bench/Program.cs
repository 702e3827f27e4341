using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Renkei;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Directory;
using Renkei.Directory.Csv;
using Renkei.Identity;
using Renkei.Notices;
using Renkei.ReferenceData;
using Renkei.Storage;

// Renkei benchmarks. Each command prints progress, then as its LAST line one JSON object with its figures.
//   dotnet run -c Release --project bench/Renkei.Bench -- init
//   dotnet run -c Release --project bench/Renkei.Bench -- csv-import --orgs 7000
//   dotnet run -c Release --project bench/Renkei.Bench -- visibility --notices 100000
//   dotnet run -c Release --project bench/Renkei.Bench -- audit-verify --events 100000
//   dotnet run -c Release --project bench/Renkei.Bench -- report-intake --reports 2000 --concurrency 8
//   dotnet run -c Release --project bench/Renkei.Bench -- fanout --orgs 10000 --users-per-org 3
//   dotnet run -c Release --project bench/Renkei.Bench -- cascade --nodes 100000 --edges 1000000 --steps 168 [--scale] [--spof K | --spof -1]
//     (operator-level cascade, no database: graph build and simulation times, memory per node+dependency;
//      --scale also runs a quarter and half the size to show memory grows linearly; --spof ranks that many candidates, -1 the engine's default for the graph's size)
//   dotnet run -c Release --project bench/Renkei.Bench -- stix-import --objects 100000
//     (one bundle of that many indicators through the importer: parse, validate, label, store; median of 3 runs)
//   dotnet run -c Release --project bench/Renkei.Bench -- taxii-page --objects 1000000 [--requests 500] [--warmup 1000]
//     (a collection of that many objects served by the web host over loopback; random pages of 1,000 by next and added_after;
//      --warmup requests first, untimed: the host's tiered JIT recompiles its hot paths over its first ~1,000 requests,
//      so the default measures a server in steady state; --warmup 20 shows the tail of a freshly started one)
//   dotnet run -c Release --project bench/Renkei.Bench -- sectors [--repetitions 1000] [--steps 168]
//     (sector model on the shipped 15-sector matrix: matrix read, static solve and dynamic run, each timed per call; no database)
//   dotnet run -c Release --project bench/Renkei.Bench -- survey --orgs 7000 --items 120 [--concurrency 4]
//     (the penetration survey: every operator saves all its answers and submits through AssessmentService; then, closed,
//      all sector × item aggregates with the k-threshold and one operator's gap view, medians of 7 and 21 reads)
// Add --postgres "Host=…;Username=…;Database=postgres" to run on PostgreSQL (a database is created and dropped).
var command = args.FirstOrDefault() ?? "help";
int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string? Text(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var postgres = Text("--postgres");

if (command == "sectors")
{
    // Pure computation: no database to open.
    var figures = SectorModel.Run(Arg("--repetitions", 1000), Arg("--steps", 168));
    figures["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1);
    Console.WriteLine(JsonSerializer.Serialize(figures));
    return 0;
}
if (command == "cascade")
{
    // Pure computation: no database to open.
    var figures = Cascade.Run(Arg("--nodes", 100_000), Arg("--edges", 1_000_000), Arg("--steps", 168), args.Contains("--scale"), Arg("--spof", 0));
    figures["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1);
    Console.WriteLine(JsonSerializer.Serialize(figures));
    return 0;
}

await using var bench = await BenchDatabase.CreateAsync(postgres);
var result = command switch
{
    "init" => await Benchmarks.InitAsync(bench),
    "csv-import" => await Benchmarks.CsvImportAsync(bench, Arg("--orgs", 7000)),
    "visibility" => await Benchmarks.VisibilityAsync(bench, Arg("--notices", 100_000)),
    "audit-verify" => await Benchmarks.AuditVerifyAsync(bench, Arg("--events", 100_000)),
    "report-intake" => await ReportIntake.RunAsync(bench, Arg("--reports", 2000), Arg("--concurrency", 8), Text("--web")),
    "fanout" => await Fanout.RunAsync(bench, Arg("--orgs", 10_000), Arg("--users-per-org", 3)),
    "stix-import" => await Renkei.Bench.StixBench.ImportAsync(bench, Arg("--objects", 100_000)),
    "survey" => await Survey.RunAsync(bench, Arg("--orgs", 7000), Arg("--items", 120), Arg("--concurrency", 4)),
    "taxii-page" => await Renkei.Bench.StixBench.PageAsync(bench, Arg("--objects", 1_000_000), Arg("--requests", 500), Arg("--warmup", 1000), Text("--web")),
    _ => null,
};
if (result is null)
{
    Console.WriteLine("commands: init | csv-import --orgs N | visibility --notices N | audit-verify --events N | report-intake --reports N [--concurrency C] [--web <Renkei.Web.dll>] | fanout --orgs N --users-per-org U | cascade --nodes N --edges M --steps S [--scale] [--spof K] | sectors [--repetitions R] [--steps S] | stix-import --objects N | taxii-page --objects N [--requests R] [--warmup W] | survey --orgs N --items M [--concurrency C]   [--postgres <connection string>]");
    return 1;
}
result["provider"] = bench.Settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
result["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1);
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;

internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private BenchDatabase(DatabaseSettings settings, Func<Task> drop)
    {
        Settings = settings;
        _drop = drop;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddRenkeiCore(settings);
        services.AddRenkeiIdentityCore();
        Services = services.BuildServiceProvider();
    }

    public DatabaseSettings Settings { get; }
    public ServiceProvider Services { get; }

    public static async Task<BenchDatabase> CreateAsync(string? postgres)
    {
        if (postgres is null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"renkei-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}"), () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }
                return Task.CompletedTask;
            });
        }
        var name = $"renkei_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(postgres, $"CREATE DATABASE {name}");
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString);
        return new BenchDatabase(settings, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _drop();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

internal static class Benchmarks
{
    public static async Task<Dictionary<string, object>> InitAsync(BenchDatabase bench)
    {
        var watch = Stopwatch.StartNew();
        await InitialiseAsync(bench);
        var first = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await InitialiseAsync(bench);
        var again = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"empty database to schema + reference data: {first:F0} ms; idempotent re-run: {again:F0} ms");
        return new() { ["command"] = "init", ["first_run_ms"] = Math.Round(first), ["rerun_ms"] = Math.Round(again) };
    }

    public static async Task<Dictionary<string, object>> CsvImportAsync(BenchDatabase bench, int organisations)
    {
        await InitialiseAsync(bench);
        var admin = await PlatformAdminAsync(bench);
        var csv = new StringBuilder("code,name_ja,name_en,kind,sector,business_scope,ceptoars,primary_contact_name,primary_contact_email\n");
        string[] sectors = ["electricity", "gas", "water", "medical", "railways"];
        for (var i = 0; i < organisations; i++)
        {
            var sector = sectors[i % sectors.Length];
            csv.Append(CultureInfo.InvariantCulture, $"bench-{i},事業者{i},Operator {i},operator,{sector},{sector},{sector},当番,soc{i}@example.jp\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await using var scope = bench.Services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var report = (await scope.ServiceProvider.GetRequiredService<OrganisationCsv>().ImportAsync(admin, bytes)).Value!;
        var ms = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"imported {report.Created} organisations with a CEPTOAR membership and a contact each in {ms:F0} ms ({report.Rejected} rejected)");
        return new() { ["command"] = "csv-import", ["organisations"] = organisations, ["created"] = report.Created, ["ms"] = Math.Round(ms), ["rows_per_s"] = Math.Round(organisations / (ms / 1000)) };
    }

    public static async Task<Dictionary<string, object>> VisibilityAsync(BenchDatabase bench, int notices)
    {
        await InitialiseAsync(bench);
        var admin = await PlatformAdminAsync(bench);
        Guid orgId, userId;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var org = new Organisation { Id = Guid.CreateVersion7(), NameJa = "読者", NameEn = "Reader", Kind = OrganisationKind.Operator, SectorCode = "gas", BusinessScopeCode = "gas", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Organisations.Add(org);
            db.CeptoarMemberships.Add(new CeptoarMembership { CeptoarCode = "gas", OrganisationId = org.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            orgId = org.Id;
        }
        userId = admin.UserId;
        // Notices spread over audiences: 1 in 20 reaches the reader's CEPTOAR, 1 in 50 is RED to someone else.
        string[] ceptoars = ["electricity", "water", "medical", "railways", "gas", "t-ceptoar", "banking", "credit", "chemicals", "petroleum"];
        var watch = Stopwatch.StartNew();
        for (var batch = 0; batch < notices; batch += 5000)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < Math.Min(notices, batch + 5000); i++)
            {
                var audience = new Audience { Id = Guid.CreateVersion7() };
                var red = i % 50 == 0;
                audience.Members.Add(red
                    ? new AudienceMember { AudienceId = audience.Id, Kind = AudienceKind.User, Key = Guid.NewGuid().ToString("D") }
                    : new AudienceMember { AudienceId = audience.Id, Kind = AudienceKind.Ceptoar, Key = i % 20 == 0 ? "gas" : ceptoars[i % ceptoars.Length] == "gas" ? "water" : ceptoars[i % ceptoars.Length] });
                db.Audiences.Add(audience);
                db.Notices.Add(new Notice
                {
                    Id = Guid.CreateVersion7(),
                    Title = $"Notice {i}",
                    Body = "本文",
                    Tlp = red ? Tlp.Red : Tlp.Amber,
                    OwnerOrganisationId = admin.OrganisationId,
                    CreatedByUserId = userId,
                    AudienceId = audience.Id,
                    CreatedAt = DateTime.UtcNow.AddSeconds(-i),
                    UpdatedAt = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"seeded {notices} notices in {watch.Elapsed.TotalSeconds:F1} s");

        var reader = new Caller
        {
            UserId = Guid.NewGuid(),
            Email = "reader@example.jp",
            OrganisationId = orgId,
            OrganisationKind = OrganisationKind.Operator,
            SectorCode = "gas",
            BusinessScopeCode = "gas",
            Roles = new HashSet<Role> { Role.Viewer },
            CeptoarCodes = ["gas"],
        };
        var timings = new List<double>();
        var visible = 0;
        for (var run = 0; run < 30; run++)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<NoticeService>();
            var w = Stopwatch.StartNew();
            var page = await service.ListAsync(reader, 0, 50);
            timings.Add(w.Elapsed.TotalMilliseconds);
            visible = page.Total;
        }
        timings.Sort();
        var median = timings[timings.Count / 2];
        var p95 = timings[(int)(timings.Count * 0.95)];
        Console.WriteLine($"first page of 50 (with total) for a CEPTOAR member: {visible} of {notices} visible; median {median:F1} ms, p95 {p95:F1} ms over 30 runs");
        return new() { ["command"] = "visibility", ["notices"] = notices, ["visible"] = visible, ["page_median_ms"] = Math.Round(median, 1), ["page_p95_ms"] = Math.Round(p95, 1) };
    }

    public static async Task<Dictionary<string, object>> AuditVerifyAsync(BenchDatabase bench, int events)
    {
        await InitialiseAsync(bench);
        var watch = Stopwatch.StartNew();
        var existing = await CountAsync(bench);
        for (var written = existing; written < events;)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var n = (int)Math.Min(2000, events - written);
            for (var i = 0; i < n; i++)
            {
                db.AddAuditEvent(new AuditDraft("read", "notices", Guid.NewGuid().ToString("D"), null));
            }
            await db.SaveChangesAsync();
            written += n;
        }
        var appendMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await using var verifyScope = bench.Services.CreateAsyncScope();
        var result = await verifyScope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        var verifyMs = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"appended {events - existing} events in {appendMs:F0} ms; verified {result.Checked} in {verifyMs:F0} ms (intact: {result.Intact})");
        return new() { ["command"] = "audit-verify", ["events"] = result.Checked, ["intact"] = result.Intact, ["append_ms"] = Math.Round(appendMs), ["verify_ms"] = Math.Round(verifyMs), ["events_per_s"] = Math.Round(result.Checked / (verifyMs / 1000)) };
    }

    private static async Task<long> CountAsync(BenchDatabase bench)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().AuditEvents.LongCountAsync();
    }

    internal static async Task InitialiseAsync(BenchDatabase bench)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<RoleCatalog>().EnsureAsync();
    }

    internal static async Task<Caller> PlatformAdminAsync(BenchDatabase bench)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RENKEI_ADMIN_EMAIL"] = "bench@renkei.test",
            ["RENKEI_ADMIN_PASSWORD"] = "correct horse battery staple",
        }).Build();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync(configuration, TextWriter.Null);
        var id = await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Users.Where(u => u.Email == "bench@renkei.test").Select(u => u.Id).FirstAsync();
        return (await scope.ServiceProvider.GetRequiredService<CallerLoader>().LoadAsync(id))!;
    }
}
