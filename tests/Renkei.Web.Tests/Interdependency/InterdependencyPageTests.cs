using System.Net;
using System.Text;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Interdependency;

/// <summary>
/// The interdependency page without JavaScript: the sector "what if" drawn and tabulated, a scenario
/// file run with its cascade timeline and ranking, bad files answered field by field, and nothing
/// for anonymous callers.
/// </summary>
public abstract class InterdependencyPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<HttpClient> AnalystAsync() =>
        (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;

    [Fact]
    public async Task WhatIf_PowerOutage_DrawsTheMostAffectedSectorsAndTabulatesAll()
    {
        var analyst = await AnalystAsync();
        var page = await HtmlForm.PageAsync(analyst, "/Interdependency?Run=true&Input.Sector=electricity&Input.Level=0.5&Input.Hours=24&Input.Horizon=96");

        var series = page.QuerySelectorAll("#sector-chart g.series");
        series.Length.ShouldBeInRange(2, 8);
        series[0].GetAttribute("data-sector").ShouldBe("electricity", "the disturbed sector is hit hardest");
        series[0].QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length.ShouldBe(97);
        // The matrix behind it is one click away, to copy and edit.
        var matrixLink = page.QuerySelector("a[href='/api/v1/interdependency/matrices/default']")!;
        (await analyst.GetAsync(matrixLink.GetAttribute("href"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("table.sector-results tbody tr");
        rows.Length.ShouldBe(15);
        double Static(string sector) => double.Parse(page.QuerySelector($"table.sector-results tr[data-sector='{sector}'] .static-q")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Static("electricity").ShouldBeGreaterThan(0.5);
        Static("medical").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task WhatIf_OutOfRange_ShowsTheReasonAndNoResult()
    {
        var analyst = await AnalystAsync();
        var page = await HtmlForm.PageAsync(analyst, "/Interdependency?Run=true&Input.Sector=electricity&Input.Level=3&Input.Hours=24&Input.Horizon=96");
        page.QuerySelector("[data-valmsg-for='Input.Level']")!.TextContent.ShouldContain("0.01 から 1");
        page.QuerySelector("#result").ShouldBeNull();
    }

    [Fact]
    public async Task Upload_OperatorScenario_ShowsTimelineOutcomesAndRanking()
    {
        var analyst = await AnalystAsync();
        var example = await File.ReadAllBytesAsync(RepositoryFiles.Path("docs", "examples", "operators-hospital.json"));
        var response = await (await HtmlForm.OpenAsync(analyst, "/Interdependency", "#upload form"))
            .Attach("Scenario", "operators-hospital.json", example)
            .SubmitAsync(analyst);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());

        page.QuerySelector("#result")!.GetAttribute("data-model").ShouldBe("operators");
        page.QuerySelector("#affected-count")!.TextContent.ShouldBe("5");
        page.QuerySelectorAll("#cascade-timeline g.cascade-row").Length.ShouldBe(5);
        page.QuerySelector("#cascade-timeline g.cascade-row[data-node='hospital-a'] rect.span-failed").ShouldNotBeNull();
        page.QuerySelector("table.cascade-outcomes tr[data-node='hospital-a'] .failed-at")!.TextContent.ShouldBe("73");
        page.QuerySelector("table.cascade-outcomes tr[data-node='hospital-a']")!.TextContent.ShouldContain("hospital-a ← carrier-z ← power-x");
        page.QuerySelector("table.spof tbody tr")!.GetAttribute("data-node").ShouldBe("power-x");
    }

    [Fact]
    public async Task Upload_BadScenario_ListsEachProblemAtItsPlace()
    {
        var analyst = await AnalystAsync();
        var bad = Encoding.UTF8.GetBytes("""{"model":"operators","graph":{"nodes":[{"id":"a"}],"dependencies":[{"dependent":"a","provider":"ghost"}]},"simulation":{"disruptions":[],"steps":5}}""");
        var response = await (await HtmlForm.OpenAsync(analyst, "/Interdependency", "#upload form"))
            .Attach("Scenario", "bad.json", bad)
            .SubmitAsync(analyst);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#scenario-errors")!.TextContent.ShouldContain("graph.dependencies[0].provider");
        page.QuerySelector("#result").ShouldBeNull();
    }

    [Fact]
    public async Task SaveAndRun_TheRunIsRecorded_ComparedSideBySide_AndOnlyForTheOrganisation()
    {
        var analyst = await AnalystAsync();
        async Task<string> SaveAsync(string example)
        {
            var response = await (await HtmlForm.OpenAsync(analyst, "/Interdependency", "#upload form"))
                .Attach("Scenario", example, await File.ReadAllBytesAsync(RepositoryFiles.Path("docs", "examples", example)))
                .SubmitAsync(analyst, "保存して実行");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            var location = response.Headers.Location!.ToString();
            location.ShouldStartWith("/Interdependency/Runs/");
            return location;
        }
        var sectors = await SaveAsync("sectors-power-outage.json");
        var operators = await SaveAsync("operators-hospital.json");

        var run = await HtmlForm.PageAsync(analyst, sectors);
        run.QuerySelector("#sector-chart g.series").ShouldNotBeNull();
        run.QuerySelector("a[href$='/result.csv']").ShouldNotBeNull();
        var index = await HtmlForm.PageAsync(analyst, "/Interdependency");
        index.QuerySelectorAll("table.saved-scenarios tbody tr").Length.ShouldBe(2);

        var compared = await HtmlForm.PageAsync(analyst, $"{sectors}?compare={operators["/Interdependency/Runs/".Length..]}");
        var sides = compared.QuerySelectorAll("#comparison .side");
        sides.Length.ShouldBe(2);
        sides[0].QuerySelector("section[data-model='sectors']").ShouldNotBeNull();
        sides[1].QuerySelector("section[data-model='operators'] table.cascade-outcomes").ShouldNotBeNull();

        var stranger = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("meti")).Id, Role.Analyst)).Client;
        (await stranger.GetAsync(sectors)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"{operators}?compare={sectors["/Interdependency/Runs/".Length..]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Another organisation's run is not offered, nor drawn, beside one's own.
        var own = await SaveAsyncFor(stranger);
        var mixed = await HtmlForm.PageAsync(stranger, $"{own}?compare={sectors["/Interdependency/Runs/".Length..]}");
        mixed.QuerySelector("#comparison").ShouldBeNull();
        mixed.QuerySelectorAll("#compare option").Length.ShouldBe(0);
    }

    private static async Task<string> SaveAsyncFor(HttpClient client)
    {
        var response = await (await HtmlForm.OpenAsync(client, "/Interdependency", "#upload form"))
            .Attach("Scenario", "operators-hospital.json", await File.ReadAllBytesAsync(RepositoryFiles.Path("docs", "examples", "operators-hospital.json")))
            .SubmitAsync(client, "保存して実行");
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task FromReport_WhatIfTheOutageLastsLonger_PrefilledFromTheReportOnlyForThoseWhoSeeIt()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity", content: ReportChain.Content("配電制御系の停止"))).GetProperty("id").GetGuid();

        var detail = await HtmlForm.PageAsync(chain.Reporter, $"/Reports/{id}");
        var link = detail.QuerySelector(".what-if-link a")!.GetAttribute("href")!;
        link.ShouldContain($"fromReport={id}");

        var page = await HtmlForm.PageAsync(chain.Reporter, link);
        page.QuerySelector("#from-report")!.TextContent.ShouldContain("配電制御系の停止");
        page.QuerySelector("#Input_Sector option[selected]")!.GetAttribute("value").ShouldBe("electricity");
        // Started three hours ago, six more: nine hours.
        page.QuerySelector("#Input_Hours")!.GetAttribute("value").ShouldBe("9");

        (await chain.OtherSector.GetAsync($"/Interdependency?fromReport={id}&extraHours=6")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_OwnMatrixWithOutputs_ShowsEconomicLoss()
    {
        var analyst = await AnalystAsync();
        var response = await (await HtmlForm.OpenAsync(analyst, "/Interdependency", "#upload form"))
            .Attach("Scenario", "sectors-own-matrix.json", await File.ReadAllBytesAsync(RepositoryFiles.Path("docs", "examples", "sectors-own-matrix.json")))
            .SubmitAsync(analyst, "実行");
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        // Haimes & Jiang's two-sector equilibrium: q = (0.571, 0.714).
        page.QuerySelector("table.sector-results tr[data-sector='power'] .static-q")!.TextContent.ShouldBe("0.571");
        page.QuerySelector("table.sector-results tr[data-sector='telecom'] .static-q")!.TextContent.ShouldBe("0.714");
        page.QuerySelectorAll("table.sector-results td.loss").Length.ShouldBe(2);
        page.QuerySelector("#total-loss")!.TextContent.ShouldContain("364.4");
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/Interdependency?Run=true");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}

public sealed class InterdependencyPageTests_Sqlite(SqliteApp app) : InterdependencyPageTests<SqliteApp>(app);
