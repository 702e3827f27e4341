using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Stix;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Bench;

/// <summary>STIX import and TAXII paging at the issue's sizes.</summary>
internal static class StixBench
{
    /// <summary>
    /// One bundle of N indicators (valid patterns, TLP:GREEN marking, an identity) imported the way
    /// every channel imports: parse, validate each object, label, store in one transaction. Timed
    /// from the bundle's bytes to the commit; the bytes are made before the clock starts.
    /// </summary>
    public static async Task<Dictionary<string, object>> ImportAsync(BenchDatabase bench, int objects)
    {
        await Benchmarks.InitialiseAsync(bench);
        var (caller, _) = await AnalystAsync(bench, "stix-import");
        var body = Bundle(objects);
        Console.WriteLine($"bundle of {objects} indicators: {body.Length / 1024.0 / 1024.0:F1} MB");
        var runs = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<StixImporter>();
            var input = new StixImportInput { Audience = [new AudienceEntry { Kind = AudienceKind.Organisation, Key = caller.OrganisationId.ToString("D") }] };
            var watch = Stopwatch.StartNew();
            var result = await importer.ImportAsync(caller, body, input, StixChannel.Api);
            watch.Stop();
            if (!result.Ok)
            {
                throw new InvalidOperationException("Import failed: " + JsonSerializer.Serialize(result.Problem));
            }
            runs.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: {result.Value!.ObjectCount} objects in {watch.Elapsed.TotalMilliseconds:F0} ms"));
        }
        return new()
        {
            ["command"] = "stix-import",
            ["objects"] = objects + 2,
            ["indicators"] = objects,
            ["bundle_mb"] = Math.Round(body.Length / 1024.0 / 1024.0, 1),
            ["ms"] = Math.Round(runs.Order().ElementAt(runs.Count / 2), 0),
            ["runs_ms"] = runs.Select(r => Math.Round(r, 0)).ToArray(),
        };
    }

    /// <summary>
    /// A collection of N objects (one imported set shared with the organisation), served by the
    /// shipped web host over loopback; pages of 1,000 fetched from random places (by <c>next</c>
    /// and by <c>added_after</c>), timed per request at the client.
    /// </summary>
    public static async Task<Dictionary<string, object>> PageAsync(BenchDatabase bench, int objects, int requests, int warmup, string? webDll)
    {
        webDll ??= typeof(StixBench).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RenkeiWebDll").Value!;
        webDll = Path.GetFullPath(webDll);
        await Benchmarks.InitialiseAsync(bench);
        var (caller, token) = await AnalystAsync(bench, "taxii-page");
        var fill = Stopwatch.StartNew();
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var audience = new Audience { Id = Guid.CreateVersion7() };
            audience.Members.Add(new AudienceMember { AudienceId = audience.Id, Kind = AudienceKind.Organisation, Key = caller.OrganisationId.ToString("D") });
            var set = new IndicatorSet
            {
                Id = Guid.CreateVersion7(),
                Title = "bench",
                Tlp = Tlp.Green,
                OwnerOrganisationId = caller.OrganisationId,
                CreatedByUserId = caller.UserId,
                AudienceId = audience.Id,
                Audience = audience,
                Channel = StixChannel.Api,
                ObjectCount = objects,
                IndicatorCount = objects,
                Sha256 = "",
                ImportedAt = DateTime.UtcNow,
            };
            db.Audiences.Add(audience);
            db.IndicatorSets.Add(set);
            await db.SaveChangesAsync();
            var store = scope.ServiceProvider.GetRequiredService<StixStore>();
            for (var start = 0; start < objects; start += 100_000)
            {
                var drafts = Enumerable.Range(start, Math.Min(100_000, objects - start))
                    .Select(i => new StixObjectDraft(IndicatorId(i), "indicator", "2.1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), IndicatorJson(i)))
                    .ToList();
                await using var unit = await UnitOfWork.BeginAsync(db);
                await store.AppendAsync(StixSourceKind.IndicatorSet, set.Id, drafts, Renkei.Taxii.TaxiiCollections.KeysOf(audience, set.Tlp), DateTime.UtcNow);
                await unit.CommitAsync();
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"collection of {objects} objects stored in {fill.Elapsed.TotalSeconds:F1} s"));

        var dataDirectory = System.IO.Directory.CreateTempSubdirectory("renkei-bench-web-").FullName;
        WebHostProcess? host = null;
        try
        {
            host = await WebHostProcess.StartAsync(webDll, new Dictionary<string, string?>
            {
                ["ConnectionStrings__Renkei"] = bench.Settings.ConnectionString,
                ["RENKEI_DATA_DIR"] = dataDirectory,
                ["RENKEI_ADMIN_PASSWORD"] = "bench platform passphrase",
            });
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{caller.Email}:{token}")));
            client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
            var collection = Renkei.Taxii.TaxiiCollections.IdOf("organisation:" + caller.OrganisationId.ToString("D"));
            var path = $"/taxii2/renkei/collections/{collection}/objects/?limit=1000";
            var random = new Random(42);
            var timings = new List<double>();
            var byCursor = new List<double>();
            var byAdded = new List<double>();
            long bytes = 0;
            // Half the pages by cursor, half by added_after, anywhere in the collection. The URLs
            // are made first, so the client's own database reads do not run between timed requests.
            var urls = new Dictionary<int, string>();
            for (var i = -warmup; i < requests; i++)
            {
                var at = random.Next(0, objects - 1000);
                urls[i] = i % 2 == 0
                    ? path + "&next=" + at.ToString(CultureInfo.InvariantCulture)
                    : path + "&added_after=" + Added(bench, at);
            }
            for (var i = -warmup; i < requests; i++)
            {
                var url = urls[i];
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                }
                using var page = JsonDocument.Parse(body);
                var count = page.RootElement.GetProperty("objects").GetArrayLength();
                if (count != 1000)
                {
                    throw new InvalidOperationException($"{url}: {count} objects instead of 1000");
                }
                if (i >= 0)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                    (i % 2 == 0 ? byCursor : byAdded).Add(watch.Elapsed.TotalMilliseconds);
                    bytes += body.Length;
                }
            }
            var serverPeakMb = host.PeakMb();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{requests} pages of 1000: p50 {ReportIntake.Percentile(timings, 50):F1} ms, p95 {ReportIntake.Percentile(timings, 95):F1} ms, p99 {ReportIntake.Percentile(timings, 99):F1} ms, max {timings.Max():F1} ms"));
            return new()
            {
                ["command"] = "taxii-page",
                ["objects"] = objects,
                ["page_size"] = 1000,
                ["requests"] = requests,
                ["warmup"] = warmup,
                ["p50_ms"] = Math.Round(ReportIntake.Percentile(timings, 50), 1),
                ["p95_ms"] = Math.Round(ReportIntake.Percentile(timings, 95), 1),
                ["p99_ms"] = Math.Round(ReportIntake.Percentile(timings, 99), 1),
                ["max_ms"] = Math.Round(timings.Max(), 1),
                ["next_p99_ms"] = Math.Round(ReportIntake.Percentile(byCursor, 99), 1),
                ["added_after_p99_ms"] = Math.Round(ReportIntake.Percentile(byAdded, 99), 1),
                ["page_kb"] = Math.Round(bytes / (double)timings.Count / 1024.0, 1),
                ["server_peak_mb"] = serverPeakMb,
            };
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            System.IO.Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // The date_added of the object at a position: rows were stored one microsecond apart.
    private static string Added(BenchDatabase bench, int position)
    {
        using var scope = bench.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var added = db.StixObjects.Where(o => o.Seq == position + 1).Select(o => o.DateAdded).First();
        return StixTime.Micros(added);
    }

    private static string IndicatorId(int i) => $"indicator--{new Guid(i, (short)(i >> 16), 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]):D}";

    private static string IndicatorJson(int i) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"indicator","spec_version":"2.1","id":"{{IndicatorId(i)}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","name":"C2 {{i}}","indicator_types":["malicious-activity"],"pattern":"[ipv4-addr:value = '10.{{i >> 16 & 255}}.{{i >> 8 & 255}}.{{i & 255}}']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00.000Z","created_by_ref":"identity--5a2f7d1c-3b4e-4f60-8a91-b2c3d4e5f601","object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}""");

    private static byte[] Bundle(int objects)
    {
        var sb = new StringBuilder(objects * 480);
        sb.Append("""{"type":"bundle","id":"bundle--6f0e9a3c-1d2b-4c5d-8e7f-0a1b2c3d4e5f","objects":[""");
        sb.Append("""{"type":"identity","spec_version":"2.1","id":"identity--5a2f7d1c-3b4e-4f60-8a91-b2c3d4e5f601","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","name":"Bench partner CERT","identity_class":"organization"},""");
        sb.Append("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb","created":"2022-10-01T00:00:00.000Z","name":"TLP:GREEN","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"green"}}}""");
        for (var i = 0; i < objects; i++)
        {
            sb.Append(',').Append(IndicatorJson(i));
        }
        sb.Append("]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static async Task<(Caller Caller, string Token)> AnalystAsync(BenchDatabase bench, string name)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var now = DateTime.UtcNow;
        var org = new Organisation { Id = Guid.CreateVersion7(), NameJa = $"ベンチ {name}", NameEn = $"Bench {name}", Kind = OrganisationKind.Operator, SectorCode = "electricity", BusinessScopeCode = "electricity", CreatedAt = now, UpdatedAt = now };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RenkeiUser>>();
        var email = $"{name}@bench.renkei.test";
        var user = new RenkeiUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "分析担当", OrganisationId = org.Id, CreatedAt = now };
        var created = await users.CreateAsync(user, "correct horse battery staple");
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, EnumText.ToText(Role.Analyst))).Succeeded)
        {
            throw new InvalidOperationException("Could not create the bench analyst.");
        }
        var token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "bench", 1)).Secret;
        var caller = await scope.ServiceProvider.GetRequiredService<CallerLoader>().LoadAsync(user.Id) ?? throw new InvalidOperationException("No caller.");
        return (caller, token);
    }
}
