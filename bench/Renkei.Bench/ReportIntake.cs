using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

/// <summary>
/// Report intake over real HTTP: C clients, each an electricity operator's reporter with an API
/// token, file N reports (create the draft, then submit it as the first report) against the web
/// host listening on loopback.
/// </summary>
/// <remarks>
/// The host is the shipped Renkei.Web, started as a child process (<c>dotnet Renkei.Web.dll</c>)
/// rather than composed in this process: it runs exactly what production runs (Program.cs, its
/// middleware, Kestrel, start-up migration), its memory is measured apart from the clients', and
/// the bench does not have to reference a web project. The bench project builds it (a project
/// reference without its assembly) and finds its output through <c>RenkeiWebDll</c> metadata;
/// <c>--web &lt;path&gt;</c> overrides that.
/// </remarks>
internal static class ReportIntake
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchDatabase bench, int reports, int concurrency, string? webDll)
    {
        webDll ??= typeof(ReportIntake).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RenkeiWebDll").Value!;
        webDll = Path.GetFullPath(webDll);
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"The web host was not built at {webDll}; build it or pass --web <path to Renkei.Web.dll>.");
        }
        await Benchmarks.InitialiseAsync(bench);
        var tokens = new List<string>();
        for (var i = 0; i < concurrency; i++)
        {
            tokens.Add(await ReporterTokenAsync(bench, i));
        }
        Console.WriteLine($"{concurrency} electricity operators with a reporter and an API token each");

        var dataDirectory = Directory.CreateTempSubdirectory("renkei-bench-web-").FullName;
        WebHostProcess? host = null;
        try
        {
            host = await WebHostProcess.StartAsync(webDll, new Dictionary<string, string?>
            {
                ["ConnectionStrings__Renkei"] = bench.Settings.ConnectionString,
                ["RENKEI_DATA_DIR"] = dataDirectory,
                ["RENKEI_ADMIN_PASSWORD"] = "bench platform passphrase",
            });
            Console.WriteLine($"web host (pid {host.ProcessId}) listening on {host.BaseAddress}");
            var clients = tokens.Select(t => new HttpClient { BaseAddress = host.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", t) } }).ToList();
            // Warm-up (JIT, connection pools, query caches) is not measured.
            var warmup = Math.Min(reports, 2 * concurrency);
            await FileAsync(clients, warmup, offset: 0);
            var watch = Stopwatch.StartNew();
            var (create, submit) = await FileAsync(clients, reports, offset: warmup);
            var seconds = watch.Elapsed.TotalSeconds;
            var serverPeakMb = host.PeakMb();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"filed {reports} reports with {concurrency} clients in {seconds:F1} s ({reports / seconds:F1} reports/s); create p50 {Percentile(create, 50):F1} ms, p95 {Percentile(create, 95):F1} ms; submit p50 {Percentile(submit, 50):F1} ms, p95 {Percentile(submit, 95):F1} ms; server peak {serverPeakMb} MB"));
            clients.ForEach(c => c.Dispose());
            return new()
            {
                ["command"] = "report-intake",
                ["reports"] = reports,
                ["concurrency"] = concurrency,
                ["warmup_reports"] = warmup,
                ["total_s"] = Math.Round(seconds, 2),
                ["reports_per_s"] = Math.Round(reports / seconds, 1),
                ["create_p50_ms"] = Math.Round(Percentile(create, 50), 1),
                ["create_p95_ms"] = Math.Round(Percentile(create, 95), 1),
                ["create_p99_ms"] = Math.Round(Percentile(create, 99), 1),
                ["submit_p50_ms"] = Math.Round(Percentile(submit, 50), 1),
                ["submit_p95_ms"] = Math.Round(Percentile(submit, 95), 1),
                ["submit_p99_ms"] = Math.Round(Percentile(submit, 99), 1),
                ["server_peak_mb"] = serverPeakMb,
            };
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Files <paramref name="count"/> reports, the clients taking the next one as each finishes; milliseconds per request.</summary>
    private static async Task<(List<double> Create, List<double> Submit)> FileAsync(List<HttpClient> clients, int count, int offset)
    {
        var next = -1;
        var create = new List<double>[clients.Count];
        var submit = new List<double>[clients.Count];
        await Task.WhenAll(clients.Select(async (client, worker) =>
        {
            create[worker] = [];
            submit[worker] = [];
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var watch = Stopwatch.StartNew();
                using var created = await client.PostAsJsonAsync("/api/v1/reports", Report(offset + i));
                var id = (await ExpectAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
                create[worker].Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                using var submitted = await client.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new { });
                await ExpectAsync(submitted, HttpStatusCode.OK);
                submit[worker].Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        return (create.SelectMany(l => l).ToList(), submit.SelectMany(l => l).ToList());
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// A first report as operators file them: an outage with the five outage fields, impact
    /// figures (so the verification level and the severity suggestion are evaluated) and
    /// indicators; one in four goes via the CEPTOAR, anonymised.
    /// </summary>
    private static object Report(int i)
    {
        var viaCeptoar = i % 4 == 3;
        return new
        {
            route = viaCeptoar ? "ceptoar" : "ministry",
            viaCeptoar = viaCeptoar ? "electricity" : null,
            tlp = i % 10 == 0 ? "green" : "amber",
            content = new
            {
                language = "ja",
                title = $"変電所監視系への不正アクセスによる供給支障 #{i}",
                kind = i % 5 == 4 ? "attack" : "service_outage",
                threatCategory = "cyber_attack",
                threatSubtype = "on_service_systems",
                threatExamples = new[] { "intrusion", "malware" },
                affectedSystems = new[] { "ot", "it" },
                service = "電力供給",
                sectorCode = "electricity",
                businessScopeCode = "electricity",
                status = "一部地域で供給支障が発生。監視系の一部端末で不審な通信を検知。",
                interimMeasures = "系統切替により供給を継続、該当端末をネットワークから隔離",
                cause = "調査中（VPN 機器経由の侵入の可能性）",
                countermeasures = "認証情報の更新、ファームウェア更新",
                recoveryOutlook = "本日中に全面復旧見込み",
                impact = new { supplyShortfallKw = 50_000 + (i % 20) * 10_000, durationMinutes = 5 + i % 60, householdsAffected = 1_000 + i % 50_000 },
                awareAt = DateTime.UtcNow.AddHours(-2),
                startedAt = DateTime.UtcNow.AddHours(-3),
                legallyRequired = true,
                legalBasis = "電気事業法",
                indicators = new object[]
                {
                    new { type = "ipv4", value = $"203.0.113.{i % 250 + 1}" },
                    new { type = "domain", value = "update-check.example.com" },
                    new { type = "cve", value = "CVE-2024-12345" },
                },
            },
        };
    }

    private static async Task<string> ReporterTokenAsync(BenchDatabase bench, int i)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var now = DateTime.UtcNow;
        var org = new Organisation
        {
            Id = Guid.CreateVersion7(),
            NameJa = $"ベンチ電力{i}",
            NameEn = $"Bench Power {i}",
            Kind = OrganisationKind.Operator,
            SectorCode = "electricity",
            BusinessScopeCode = "electricity",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organisations.Add(org);
        db.CeptoarMemberships.Add(new CeptoarMembership { CeptoarCode = "electricity", OrganisationId = org.Id, CreatedAt = now });
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RenkeiUser>>();
        var email = $"reporter{i}@bench.renkei.test";
        var user = new RenkeiUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"報告担当 {i}", OrganisationId = org.Id, CreatedAt = now };
        Check(await users.CreateAsync(user, "correct horse battery staple"));
        Check(await users.AddToRoleAsync(user, EnumText.ToText(Role.Reporter)));
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "bench", 1)).Secret;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Nearest-rank percentile.</summary>
    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
