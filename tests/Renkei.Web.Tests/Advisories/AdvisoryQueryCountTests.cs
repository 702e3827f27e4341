using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Architecture;
using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Advisories;

/// <summary>
/// The advisory page asks the access policy once (<c>AdvisoryService.ReadAsync</c> hands the
/// handle to revisions, deliveries and "seen before"), and its count does not grow with the
/// advisory's revisions.
/// </summary>
public abstract class AdvisoryQueryCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    /// <summary>Every query of the issuer's view of a published advisory, token to layout: 27 on SQLite, 28 on PostgreSQL (the audited read takes the chain's lock), plus the caller's 展開先 CEPTOARs (29).</summary>
    public const int PageBound = 29;

    private static async Task<(int Count, IReadOnlyList<string> Sql)> CountAsync(HttpClient client, Guid id)
    {
        using var counter = QueryCounter.Start();
        (await client.GetAsync($"/Advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (counter.Count, counter.Commands);
    }

    [Fact]
    public async Task AdvisoryPage_AuthorisesOnce_AndTakesABoundedNumberOfQueries()
    {
        app.Web.Server.PreserveExecutionContext = true;
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        await app.OperatorAsync("electricity", null, Role.Analyst);
        var published = await PublishedAsync(nisc, Advisory("照会数の確認", audience: [new { kind = "sector", key = "electricity" }]));
        var id = published.GetProperty("id").GetGuid();
        await CountAsync(nisc, id);

        var small = await CountAsync(nisc, id);
        for (var i = 0; i < 3; i++)
        {
            var version = (await OkAsync(await nisc.GetAsync($"/api/v1/advisories/{id}"))).GetProperty("version").GetInt32();
            await OkAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions", new { changeNote = $"続報 {i}", advisory = Advisory($"照会数の確認（続報 {i}）", audience: [new { kind = "sector", key = "electricity" }], version: version) }));
        }
        var large = await CountAsync(nisc, id);

        Console.WriteLine($"advisory page: {large.Count} queries");
        small.Count.ShouldBeGreaterThan(0, "the counter must see the page's queries");
        large.Count.ShouldBe(small.Count, "four revisions instead of one: no query per revision\n" + string.Join("\n---\n", large.Sql));
        large.Count.ShouldBeLessThanOrEqualTo(PageBound, string.Join("\n---\n", large.Sql));
        // The advisory row is read once: by the policy, whose handle the page's other readers take.
        large.Sql.Count(q => Regex.IsMatch(q, "FROM \"?advisories\"? AS") && q.Contains("LIMIT", StringComparison.Ordinal))
            .ShouldBe(1, string.Join("\n---\n", large.Sql));
    }
}

public sealed class AdvisoryQueryCountTests_Sqlite(SqliteApp app) : AdvisoryQueryCountTests<SqliteApp>(app);

public sealed class AdvisoryQueryCountTests_Postgres(PostgresApp app) : AdvisoryQueryCountTests<PostgresApp>(app);
