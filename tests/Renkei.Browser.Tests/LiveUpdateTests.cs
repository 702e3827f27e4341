using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Reports;
using Renkei.Testing;

namespace Renkei.Browser.Tests;

/// <summary>
/// Open desk pages follow what happens without a reload (server-sent events): the queue gains the
/// new report in place, the bell counts it, and an open report that changes says so.
/// </summary>
public sealed class LiveUpdateTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task DeskQueue_GainsANewReportInPlace_BellCounts_AndAnOpenReportSaysItChanged()
    {
        var operatorOrg = await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", "water", "西水道テスト企業団");
        var reporter = await app.Data.CallerAsync((await app.Data.UserAsync(operatorOrg.Id, Role.Reporter)).Id);
        var desk = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("mhlw")).Id, Role.Analyst);

        var page = await app.NewPageAsync();
        await Session.SignInAsync(page, desk.Email!, TestData.Password);
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/"));
        await page.GotoAsync("/Reports");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "on");
        await page.Locator("#f-q").FillAsync("draft text typed before the update arrives");
        const string title = "浄水場監視端末のマルウェア感染";
        await Expect(page.Locator("#report-queue")).Not.ToContainTextAsync(title);

        // The operator files a first report to the ministry in charge while the desk looks at its queue.
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var draft = await reports.CreateAsync(reporter, new ReportInput
        {
            Route = ReportRoute.Ministry,
            Tlp = Tlp.Amber,
            Content = new ReportContentInput
            {
                Title = title,
                Kind = ReportKind.Attack,
                ThreatCategory = "cyber_attack",
                ThreatSubtype = "hitting_operator",
                SectorCode = "water",
                BusinessScopeCode = "water",
                Status = "監視端末1台で不審な通信",
                AwareAt = DateTime.UtcNow.AddMinutes(-30),
            },
        });
        draft.Ok.ShouldBeTrue(draft.Problem?.Detail);
        (await reports.SubmitAsync(reporter, draft.Value!.Id, null)).Ok.ShouldBeTrue();

        // No reload: the row appears, the bell counts, and what the desk typed is still there.
        var row = page.Locator("#report-queue tbody tr", new() { HasText = title });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("#unread-count")).ToBeVisibleAsync();
        await Expect(page.Locator("#unread-count")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("#f-q")).ToHaveValueAsync("draft text typed before the update arrives");

        // Opening the report reads its notifications; an update filed meanwhile is announced.
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.Locator("#unread-count")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "on");
        await page.GetByLabel("質問・回答").FillAsync("書きかけの質問");
        var current = await scope.ServiceProvider.GetRequiredService<ReportQueries>().GetAsync(reporter, draft.Value.Id);
        (await reports.AddSubmissionAsync(reporter, draft.Value.Id, new ReportUpdateInput
        {
            Stage = ReportStage.Update,
            Version = current!.Version,
            Content = new ReportContentInput
            {
                Title = title,
                Kind = ReportKind.Attack,
                ThreatCategory = "cyber_attack",
                ThreatSubtype = "hitting_operator",
                SectorCode = "water",
                BusinessScopeCode = "water",
                Status = "感染端末を隔離済み",
                AwareAt = DateTime.UtcNow.AddMinutes(-30),
            },
        })).Ok.ShouldBeTrue();
        var banner = page.Locator("#live-banner");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(banner).ToContainTextAsync("この報告は表示後に更新されました。");
        await Expect(page.GetByLabel("質問・回答")).ToHaveValueAsync("書きかけの質問");
        await banner.GetByRole(AriaRole.Link, new() { Name = "再読み込み" }).ClickAsync();
        await Expect(page.Locator("#content")).ToContainTextAsync("感染端末を隔離済み");
        await Expect(page.Locator("#live-banner")).ToBeHiddenAsync();
    }
}
