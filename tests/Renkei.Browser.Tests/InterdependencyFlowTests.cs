using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Browser.Tests;

/// <summary>
/// Interdependency analysis in the real UI: an analyst asks "what if power loses half its function
/// for a day" and sees the sectors' curves; then runs the hospital scenario file and sees the
/// cascade timeline, the hospital failing when its generator runs out, and the ranking.
/// </summary>
public sealed class InterdependencyFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task Analyst_RunsAWhatIfAndAScenarioFile_SeesChartsTimelineAndRanking()
    {
        var analyst = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst);
        var page = await app.NewPageAsync();
        await Session.SignInAsync(page, analyst.Email!, TestData.Password);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/"));

        await page.GetByRole(AriaRole.Link, new() { Name = "相互依存性" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "相互依存性解析", Level = 1 })).ToBeVisibleAsync();

        // 1. What if electricity loses half its function for 24 hours?
        await page.GetByLabel("分野", new() { Exact = true }).SelectOptionAsync("electricity");
        await page.GetByLabel("機能低下の度合い（0〜1）").FillAsync("0.5");
        await page.GetByLabel("継続時間（時間）").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "計算する" }).ClickAsync();
        var chart = page.Locator("#sector-chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("g.series").First).ToHaveAttributeAsync("data-sector", "electricity");
        Assert.True(await chart.Locator("g.series polyline").CountAsync() >= 2, "the outage spreads to at least one other sector");
        var box = await chart.Locator("svg").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 300 && box.Height > 100, $"the chart is drawn at a readable size ({box.Width}×{box.Height})");
        await Expect(page.Locator("table.sector-results tbody tr")).ToHaveCountAsync(15);

        // 2. The hospital scenario from a file.
        await page.GetByLabel("シナリオファイル", new() { Exact = true }).SetInputFilesAsync(RepositoryFiles.Path("docs", "examples", "operators-hospital.json"));
        await page.GetByRole(AriaRole.Button, new() { Name = "実行", Exact = true }).ClickAsync();
        await Expect(page.Locator("#result")).ToHaveAttributeAsync("data-model", "operators");
        await Expect(page.Locator("#cascade-timeline g.cascade-row")).ToHaveCountAsync(5);
        await Expect(page.Locator("#cascade-timeline g.cascade-row[data-node='hospital-a'] rect.span-failed")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.cascade-outcomes tr[data-node='hospital-a'] .failed-at")).ToHaveTextAsync("73");
        await Expect(page.Locator("table.spof tbody tr").First).ToHaveAttributeAsync("data-node", "power-x");

        // 3. Saved, run again from its page, and the two runs side by side.
        await page.GetByLabel("シナリオファイル", new() { Exact = true }).SetInputFilesAsync(RepositoryFiles.Path("docs", "examples", "sectors-power-outage.json"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存して実行" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Interdependency/Runs/"));
        await Expect(page.Locator("#sector-chart g.series").First).ToHaveAttributeAsync("data-sector", "electricity");
        var firstRun = page.Url;
        await page.Locator("nav.crumbs a").Nth(1).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "このシナリオを実行" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Interdependency/Runs/"));
        Assert.NotEqual(firstRun, page.Url);
        await page.GetByLabel("比較する実行結果").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "並べて比較" }).ClickAsync();
        await Expect(page.Locator("#comparison .side")).ToHaveCountAsync(2);
        await Expect(page.Locator("#comparison .side svg.chart, #comparison .side figure.sector-chart")).ToHaveCountAsync(2);
    }
}
