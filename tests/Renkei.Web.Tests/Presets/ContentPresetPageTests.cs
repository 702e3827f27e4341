using System.Net;
using System.Net.Http.Json;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Presets;

/// <summary>
/// "テンプレートを適用" on the new-advisory and new-report forms, without JavaScript: it fills the
/// empty fields from the preset for the chosen kind (the organisation's own, else the default),
/// keeps what the user typed unless they confirm, and saves nothing; the organisation's admins
/// and coordinators keep their presets on their own page.
/// </summary>
public abstract class ContentPresetPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Apply = "テンプレートを適用";

    [Fact]
    public async Task AdvisoryForm_ApplyPreset_FillsEmptyFields_KeepsTypedTitle_UntilConfirmed()
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null);
        var coordinator = (await app.ClientAsync(org.Id, Role.Coordinator)).Client;
        var analyst = (await app.ClientAsync(org.Id, Role.Analyst)).Client;
        (await coordinator.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/content-presets", new
        {
            target = "advisory",
            kind = "abnormal_traffic",
            language = "ja",
            title = "【異常通信】当機関の定型件名",
            summary = "当機関のセンサーで観測された通信の増加です。",
            body = "## 観測\n\n〔ポート〕",
            tlp = "green",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var form = (await HtmlForm.OpenAsync(analyst, "/Advisories/New", "#Input_Title"))
            .Set("Input.Kind", "AbnormalTraffic")
            .Set("Input.Title", "23/tcp 宛ての通信の増加");
        var response = await form.SubmitAsync(analyst, Apply);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "applying shows the form again and saves nothing");
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.ShouldBe("当機関のセンサーで観測された通信の増加です。", "the organisation's own preset");
        page.QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldContain("## 観測");
        page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").ShouldBe("23/tcp 宛ての通信の増加", "what the user typed is never overwritten without asking");
        page.QuerySelector("#preset-outcome")!.TextContent.ShouldContain("自組織のテンプレート");
        page.QuerySelector("#preset-kept")!.TextContent.ShouldContain("件名");
        page.QuerySelector("#preset-kept")!.TextContent.ShouldContain("TLP", Case.Sensitive, "AMBER was chosen; the preset's GREEN waits for confirmation");
        page.QuerySelector("#tlp-amber")!.HasAttribute("checked").ShouldBeTrue();

        var confirmed = await HtmlForm.Find(page, "/Advisories/New", "#Input_Title").SubmitAsync(analyst, "上書き");
        var overwritten = HtmlForm.Parse(await confirmed.Content.ReadAsStringAsync());
        overwritten.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").ShouldBe("【異常通信】当機関の定型件名");
        overwritten.QuerySelector("#tlp-green")!.HasAttribute("checked").ShouldBeTrue();
        overwritten.QuerySelector("#preset-kept").ShouldBeNull();

        // Another organisation's issuer gets Renkei's default for the same kind.
        var other = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null)).Id, Role.Analyst)).Client;
        var theirs = await (await HtmlForm.OpenAsync(other, "/Advisories/New", "#Input_Title")).Set("Input.Kind", "AbnormalTraffic").SubmitAsync(other, Apply);
        var theirPage = HtmlForm.Parse(await theirs.Content.ReadAsStringAsync());
        theirPage.QuerySelector("input[name='Input.Title']")!.GetAttribute("value")!.ShouldStartWith("【異常通信情報】");
        theirPage.QuerySelector("#preset-outcome")!.TextContent.ShouldContain("既定のテンプレート");
    }

    [Fact]
    public async Task AdvisoryForm_ApplyWithoutKind_AsksForTheKind()
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null);
        var analyst = (await app.ClientAsync(org.Id, Role.Analyst)).Client;
        var response = await (await HtmlForm.OpenAsync(analyst, "/Advisories/New", "#Input_Title")).SubmitAsync(analyst, Apply);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Kind']")!.TextContent.ShouldContain("種別を選んでください");
    }

    [Fact]
    public async Task ReportForm_ApplyPreset_FillsTheOutageHeadingsForTheThreatCategory()
    {
        var (reporter, _, _) = await app.OperatorAsync("electricity", null, Role.Reporter);
        var form = (await HtmlForm.OpenAsync(reporter, "/Reports/New", "#Input_Content_Title"))
            .Set("Input.Content.ThreatCategory", "disaster")
            .Set("Input.Content.Status", "変電所が浸水");
        var response = await form.SubmitAsync(reporter, Apply);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("input[name='Input.Content.Title']")!.GetAttribute("value")!.ShouldContain("〔災害〕");
        page.QuerySelector("textarea[name='Input.Content.Cause']")!.TextContent.ShouldContain("地震、水害、落雷、火災");
        page.QuerySelector("textarea[name='Input.Content.RecoveryOutlook']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("textarea[name='Input.Content.Status']")!.TextContent.ShouldBe("変電所が浸水", "typed, kept");
        page.QuerySelector("#preset-kept")!.TextContent.ShouldContain("障害の状況");
    }

    [Fact]
    public async Task UpdateForm_ApplyPreset_FillsWhatTheFirstReportLeftEmpty_ThenFilesTheUpdate()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        var form = (await HtmlForm.OpenAsync(chain.Reporter, $"/Reports/{id}/Update?stage=final", "#Input_Content_Status"))
            .Set("Input.Content.Cause", "");
        var response = await form.SubmitAsync(chain.Reporter, Apply);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "applying shows the form again and files nothing");
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("textarea[name='Input.Content.Cause']")!.TextContent.ShouldContain("侵入経路、攻撃手法", Case.Sensitive, "the emptied field gets the cyber-attack heading");
        page.QuerySelector("textarea[name='Input.Content.Status']")!.TextContent.ShouldBe("一部地域で供給支障", "the current content is kept");
        page.QuerySelector("input[name='Input.Stage'][value='Final']")!.HasAttribute("checked").ShouldBeTrue("the chosen stage survives the apply");
        (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("submissions").GetInt32().ShouldBe(1, "nothing was filed");

        var filed = await HtmlForm.Find(page, $"/Reports/{id}/Update", "#Input_Content_Status").SubmitAsync(chain.Reporter);
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        var after = (await ReportChain.GetAsync(chain.Reporter, id))!.Value;
        after.GetProperty("stage").GetString().ShouldBe("final");
        after.GetProperty("content").GetProperty("cause").GetString()!.ShouldContain("侵入経路、攻撃手法");
    }

    [Theory]
    [InlineData("/Reports/New", "#Input_Content_Title", "下書き")]
    [InlineData("/Advisories/New", "#Input_Title", "下書き")]
    public async Task FormsWithAPresetControl_EnterPressesSaving_NeverTheApply(string path, string field, string saving)
    {
        var client = path.StartsWith("/Reports", StringComparison.Ordinal)
            ? (await app.OperatorAsync("electricity", null, Role.Reporter)).Client
            : (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null)).Id, Role.Analyst)).Client;
        var page = await HtmlForm.PageAsync(client, path);
        var form = page.QuerySelector(field)!.Closest("form")!;
        var buttons = form.QuerySelectorAll("button[type=submit], button:not([type])").ToList();
        buttons.ShouldContain(b => b.Id == "apply-preset");
        // Implicit submission (Enter in a text field) presses the first submit button in tree order.
        var first = buttons[0];
        first.HasAttribute("data-default-submit").ShouldBeTrue();
        first.TextContent.ShouldContain(saving);
        first.HasAttribute("formaction").ShouldBeFalse("the form's own action saves the draft");
        buttons.IndexOf(buttons.First(b => b.Id == "apply-preset")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task PresetsPage_CoordinatorCopiesTheDefault_EditsAndKeepsIt_ViewerMayNot()
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null);
        var coordinator = (await app.ClientAsync(org.Id, Role.Coordinator)).Client;
        var list = await HtmlForm.PageAsync(coordinator, "/Presets");
        var copy = list.QuerySelector("#preset-list-advisory tr[data-kind='software_fault'][data-language='ja'] a")!;
        copy.TextContent.ShouldContain("コピーして編集");

        var form = await HtmlForm.OpenAsync(coordinator, copy.GetAttribute("href")!, "#Input_Title");
        form.Value("Input.Title")!.ShouldStartWith("【ソフトウェアの不具合情報】"); // the copy starts from the default
        var saved = await form.Set("Input.Title", "【不具合】当機関の様式").SubmitAsync(coordinator, "保存");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var after = await HtmlForm.PageAsync(coordinator, "/Presets");
        var row = after.QuerySelector("#preset-list-advisory tr[data-kind='software_fault'][data-language='ja']")!;
        row.GetAttribute("data-source").ShouldBe("organisation");
        row.TextContent.ShouldContain("【不具合】当機関の様式");
        after.QuerySelector("#preset-list-report").ShouldNotBeNull("a coordinator also files reports");

        var viewer = (await app.ClientAsync(org.Id, Role.Viewer)).Client;
        (await viewer.GetAsync("/Presets")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}

public sealed class ContentPresetPageTests_Sqlite(SqliteApp app) : ContentPresetPageTests<SqliteApp>(app);

public sealed class ContentPresetPageTests_Postgres(PostgresApp app) : ContentPresetPageTests<PostgresApp>(app);
