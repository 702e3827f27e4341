using System.Net;
using System.Net.Http.Json;
using System.Text;
using Renkei.Testing;
using Renkei.Web.Tests.Architecture;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// The report page and the report API answer in a bounded number of queries: the report is
/// authorised once and its parts (versions, thread, attachments, assessments) are read in one
/// query each, so the count does not grow with what the report holds.
/// </summary>
public abstract class ReportQueryCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    /// <summary>
    /// Every query of one page view, from the bearer token to the layout's unread count: 31 on
    /// SQLite, 34 on PostgreSQL, where each of the page's three audited reads (report, versions,
    /// thread of an AMBER report) also takes the audit chain's lock. The review behind this test
    /// counted 40 and more, growing with the report's versions, messages and files. Loading the
    /// caller now also reads which CEPTOARs' 展開先 its organisation is (one query), and a desk that
    /// may refer the report reads the agencies' names for the referral form (one query): 36 on PostgreSQL.
    /// </summary>
    public const int PageBound = 36;

    /// <summary>Every query of GET /api/v1/reports/{id}, token and audit record included (14 on SQLite, 15 on PostgreSQL), plus the caller's 展開先 CEPTOARs (16).</summary>
    public const int ApiBound = 16;

    private static async Task<(int Page, int Api, IReadOnlyList<string> PageSql)> CountAsync(HttpClient client, Guid id)
    {
        int page, api;
        IReadOnlyList<string> sql;
        using (var counter = QueryCounter.Start())
        {
            var response = await client.GetAsync($"/Reports/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page = counter.Count;
            sql = counter.Commands;
        }
        using (var counter = QueryCounter.Start())
        {
            (await client.GetAsync($"/api/v1/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            api = counter.Count;
        }
        return (page, api, sql);
    }

    private static async Task AddPartsAsync(ReportChain chain, Guid id, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            (await chain.Nisc.PostAsJsonAsync($"/api/v1/reports/{id}/messages", new { body = $"質問 {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await chain.Secretariat.PostAsJsonAsync($"/api/v1/reports/{id}/messages", new { body = $"回答 {i}", onBehalfOfReporter = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await ReportChain.AttachAsync(chain.Reporter, id, Encoding.UTF8.GetBytes($"log {i}"), $"log{i}.txt")).StatusCode.ShouldBe(HttpStatusCode.Created);
            var version = (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("version").GetInt32();
            await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/updates", new { stage = "update", version, content = ReportChain.Content($"続報 {i}") });
            (await chain.Nisc.PostAsJsonAsync($"/api/v1/reports/{id}/assessments", new { continuity = 2, safety = 1, trust = 1, reason = $"評価 {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task ReportPageAndApi_TakeABoundedNumberOfQueries_ThatDoesNotGrowWithTheReportsParts()
    {
        // Clients copy this when made: the counter follows the test's flow into the request.
        app.Web.Server.PreserveExecutionContext = true;
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{id}/forward");
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");
        await AddPartsAsync(chain, id, 1);
        // Warm once: the first view of a host compiles queries and loads reference data.
        await CountAsync(chain.Nisc, id);

        var small = await CountAsync(chain.Nisc, id);
        await AddPartsAsync(chain, id, 3);
        var large = await CountAsync(chain.Nisc, id);

        Console.WriteLine($"report page: {large.Page} queries, report API: {large.Api} queries");
        small.Page.ShouldBeGreaterThan(0, "the counter must see the page's queries");
        large.Page.ShouldBe(small.Page, "four times the versions, messages, files and assessments: no query per row\n" + string.Join("\n---\n", large.PageSql));
        large.Api.ShouldBe(small.Api);
        large.Page.ShouldBeLessThanOrEqualTo(PageBound, string.Join("\n---\n", large.PageSql));
        large.Api.ShouldBeLessThanOrEqualTo(ApiBound);
    }
}

public sealed class ReportQueryCountTests_Sqlite(SqliteApp app) : ReportQueryCountTests<SqliteApp>(app);

public sealed class ReportQueryCountTests_Postgres(PostgresApp app) : ReportQueryCountTests<PostgresApp>(app);
