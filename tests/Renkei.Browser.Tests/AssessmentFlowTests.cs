using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Browser.Tests;

/// <summary>
/// Issue 16's flow in the real UI: NISC publishes a guideline addendum (追補版) from the current
/// version's CSV, the ministry in charge of water records how its sector's standard covers the
/// guideline, NISC creates and opens a survey campaign to the water sector, two operators answer
/// through the form (one then reads its gap view), NISC closes it, and the ministry reads the
/// sector aggregate — with the cell fewer than k operators answered withheld (k = 2 in
/// <see cref="BrowserApp"/>).
/// </summary>
public sealed class AssessmentFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Title = "令和8年度 浸透状況調査（ブラウザ）";
    private const string Note = "第一事業者の自由記述";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<AssessmentFramework> FrameworkAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        return await service.EnsureAsync(new FrameworkDocument
        {
            Code = "browser-survey",
            Version = 1,
            TitleJa = "浸透状況調査（ブラウザ）",
            TitleEn = "Penetration survey (browser)",
            Kind = "survey",
            Items =
            [
                new() { Code = "A", TextJa = "安全基準等を認知している", TextEn = "Aware of the standards", AnswerType = "yes_no_partly" },
                new() { Code = "B", TextJa = "内規の制定状況", TextEn = "Internal rules", AnswerType = "choice", Choices = [new() { Code = "set", LabelJa = "制定済", LabelEn = "Set" }, new() { Code = "none", LabelJa = "未制定", LabelEn = "None" }] },
                new() { Code = "C", TextJa = "演習の実施回数", TextEn = "Drills held", AnswerType = "number" },
                new() { Code = "D", TextJa = "監査の種類", TextEn = "Audits", AnswerType = "multi_choice", Choices = [new() { Code = "internal", LabelJa = "内部監査", LabelEn = "Internal" }, new() { Code = "external", LabelJa = "外部監査", LabelEn = "External" }] },
                new() { Code = "E", TextJa = "自由記述", TextEn = "Notes", AnswerType = "text", Required = false },
            ],
        });
    }

    private static string Day(int days) => DateOnly.FromDateTime(Clock.ToJst(DateTime.UtcNow).DateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task AnswerAsync(IPage page, string awareness, string? note)
    {
        await page.GotoAsync("/Assessments");
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "回答する" }).ClickAsync();
        await page.Locator("[data-item='A']").GetByLabel(awareness, new() { Exact = true }).CheckAsync();
        await page.Locator("[data-item='B']").GetByLabel("制定済").CheckAsync();
        await page.GetByLabel("C 演習の実施回数").FillAsync("2");
        await page.Locator("[data-item='D']").GetByLabel("内部監査").CheckAsync();
        if (note is not null)
        {
            await page.GetByLabel("E 自由記述").FillAsync(note);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "下書き保存" }).Last.ClickAsync();
        await Expect(page.GetByText("下書きを保存しました。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Expect(page.GetByText("回答を提出しました。")).ToBeVisibleAsync();
    }

    /// <summary>The current guideline version's CSV (downloaded as NISC would) with one reference item (参考事項) added: an addendum.</summary>
    private static async Task<byte[]> AddendumCsvAsync(IPage desk)
    {
        var download = await desk.Context.APIRequest.GetAsync(new Uri(new Uri(desk.Url), await desk.Locator("#guideline-revisions a", new() { HasTextString = "CSV" }).Last.GetAttributeAsync("href")).ToString());
        Assert.True(download.Ok, $"CSV download answered {download.Status}");
        var csv = Encoding.UTF8.GetString(await download.BodyAsync()).TrimEnd('\r', '\n');
        var columns = csv[..csv.IndexOfAny(['\r', '\n'])].TrimStart('\uFEFF').Split(',');
        var added = new Dictionary<string, string>
        {
            ["code"] = AddedItem,
            ["answer_type"] = "yes_no_partly",
            ["text_ja"] = "ブラウザ試験で追加した参考事項",
            ["text_en"] = "Reference item added by the browser test",
            ["required"] = "false",
            ["classification"] = "reference",
            ["concrete_ja"] = "訓練結果を次年度の内規見直しに反映する",
        };
        var newline = csv.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return Encoding.UTF8.GetBytes(csv + newline + string.Join(',', columns.Select(c => added.GetValueOrDefault(c, ""))) + newline);
    }

    private const string AddedItem = "III-browser";

    [Fact]
    public async Task NiscPublishesAGuidelineAddendum_TheMinistryRecordsCoverage_NiscOpensTheSurvey_TwoOperatorsAnswer_TheMinistrySeesTheSectorAggregate_WithASmallCellWithheld()
    {
        var framework = await FrameworkAsync();
        var nisc = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator);
        var first = await app.Data.UserAsync((await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", null, "北テスト水道企業団")).Id, Role.Coordinator);
        var second = await app.Data.UserAsync((await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", null, "南テスト水道企業団")).Id, Role.Analyst);
        var ministry = await app.Data.UserAsync((await app.Data.ReferenceOrganisationAsync("mhlw")).Id, Role.Coordinator);

        // 0. NISC publishes a guideline addendum: the current version's CSV with one reference item more.
        var desk = await app.SignedInAsync(nisc);
        await desk.GetByRole(AriaRole.Link, new() { Name = "指針", Exact = true }).ClickAsync();
        var csv = await AddendumCsvAsync(desk);
        await desk.Locator("#guideline-publish select[name='Input.Kind']").SelectOptionAsync(new SelectOptionValue { Label = "追補版" });
        await desk.GetByLabel("公表日", new() { Exact = true }).FillAsync(Day(0));
        await desk.GetByLabel("説明（日本語）", new() { Exact = true }).FillAsync("ブラウザ試験の追補版");
        await desk.GetByLabel("説明（英語）", new() { Exact = true }).FillAsync("Browser test addendum");
        await desk.GetByLabel("項目の CSV ファイル", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "guideline.csv", MimeType = "text/csv", Buffer = csv });
        await desk.GetByRole(AriaRole.Button, new() { Name = "公表", Exact = true }).ClickAsync();
        await Expect(desk.GetByText("指針 第4版を公表しました。")).ToBeVisibleAsync();

        // 0'. The ministry in charge of water records its sector standard's coverage of the new version.
        var mhlw = await app.SignedInAsync(ministry);
        await mhlw.GotoAsync("/Guideline/Coverage/water");
        await Expect(mhlw.Locator($"#coverage-matrix tr[data-code='{AddedItem}']")).ToHaveAttributeAsync("data-status", "unassessed");
        await mhlw.GetByLabel($"対応の水準 {AddedItem}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "measures_and_checklist" });
        await mhlw.GetByLabel("対応の水準 II-3-4-2-a", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "not_covered" });
        await mhlw.GetByLabel($"備考 {AddedItem}", new() { Exact = true }).FillAsync("チェックシート付録で対応");
        await mhlw.GetByRole(AriaRole.Button, new() { Name = "対応状況を保存" }).ClickAsync();
        await Expect(mhlw.GetByText("2 件の対応状況を記録しました。")).ToBeVisibleAsync();
        await Expect(mhlw.Locator($"#coverage-matrix tr[data-code='{AddedItem}'] td[data-level='measures_and_checklist']")).ToContainTextAsync("チェックシート付録で対応");
        await Expect(mhlw.Locator("#coverage-matrix tr[data-code='II-3-4-2-a']")).ToHaveAttributeAsync("data-status", "not_covered");

        // 1. NISC creates the campaign for the water sector and opens it.
        await desk.GetByRole(AriaRole.Link, new() { Name = "評価・調査", Exact = true }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "調査・評価を作成" }).ClickAsync();
        await desk.GetByLabel("フレームワーク（版）").SelectOptionAsync(new SelectOptionValue { Value = framework.Id.ToString() });
        await desk.GetByLabel("件名（日本語）").FillAsync(Title);
        await desk.GetByLabel("件名（英語）").FillAsync("FY2026 penetration survey (browser)");
        await desk.GetByLabel("開始日（JST）").FillAsync(Day(-1));
        await desk.GetByLabel("締切日（この日の終わりまで、JST）").FillAsync(Day(30));
        await desk.GetByLabel("宛先 1 行目: 種別").SelectOptionAsync(new SelectOptionValue { Label = "分野" });
        await desk.GetByLabel("宛先 1 行目: コード・ID・メールアドレス").FillAsync("water");
        await desk.GetByRole(AriaRole.Button, new() { Name = "作成する（下書き）" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "開始する" }).ClickAsync();
        await Expect(desk.Locator("#campaign-state")).ToHaveTextAsync("実施中");
        var campaignUrl = desk.Url;

        // 2. Two operators answer; the first (the one with a free-text note) then reads its gap view.
        var south = await app.SignedInAsync(second);
        await AnswerAsync(south, "一部", null);
        var north = await app.SignedInAsync(first);
        await AnswerAsync(north, "はい", Note);
        await north.GetByRole(AriaRole.Link, new() { Name = "ギャップ分析" }).ClickAsync();
        await Expect(north.Locator("#gap-view tr[data-item='A'] td.own")).ToHaveTextAsync("はい");
        await Expect(north.Locator("#gap-view tr[data-item='E'] td.own")).ToHaveTextAsync(Note);

        // 3. NISC sees both submitted and closes the campaign.
        await desk.GotoAsync(campaignUrl);
        await Expect(desk.Locator("#response-rate tr[data-sector='water'] td").Nth(3)).ToHaveTextAsync("2");
        await desk.GetByRole(AriaRole.Button, new() { Name = "締め切る" }).ClickAsync();
        await Expect(desk.Locator("#campaign-state")).ToHaveTextAsync("締切済み");

        // 4. The ministry reads the water aggregate: two respondents shown, the note item (one) withheld.
        await mhlw.GotoAsync("/Assessments");
        await mhlw.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await mhlw.GetByRole(AriaRole.Link, new() { Name = "集計", Exact = true }).ClickAsync();
        var water = mhlw.Locator("section[data-item='A'] tr[data-sector='water']");
        await Expect(water.Locator("td.num").First).ToHaveTextAsync("2");
        await Expect(water.Locator("li[data-key='yes']")).ToHaveTextAsync("はい: 50% (1)");
        await Expect(mhlw.Locator("section[data-item='E'] tr[data-sector='water'] td.withheld")).ToHaveTextAsync("非表示（回答数が2未満）");
        await Expect(mhlw.Locator("#chart-A svg")).ToBeVisibleAsync();
        await Expect(mhlw.GetByText(Note)).ToHaveCountAsync(0);
    }
}
