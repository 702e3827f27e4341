using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Stix;
using Renkei.Storage;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Stix;

/// <summary>
/// Advisories published before their STIX form was kept get it from the backfill exactly as the
/// live export gave it: every version, the same JSON, the same collections; a second run does nothing.
/// </summary>
public abstract class StixBackfillTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static object Advisory(string title, string tlp, string[] sectors, int? version = null, string[]? extraIps = null) => new
    {
        kind = "vulnerability",
        title,
        summary = "VPN 機器の既知の脆弱性を悪用した侵入が確認されています。",
        recommendedActions = "ファームウェアを最新版に更新する。",
        indicators = new object[] { new { type = "cve", value = "cve-2024-12345" }, new { type = "ipv4", value = "198.51.100.23" } }
            .Concat((extraIps ?? []).Select(ip => (object)new { type = "ipv4", value = ip })).ToArray(),
        tlp,
        urgency = "normal",
        distribution = "direct",
        audience = sectors.Select(s => new { kind = "sector", key = s }).ToArray(),
        version,
    };

    private sealed record Row(string StixId, DateTime Version, string Json, bool IsLatest, bool IsFirst, string Collections);

    private async Task<List<Row>> RowsAsync(Guid sourceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var rows = await db.StixObjects.Where(o => o.SourceId == sourceId).OrderBy(o => o.Seq).ToListAsync();
        var seqs = rows.Select(r => r.Seq).ToList();
        var keys = (await db.StixCollectionEntries.Where(e => seqs.Contains(e.Seq)).ToListAsync()).ToLookup(e => e.Seq, e => e.CollectionKey);
        return rows.Select(r => new Row(r.StixId, r.Version, r.Json, r.IsLatest, r.IsFirst, string.Join(",", keys[r.Seq].Order(StringComparer.Ordinal)))).ToList();
    }

    /// <summary>As before migration 0013: the advisory's own objects gone (the shared identity and markings stay).</summary>
    private async Task ForgetStixAsync(Guid sourceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        await db.StixCollectionEntries.Where(e => db.StixObjects.Any(o => o.SourceId == sourceId && o.Seq == e.Seq)).ExecuteDeleteAsync();
        await db.StixObjects.Where(o => o.SourceId == sourceId).ExecuteDeleteAsync();
    }

    private async Task<int> BackfillAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdvisoryStixBackfill>().RunAsync();
    }

    private static async Task<string> BundleAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/advisories/{id}/stix");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }

    [Fact]
    public async Task Backfill_ReplaysRevisionsAndWithdrawal_ByteIdentical_ThenDoesNothing()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        // Published, revised (declassified, audience grown, one indicator more), then withdrawn.
        var revised = await PublishedAsync(nisc, Advisory("VPN 機器の脆弱性", "amber", ["water"]));
        var a = revised.GetProperty("id").GetGuid();
        await Task.Delay(5);
        revised = await OkAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{a}/revisions",
            new { changeNote = "対象を拡大", advisory = Advisory("VPN 機器の脆弱性（続報）", "clear", ["water", "gas"], revised.GetProperty("version").GetInt32(), ["203.0.113.9"]) }));
        await Task.Delay(5);
        await OkAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{a}/withdraw", new { version = revised.GetProperty("version").GetInt32(), reason = "誤報" }));
        // Published once, still valid.
        var b = (await PublishedAsync(nisc, Advisory("制御機器の脆弱性", "green", ["electricity"]))).GetProperty("id").GetGuid();

        var live = new Dictionary<Guid, (string Bundle, List<Row> Rows)>();
        foreach (var id in new[] { a, b })
        {
            live[id] = (await BundleAsync(nisc, id), await RowsAsync(id));
            live[id].Rows.Count.ShouldBeGreaterThan(3);
            await ForgetStixAsync(id);
            (await BundleAsync(nisc, id)).ShouldNotContain("\"report\"", customMessage: "the advisory has no STIX form before the backfill");
        }
        live[a].Rows.Select(r => r.Version).Distinct().Count().ShouldBe(3, "publish, revision and withdrawal each made versions");

        (await BackfillAsync()).ShouldBe(2);
        foreach (var id in new[] { a, b })
        {
            (await BundleAsync(nisc, id)).ShouldBe(live[id].Bundle);
            (await RowsAsync(id)).ShouldBe(live[id].Rows);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var before = (await db.StixObjects.CountAsync(), await db.StixObjects.MaxAsync(o => o.Seq), await db.StixCollectionEntries.CountAsync());
            (await BackfillAsync()).ShouldBe(0);
            (await db.StixObjects.CountAsync(), await db.StixObjects.MaxAsync(o => o.Seq), await db.StixCollectionEntries.CountAsync()).ShouldBe(before);
        }
    }
}

public sealed class StixBackfillTests_Sqlite(SqliteApp app) : StixBackfillTests<SqliteApp>(app);

public sealed class StixBackfillTests_Postgres(PostgresApp app) : StixBackfillTests<PostgresApp>(app);
