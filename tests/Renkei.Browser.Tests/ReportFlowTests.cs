using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Reports;

namespace Renkei.Browser.Tests;

/// <summary>
/// Issue 3's "done means", in the real UI: a first report via the CEPTOAR, forwarded up the
/// chain, anonymised above the secretariat, questioned by NISC and answered by the secretariat
/// for the reporter, updated and finalised, linked into an incident, and counted in the
/// verification-level statistic.
/// </summary>
public sealed class ReportFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string OperatorName = "北海道テスト電力株式会社";
    private const string Title = "変電所制御系への不正アクセスによる供給支障";
    private const string Pseudonym = "電力 CEPTOARの構成員";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private Task<IPage> SignedInAsync(RenkeiUser user) => app.SignedInAsync(user);

    /// <summary>A telecom outage caused by the power failure, reported on the emergency route (it reaches NISC at once).</summary>
    private async Task<string> SecondReportAsync()
    {
        var telecom = await app.Data.OrganisationAsync(OrganisationKind.Operator, "telecom", "telecommunications", "南通信テスト株式会社");
        var user = await app.Data.UserAsync(telecom.Id, Role.Reporter);
        var caller = await app.Data.CallerAsync(user.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var title = "通信設備の停止（電力供給支障の波及）";
        var draft = await reports.CreateAsync(caller, new ReportInput
        {
            Route = ReportRoute.Emergency,
            Tlp = Tlp.Amber,
            Content = new ReportContentInput
            {
                Title = title,
                Kind = ReportKind.ServiceOutage,
                ThreatCategory = "spill_over",
                ThreatSubtype = "power_outage",
                SectorCode = "telecom",
                BusinessScopeCode = "telecommunications",
                Status = "基地局の一部が停波",
                Impact = new ImpactInput { UsersAffected = 12_000, DurationMinutes = 90 },
                AwareAt = DateTime.UtcNow.AddMinutes(-90),
            },
        });
        draft.Ok.ShouldBeTrue(draft.Problem?.Detail);
        (await reports.SubmitAsync(caller, draft.Value!.Id, null)).Ok.ShouldBeTrue();
        return title;
    }

    [Fact]
    public async Task FirstReportViaCeptoar_TravelsAnonymised_IsQuestionedUpdatedFinalised_LinkedIntoAnIncident_AndCounted()
    {
        var operatorOrg = await app.Data.OrganisationAsync(OrganisationKind.Operator, "electricity", "electricity", OperatorName, ["electricity"]);
        var reporter = await app.Data.UserAsync(operatorOrg.Id, Role.Reporter);
        var secretariatUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("je-isac")).Id, Role.Coordinator);
        var ministryUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("meti")).Id, Role.Analyst);
        var niscUser = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst);
        var secondTitle = await SecondReportAsync();
        var awareUtc = DateTime.UtcNow.AddHours(-2);

        // 1. The operator files the first report (速報) via the CEPTOAR route.
        var op = await SignedInAsync(reporter);
        await op.GetByRole(AriaRole.Link, new() { Name = "報告", Exact = true }).ClickAsync();
        await op.GetByRole(AriaRole.Link, new() { Name = "新規報告" }).ClickAsync();
        await op.GetByLabel("件名").FillAsync(Title);
        await op.GetByLabel("報告の種類").SelectOptionAsync(new SelectOptionValue { Label = "重要インフラサービス障害" });
        await op.GetByLabel("脅威の分類").SelectOptionAsync(new SelectOptionValue { Label = "サイバー攻撃をはじめとする意図的要因" });
        await op.GetByLabel("脅威の詳細").SelectOptionAsync(new SelectOptionValue { Label = "サービスの対象となるシステムへの直接的な攻撃" });
        await op.GetByLabel("不正侵入", new() { Exact = true }).CheckAsync();
        await op.GetByLabel("制御システム（OT）").CheckAsync();
        await op.GetByLabel("障害の状況").FillAsync("道東地域で供給支障");
        await op.GetByLabel("暫定措置").FillAsync("系統切替で一部復旧");
        await op.GetByLabel("発生原因").FillAsync("調査中");
        await op.GetByLabel("対策", new() { Exact = true }).FillAsync("該当端末を隔離");
        await op.GetByLabel("復旧見込み").FillAsync("本日中");
        await op.GetByLabel("供給支障電力（kW）").FillAsync("150000");
        await op.GetByLabel("継続時間（分）").FillAsync("45");
        await op.GetByLabel("認知日時（JST）").FillAsync(Clock.ToJst(awareUtc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await op.GetByLabel("指標1の種別").SelectOptionAsync(new SelectOptionValue { Label = "IPv4アドレス" });
        await op.GetByLabel("指標1の値").FillAsync("203.0.113.7");
        await op.GetByLabel("セプター事務局経由（匿名）").CheckAsync();
        await op.GetByLabel("経由するセプター").SelectOptionAsync(new SelectOptionValue { Label = "電力 CEPTOAR" });
        await op.GetByRole(AriaRole.Button, new() { Name = "速報として提出" }).ClickAsync();
        await Expect(op.GetByText("速報を提出しました。")).ToBeVisibleAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(op.Locator(".report-head .tag.stage")).ToHaveTextAsync("速報");
        await Expect(op.Locator("#verification")).ToContainTextAsync("検証レベルを超える障害です。");
        var reportPath = new Uri(op.Url).AbsolutePath;

        // 2. The secretariat knows who reported, and forwards with an annotation.
        var sec = await SignedInAsync(secretariatUser);
        await sec.GetByRole(AriaRole.Link, new() { Name = "報告", Exact = true }).ClickAsync();
        var queueRow = sec.Locator("#report-queue tbody tr", new() { HasText = Title });
        await Expect(queueRow).ToContainTextAsync(OperatorName);
        await queueRow.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await sec.GetByLabel("注記").FillAsync("事務局で内容を確認。会員名は伏せて転送します。");
        await sec.GetByRole(AriaRole.Button, new() { Name = "経済産業省 へ転送" }).ClickAsync();
        await Expect(sec.GetByText("転送しました。")).ToBeVisibleAsync();

        // 3. The ministry sees only the pseudonym, and forwards to NISC.
        var min = await SignedInAsync(ministryUser);
        await min.GetByRole(AriaRole.Link, new() { Name = "報告", Exact = true }).ClickAsync();
        var ministryRow = min.Locator("#report-queue tbody tr", new() { HasText = Title });
        await Expect(ministryRow).ToContainTextAsync(Pseudonym);
        await ministryRow.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(min.Locator(".report-head")).ToContainTextAsync(Pseudonym);
        await Expect(min.Locator("#route")).ToContainTextAsync("事務局で内容を確認。");
        await Expect(min.Locator("body")).Not.ToContainTextAsync(OperatorName);
        await min.GetByRole(AriaRole.Button, new() { Name = "へ転送" }).ClickAsync();
        await Expect(min.GetByText("転送しました。")).ToBeVisibleAsync();

        // 4. NISC sees it anonymised and asks a question.
        var nisc = await SignedInAsync(niscUser);
        await nisc.GetByRole(AriaRole.Link, new() { Name = "報告", Exact = true }).ClickAsync();
        await Expect(nisc.Locator("#report-queue tbody tr", new() { HasText = Title })).ToContainTextAsync(Pseudonym);
        await Expect(nisc.Locator("#report-queue")).Not.ToContainTextAsync(OperatorName);
        await nisc.Locator("#report-queue").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(nisc.Locator(".report-head")).ToContainTextAsync(Pseudonym);
        await nisc.GetByLabel("質問・回答").FillAsync("侵入経路は特定できていますか。");
        await nisc.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await Expect(nisc.Locator("#report-thread")).ToContainTextAsync("侵入経路は特定できていますか。");

        // 5. The secretariat answers on the reporter's behalf.
        await sec.GotoAsync(reportPath);
        await Expect(sec.Locator("#report-thread")).ToContainTextAsync("侵入経路は特定できていますか。");
        await sec.GetByLabel("質問・回答").FillAsync("連絡元によると、VPN機器経由です。");
        await sec.GetByLabel("報告者に代わって回答する").CheckAsync();
        await sec.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await Expect(sec.GetByText("送信しました。")).ToBeVisibleAsync();

        await nisc.ReloadAsync();
        var answer = nisc.Locator("#report-thread li.message", new() { HasText = "VPN機器経由" });
        await Expect(answer).ToContainTextAsync("連絡元に代わって回答");
        await Expect(nisc.Locator("body")).Not.ToContainTextAsync(OperatorName);

        // 6. The operator files an update (続報) and the final report (確報).
        await op.GotoAsync(reportPath);
        await Expect(op.Locator("#report-thread")).ToContainTextAsync("VPN機器経由");
        await op.GetByRole(AriaRole.Link, new() { Name = "続報を提出" }).ClickAsync();
        await op.GetByLabel("障害の状況").FillAsync("供給支障は解消、監視を継続");
        await op.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        await Expect(op.GetByText("続報を提出しました。")).ToBeVisibleAsync();
        await op.GetByRole(AriaRole.Link, new() { Name = "確報を提出" }).ClickAsync();
        await op.GetByLabel("発生原因").FillAsync("VPN機器の既知の脆弱性を悪用された");
        await op.GetByRole(AriaRole.Button, new() { Name = "提出", Exact = true }).ClickAsync();
        await Expect(op.GetByText("確報を提出しました。")).ToBeVisibleAsync();
        await Expect(op.Locator(".report-head .tag.stage")).ToHaveTextAsync("確報");

        await nisc.ReloadAsync();
        await Expect(nisc.Locator("#versions ol.versions > li")).ToHaveCountAsync(3);
        await Expect(nisc.Locator("#versions ol.versions > li").Nth(1).Locator("table.diff")).ToContainTextAsync("供給支障は解消、監視を継続");
        await Expect(nisc.Locator("#versions ol.versions > li").Nth(2)).ToContainTextAsync("確報");

        // 7. NISC links it with the telecom report into one incident.
        await nisc.GetByRole(AriaRole.Link, new() { Name = "この報告で事案を作成" }).ClickAsync();
        await nisc.GetByLabel("事案名").FillAsync("北海道の電力障害と通信への波及");
        await Expect(nisc.GetByLabel(Title)).ToBeCheckedAsync();
        await nisc.GetByLabel(secondTitle).CheckAsync();
        await nisc.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        await Expect(nisc.GetByRole(AriaRole.Heading, new() { Name = "北海道の電力障害と通信への波及", Level = 1 })).ToBeVisibleAsync();
        await Expect(nisc.Locator("#incident-reports tbody tr")).ToHaveCountAsync(2);
        await Expect(nisc.Locator("#incident-reports")).ToContainTextAsync(Pseudonym);
        await Expect(nisc.Locator("#timeline svg")).ToBeVisibleAsync();
        await Expect(nisc.Locator("#timeline svg .tl-final_report")).ToHaveCountAsync(1);
        await Expect(nisc.Locator("body")).Not.ToContainTextAsync(OperatorName);

        // 8. The verification-level statistic counts the outage in this fiscal year.
        await nisc.GetByRole(AriaRole.Link, new() { Name = "統計" }).ClickAsync();
        var fiscalYear = ReportStatistics.FiscalYear(awareUtc);
        var row = nisc.Locator("#beyond-table tbody tr", new() { HasText = $"{fiscalYear}年度" });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("電力");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(nisc.Locator("#chart-verification svg rect.bar")).ToHaveCountAsync(1);
        var download = await nisc.RunAndWaitForDownloadAsync(() => nisc.GetByRole(AriaRole.Link, new() { Name = "CSVをダウンロード" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain($"{fiscalYear},electricity,1");
        await Expect(nisc.Locator("body")).Not.ToContainTextAsync(OperatorName);
    }
}
