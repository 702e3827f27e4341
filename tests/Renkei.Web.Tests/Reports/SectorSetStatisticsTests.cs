using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// Statistics for a fiscal year use that year's sector set (sector-sets.json): 13 sectors in
/// FY2016, 15 in FY2023; a report under a later split-off code counts under the sector of then.
/// </summary>
public abstract class SectorSetStatisticsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static List<string> Sectors(JsonElement summary) => summary.GetProperty("bySector").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToList();

    private static int Count(JsonElement rows, string sector) =>
        rows.EnumerateArray().Where(r => r.GetProperty("key").GetString() == sector).Sum(r => r.GetProperty("count").GetInt32());

    [Fact]
    public async Task ReportStatistics_FiscalYear_HasARowPerSectorOfThatYearsSet_AndNamesTheSet()
    {
        var nisc = (await ReportChain.CreateAsync(app)).Nisc;
        var fy2016 = await nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports?fiscalYear=2016");
        Sectors(fy2016).Count.ShouldBe(13);
        Sectors(fy2016).ShouldNotContain("airports", "airports were not a sector of their own in 2016");
        Sectors(fy2016).ShouldNotContain("ports");
        fy2016.GetProperty("fiscalYear").GetInt32().ShouldBe(2016);
        fy2016.GetProperty("sectorSet").GetProperty("code").GetString().ShouldBe("2016");
        fy2016.GetProperty("sectorSet").GetProperty("sectorCount").GetInt32().ShouldBe(13);

        var fy2023 = await nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports?fiscalYear=2023");
        Sectors(fy2023).Count.ShouldBe(15);
        Sectors(fy2023).ShouldContain("ports");
        (await nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports?fiscalYear=2022")).GetProperty("bySector").GetArrayLength().ShouldBe(14);
        (await nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports?fiscalYear=2008")).GetProperty("bySector").GetArrayLength().ShouldBe(10);

        var all = await nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports");
        foreach (var field in new[] { "total", "bySector", "byThreatCategory", "bySeverity", "byMonth" })
        {
            all.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        all.GetProperty("fiscalYear").ValueKind.ShouldBe(JsonValueKind.Null, "without a fiscal year the statistics stay as they were");
        all.GetProperty("sectorSet").GetProperty("code").GetString().ShouldBe("2023");

        var levels = await nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels?fiscalYear=2016");
        levels.EnumerateArray().Where(r => r.GetProperty("inSectorSet").GetBoolean()).Count().ShouldBe(13);
        levels.EnumerateArray().ShouldAllBe(r => r.GetProperty("sectorSet").GetString() == "2016");

        var bad = await nisc.GetAsync("/api/v1/statistics/reports?fiscalYear=20160");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("fiscalYear", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task AirportsReport_InFiscalYear2016_CountsUnderAviation_ThereAndInTheVerificationFigure()
    {
        var chain = await ReportChain.CreateAsync(app);
        var (airport, _, _) = await app.OperatorAsync("airports", null, Role.Reporter);
        var before = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports?fiscalYear=2016");
        var beforeLevels = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels?fiscalYear=2016");
        var created = await ReportChain.CreateAsync(airport, "emergency", content: new
        {
            language = "ja",
            title = "空港の手荷物システム障害",
            kind = "service_outage",
            threatCategory = "unintentional",
            sectorCode = "airports",
            businessScopeCode = "airports",
            impact = new { },
        });
        var id = created.GetProperty("id").GetGuid();
        await ReportChain.PostAsync(airport, $"/api/v1/reports/{id}/submit");
        // Back-date it into FY2016 (1 Oct 2016 JST), as if it had been filed then under today's code.
        var then = new DateTime(2016, 9, 30, 15, 0, 0, DateTimeKind.Utc);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Reports.Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, then).SetProperty(r => r.AwareAt, then).SetProperty(r => r.VerificationExceeded, true));
        }

        var after = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports?fiscalYear=2016");
        after.GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32() + 1);
        Count(after.GetProperty("bySector"), "aviation").ShouldBe(Count(before.GetProperty("bySector"), "aviation") + 1, "airports counted under aviation in 2016");
        Sectors(after).Count.ShouldBe(13);
        after.GetProperty("outsideSectorSet").GetInt32().ShouldBe(before.GetProperty("outsideSectorSet").GetInt32());

        var levels = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels?fiscalYear=2016");
        static int Aviation(JsonElement rows) => rows.EnumerateArray().Where(r => r.GetProperty("sectorCode").GetString() == "aviation").Sum(r => r.GetProperty("count").GetInt32());
        Aviation(levels).ShouldBe(Aviation(beforeLevels) + 1);
        levels.EnumerateArray().ShouldNotContain(r => r.GetProperty("sectorCode").GetString() == "airports");
        var csv = (await chain.Nisc.GetStringAsync("/api/v1/statistics/verification-levels.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldEndWith(",sector_set");
        csv.ShouldContain(l => l.StartsWith("2016,aviation,", StringComparison.Ordinal) && l.EndsWith(",2016", StringComparison.Ordinal));

        var page = new HtmlParser().ParseDocument(await chain.Nisc.GetStringAsync("/Statistics/Reports?fiscalYear=2016"));
        page.QuerySelector("#sector-set")!.GetAttribute("data-sector-set").ShouldBe("2016");
        page.QuerySelector("#sector-set")!.TextContent.ShouldContain("2016年版（13分野");
        page.QuerySelectorAll("#by-sector tbody tr").Length.ShouldBe(13);
    }

    [Fact]
    public async Task SectorSetsAndCeptoarMaps_AreServedToSignedInUsers()
    {
        var (viewer, _, _) = await app.OperatorAsync("water", null, Role.Viewer);
        var sets = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sector-sets");
        sets.EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("sectors").GetArrayLength()))
            .ShouldBe([("2008", 10), ("2016", 13), ("2022", 14), ("2023", 15)]);
        sets[1].GetProperty("toFiscalYear").GetInt32().ShouldBe(2021);
        sets[3].GetProperty("toFiscalYear").ValueKind.ShouldBe(JsonValueKind.Null);
        sets[1].GetProperty("mapped")[0].GetProperty("from").GetString().ShouldBe("airports");
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/sector-sets/2022")).GetProperty("sectors").GetArrayLength().ShouldBe(14);
        (await viewer.GetAsync("/api/v1/sector-sets/1999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var map = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/ceptoar-maps/2016");
        map.GetProperty("asOf").GetString().ShouldBe("2016-09-30");
        map.GetProperty("entries").GetArrayLength().ShouldBe(18);
        map.GetProperty("entries")[0].GetProperty("membersJa").GetString().ShouldBe("24社・団体");
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/ceptoar-maps/2023")).GetProperty("entries").GetArrayLength().ShouldBe(20);
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/ceptoar-maps")).GetArrayLength().ShouldBe(2);
        (await viewer.GetAsync("/api/v1/ceptoar-maps/2019")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous().GetAsync("/api/v1/ceptoar-maps/2016")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var page = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/Directory/Maps/2016"));
        page.QuerySelectorAll("#ceptoar-map tbody tr").Length.ShouldBe(18);
        page.QuerySelector("#ceptoar-map tr[data-ceptoar='t-ceptoar']")!.TextContent.ShouldContain("24社・団体");
        var index = new HtmlParser().ParseDocument(await viewer.GetStringAsync("/Directory"));
        index.QuerySelectorAll("#ceptoar-maps a").Select(a => a.TextContent).ShouldBe(["2016年版", "2023年版"]);
    }
}

public sealed class SectorSetStatisticsTests_Sqlite(SqliteApp app) : SectorSetStatisticsTests<SqliteApp>(app);

public sealed class SectorSetStatisticsTests_Postgres(PostgresApp app) : SectorSetStatisticsTests<PostgresApp>(app);
