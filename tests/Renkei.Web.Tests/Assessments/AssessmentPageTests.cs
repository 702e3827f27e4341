using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Dom;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Assessments;

/// <summary>
/// The assessment pages as a browser without JavaScript uses them: the owner creates, opens and
/// closes a campaign through its forms; an operator answers item by item with errors beside the
/// item; nobody else sees its answers; a ministry sees aggregates whose small cells carry no counts.
/// </summary>
public abstract class AssessmentPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Api = "/api/v1/assessments";

    private static readonly object[] Items =
    [
        new { code = "A", textJa = "安全基準の認知", textEn = "Awareness", answerType = "yes_no_partly" },
        new { code = "A.1", parent = "A", textJa = "内規の制定", textEn = "Internal rules", answerType = "choice", choices = new[] { new { code = "set", labelJa = "制定済", labelEn = "Set" }, new { code = "none", labelJa = "未制定", labelEn = "None" } } },
        new { code = "B", textJa = "演習の回数", textEn = "Drills", answerType = "number" },
        new { code = "C", textJa = "監査", textEn = "Audits", answerType = "multi_choice", choices = new[] { new { code = "internal", labelJa = "内部監査", labelEn = "Internal" }, new { code = "external", labelJa = "外部監査", labelEn = "External" } } },
        new { code = "D", textJa = "自由記述", textEn = "Notes", answerType = "text", required = false },
    ];

    private async Task<HttpClient> NiscAsync() => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;

    private async Task<HttpClient> MinistryAsync() => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("mic")).Id, Role.Coordinator)).Client;

    private static async Task<Guid> FrameworkAsync(HttpClient nisc, object[]? items = null)
    {
        var code = "p" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await nisc.PostAsJsonAsync($"{Api}/frameworks", new { code, version = 1, titleJa = "浸透状況調査", titleEn = "Penetration survey", kind = "survey", items = items ?? Items }), HttpStatusCode.Created);
        return (await OkAsync(await nisc.GetAsync($"{Api}/frameworks"))).EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    private static string Day(int days) => DateOnly.FromDateTime(Clock.ToJst(DateTime.UtcNow).DateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Guid IdFrom(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.Headers.Location!.ToString()["/Assessments/".Length..][..36]);
    }

    /// <summary>A campaign created and opened through the owner's forms.</summary>
    private static async Task<Guid> OpenedCampaignAsync(HttpClient nisc, Guid framework, string sector)
    {
        var form = await HtmlForm.OpenAsync(nisc, "/Assessments/New", "#Input_TitleJa");
        var id = IdFrom(await form
            .Set("Input.FrameworkId", framework.ToString())
            .Set("Input.TitleJa", "令和8年度 浸透状況調査")
            .Set("Input.TitleEn", "FY2026 penetration survey")
            .Set("Input.OpensOn", Day(-1))
            .Set("Input.ClosesOn", Day(30))
            .Set("Input.Audience[0].Kind", "Sector")
            .Set("Input.Audience[0].Key", sector)
            .SubmitAsync(nisc));
        var open = await HtmlForm.OpenAsync(nisc, $"/Assessments/{id}", "form[action*='handler=Open'] button");
        (await open.SubmitAsync(nisc)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlForm.PageAsync(nisc, $"/Assessments/{id}")).QuerySelector("#campaign-state")!.TextContent.ShouldBe("実施中");
        return id;
    }

    private static async Task AnswerAsync(HttpClient op, Guid campaign, string a, string note)
    {
        var form = await HtmlForm.OpenAsync(op, $"/Assessments/{campaign}/Answer", "#answer-4");
        (await form.Set("Answers[0].Value", a).Set("Answers[1].Value", "set").Set("Answers[2].Value", "2").Set("Answers[3].Values", "internal").Set("Answers[4].Value", note)
            .SubmitAsync(op, "提出する")).Headers.Location!.ToString().ShouldBe($"/Assessments/{campaign}");
    }

    private static async Task CloseAsync(HttpClient nisc, Guid campaign) =>
        (await (await HtmlForm.OpenAsync(nisc, $"/Assessments/{campaign}", "form[action*='handler=Close'] button")).SubmitAsync(nisc)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : "";
    }

    [Fact]
    public async Task NewCampaignForm_ShowsTheServicesErrorsBesideTheFields()
    {
        var nisc = await NiscAsync();
        var form = await HtmlForm.OpenAsync(nisc, "/Assessments/New", "#Input_TitleJa");
        var response = await form.Set("Input.TitleJa", "").Set("Input.OpensOn", Day(3)).Set("Input.ClosesOn", Day(1))
            .Set("Input.Audience[1].Kind", "Sector").Set("Input.Audience[1].Key", "no-such-sector").SubmitAsync(nisc);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        foreach (var field in new[] { "Input.FrameworkId", "Input.TitleJa", "Input.TitleEn", "Input.ClosesOn" })
        {
            page.QuerySelector($"[data-valmsg-for='{field}']").ShouldNotBeNull(field);
        }

        // The audience is checked after the fields: its error lands on the second row, as typed.
        var framework = await FrameworkAsync(nisc);
        var again = HtmlForm.Find(page, "/Assessments/New", "#Input_TitleJa").Set("Input.FrameworkId", framework.ToString())
            .Set("Input.TitleJa", "調査").Set("Input.TitleEn", "Survey").Set("Input.ClosesOn", Day(30));
        var second = HtmlForm.Parse(await (await again.SubmitAsync(nisc)).Content.ReadAsStringAsync());
        second.QuerySelector("[data-valmsg-for='Input.Audience[1]']").ShouldNotBeNull();

        var op = (await app.OperatorAsync("water", null, Role.Coordinator)).Client;
        (await op.GetAsync("/Assessments/New")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "an operator does not run campaigns");
    }

    [Fact]
    public async Task AnswerForm_ShowsErrorsPerItem_SavesADraft_Submits_AndThenIsReadOnly()
    {
        var nisc = await NiscAsync();
        var campaign = await OpenedCampaignAsync(nisc, await FrameworkAsync(nisc), "water");
        var (op, _, _) = await app.OperatorAsync("water", null, Role.Coordinator);

        var form = await HtmlForm.OpenAsync(op, $"/Assessments/{campaign}/Answer", "#answer-4");
        var empty = HtmlForm.Parse(await (await form.SubmitAsync(op, "提出する")).Content.ReadAsStringAsync());
        empty.QuerySelector(".errors")!.TextContent.ShouldContain("入力された回答がありません。");
        var bad = await form.Set("Answers[0].Value", "maybe").Set("Answers[2].Value", "three").SubmitAsync(op, "下書き保存");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await bad.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Answers[0].Value']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("[data-valmsg-for='Answers[2].Value']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("[data-valmsg-for='Answers[1].Value']").ShouldBeNull("only the wrong items are marked");
        (await op.GetAsync($"{Api}/campaigns/{campaign}/response")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nothing half-saved");

        var draft = HtmlForm.Find(page, $"/Assessments/{campaign}/Answer", "#answer-4").Set("Answers[0].Value", "partly").Set("Answers[2].Value", "3");
        (await draft.SubmitAsync(op, "下書き保存")).Headers.Location!.ToString().ShouldBe($"/Assessments/{campaign}/Answer");
        var saved = await HtmlForm.PageAsync(op, $"/Assessments/{campaign}/Answer");
        saved.QuerySelector("input[name='Answers[0].Value'][value='partly']")!.HasAttribute("checked").ShouldBeTrue();
        ((IHtmlInputElement)saved.QuerySelector("#answer-2")!).Value.ShouldBe("3");

        await AnswerAsync(op, campaign, "yes", "点検記録あり");
        var done = await HtmlForm.PageAsync(op, $"/Assessments/{campaign}/Answer");
        done.QuerySelector("#read-only").ShouldNotBeNull();
        done.QuerySelector("fieldset.items")!.HasAttribute("disabled").ShouldBeTrue();
        done.QuerySelectorAll("button").ShouldNotContain(b => b.TextContent.Contains("提出する", StringComparison.Ordinal));
        (await HtmlForm.PageAsync(op, $"/Assessments/{campaign}")).QuerySelector("#own-response")!.TextContent.ShouldContain("提出済み");

        // Sharing with the owner is the operator's toggle, both ways.
        (await HtmlForm.Find(done, $"/Assessments/{campaign}/Answer", "#share-toggle").SubmitAsync(op)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OkAsync(await op.GetAsync($"{Api}/campaigns/{campaign}/response"))).GetProperty("sharedWithOwner").GetBoolean().ShouldBeTrue();
        (await HtmlForm.OpenAsync(op, $"/Assessments/{campaign}/Answer", "#share-toggle")).Value("Share").ShouldBe("false", "the button now takes it back");
    }

    [Fact]
    public async Task AnswerForm_AttachesAnEvidenceFile_WhichOnlyReadersOfTheResponseDownload()
    {
        var nisc = await NiscAsync();
        var framework = await FrameworkAsync(nisc, [Items[0], new { code = "E", textJa = "自己点検の記録", textEn = "Self-inspection record", answerType = "evidence" }]);
        var campaign = await OpenedCampaignAsync(nisc, framework, "ports");
        var (op, _, _) = await app.OperatorAsync("ports", null, Role.Coordinator);
        var (other, _, _) = await app.OperatorAsync("ports", null, Role.Coordinator);
        var content = Encoding.UTF8.GetBytes("2026-11-30 自己点検 実施記録\n");

        var form = await HtmlForm.OpenAsync(op, $"/Assessments/{campaign}/Answer", "#answer-1");
        var saved = await form.Set("Answers[0].Value", "yes").Attach("evidence-1", "self-inspection.log", content).SubmitAsync(op, "下書き保存");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlForm.PageAsync(op, $"/Assessments/{campaign}/Answer");
        var link = page.QuerySelector("#answer-1-file a")!;
        link.TextContent.ShouldBe("self-inspection.log");
        var href = link.GetAttribute("href")!;
        (await (await op.GetAsync(href)).Content.ReadAsByteArrayAsync()).ShouldBe(content);
        (await other.GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another operator never reads the evidence");
        (await (await MinistryAsync()).GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nor does a ministry");

        // The draft keeps the file when saved again without a new one, and submits with it.
        var again = await HtmlForm.OpenAsync(op, $"/Assessments/{campaign}/Answer", "#answer-1-file");
        (await again.SubmitAsync(op, "提出する")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlForm.PageAsync(op, $"/Assessments/{campaign}/Answer")).QuerySelector("#answer-1-file a")!.TextContent.ShouldBe("self-inspection.log");
    }

    [Fact]
    public async Task Owner_RemindsThoseWhoHaveNotSubmitted_OnceADay_AndOnlyTheOwnerHasTheButton()
    {
        var nisc = await NiscAsync();
        var campaign = await OpenedCampaignAsync(nisc, await FrameworkAsync(nisc), "petroleum");
        var (pending, _, _) = await app.OperatorAsync("petroleum", null, Role.Coordinator);
        (await HtmlForm.PageAsync(pending, $"/Assessments/{campaign}")).QuerySelector("form[action*='handler=Remind']").ShouldBeNull("only the owner reminds");
        (await HtmlForm.PageAsync(await MinistryAsync(), $"/Assessments/{campaign}")).QuerySelector("form[action*='handler=Remind']").ShouldBeNull("only the owner reminds");

        var remind = await HtmlForm.OpenAsync(nisc, $"/Assessments/{campaign}", "form[action*='handler=Remind'] button");
        (await remind.SubmitAsync(nisc)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlForm.PageAsync(nisc, $"/Assessments/{campaign}");
        page.QuerySelector(".flash")!.TextContent.ShouldMatch(@"^未提出の [1-9][0-9]* 組織にリマインダーを送信しました。$");
        page.QuerySelector("#reminded-at")!.TextContent.ShouldStartWith("前回のリマインダー: ");

        var again = await HtmlForm.OpenAsync(nisc, $"/Assessments/{campaign}", "form[action*='handler=Remind'] button");
        var refused = await again.SubmitAsync(nisc);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("24 時間");
    }

    [Fact]
    public async Task AnOperator_NeverSeesAnothersAnswers_AndTheOwnerSeesWhoHasNotSubmitted()
    {
        var nisc = await NiscAsync();
        var campaign = await OpenedCampaignAsync(nisc, await FrameworkAsync(nisc), "gas");
        var (first, _, _) = await app.OperatorAsync("gas", null, Role.Coordinator);
        var (second, _, secondOrg) = await app.OperatorAsync("gas", null, Role.Coordinator);
        var marker = "第一事業者だけの記述 " + Guid.NewGuid().ToString("N")[..8];
        await AnswerAsync(first, campaign, "yes", marker);
        (await HtmlAsync(first, $"/Assessments/{campaign}/Answer")).ShouldContain(marker);

        foreach (var path in new[] { $"/Assessments/{campaign}", $"/Assessments/{campaign}/Answer", $"/Assessments/{campaign}/Gap", $"/Assessments/{campaign}/Aggregates" })
        {
            (await HtmlAsync(second, path)).ShouldNotContain(marker, customMessage: path);
        }
        var gap = await HtmlForm.PageAsync(second, $"/Assessments/{campaign}/Gap");
        gap.QuerySelector("#gap-notice").ShouldNotBeNull("no response of its own yet");
        (await second.GetAsync($"/Assessments/{campaign}/Aggregates")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForm.PageAsync(second, $"/Assessments/{campaign}/Aggregates")).QuerySelector("#aggregates-notice").ShouldNotBeNull("a respondent reads its gap view, not the aggregates");

        var owner = await HtmlForm.PageAsync(nisc, $"/Assessments/{campaign}");
        owner.QuerySelector($"#not-submitted li[data-organisation-id='{secondOrg.Id}']").ShouldNotBeNull();
        owner.QuerySelector("#chart-response-rate svg").ShouldNotBeNull();
        owner.QuerySelector("#response-rate tr[data-sector='gas']").ShouldNotBeNull();
        var ministry = await HtmlForm.PageAsync(await MinistryAsync(), $"/Assessments/{campaign}");
        ministry.QuerySelector("#response-rate").ShouldNotBeNull();
        ministry.QuerySelector("#not-submitted").ShouldBeNull("who has not answered is the owner's to see");
        (await HtmlAsync(await MinistryAsync(), $"/Assessments/{campaign}/Answer")).ShouldNotContain(marker);
    }

    [Fact]
    public async Task Ministry_SeesSectorAggregates_AndNoCountsOfAWithheldCell()
    {
        var nisc = await NiscAsync();
        var framework = await FrameworkAsync(nisc);
        var small = await OpenedCampaignAsync(nisc, framework, "chemicals");
        var (a, _, _) = await app.OperatorAsync("chemicals", null, Role.Coordinator);
        var (b, _, _) = await app.OperatorAsync("chemicals", null, Role.Coordinator);
        await AnswerAsync(a, small, "yes", "化学A");
        await AnswerAsync(b, small, "no", "化学B");
        await CloseAsync(nisc, small);
        (await HtmlForm.PageAsync(nisc, $"/Assessments/{small}")).QuerySelector("#campaign-state")!.TextContent.ShouldBe("締切済み");

        var ministry = await MinistryAsync();
        var page = await HtmlForm.PageAsync(ministry, $"/Assessments/{small}/Aggregates");
        var cells = page.QuerySelectorAll("tr[data-sector='chemicals']").ToList();
        cells.Count.ShouldBe(Items.Length);
        foreach (var row in cells)
        {
            row.QuerySelector("td.withheld")!.TextContent.ShouldBe("非表示（回答数が5未満）");
            row.QuerySelectorAll("td.num").ShouldBeEmpty("a withheld cell carries no count");
        }
        page.QuerySelectorAll("ul.distribution").ShouldBeEmpty();
        page.QuerySelector($"a[href='/api/v1/assessments/campaigns/{small}/aggregates.csv']").ShouldNotBeNull();
        page.Body!.TextContent.ShouldNotContain("化学A");

        // Five respondents make a cell: counts, shares and the national chart are shown.
        var large = await OpenedCampaignAsync(nisc, framework, "railways");
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync((await app.OperatorAsync("railways", null, Role.Coordinator)).Client, large, i < 3 ? "yes" : "partly", "記述R" + i);
        }
        await CloseAsync(nisc, large);
        var shown = await HtmlForm.PageAsync(ministry, $"/Assessments/{large}/Aggregates");
        var railwaysA = shown.QuerySelector("section[data-item='A'] tr[data-sector='railways']")!;
        railwaysA.QuerySelector("td.num")!.TextContent.ShouldBe("5");
        railwaysA.QuerySelector("li[data-key='yes']")!.TextContent.ShouldBe("はい: 60% (3)");
        shown.QuerySelector("#chart-A svg").ShouldNotBeNull();
        shown.Body!.TextContent.ShouldNotContain("記述R0");

        // The respondent's gap view: its own answer beside its sector's distribution.
        var (own, _, _) = await app.OperatorAsync("chemicals", null, Role.Coordinator);
        var gapCampaign = await OpenedCampaignAsync(nisc, framework, "chemicals");
        await AnswerAsync(own, gapCampaign, "partly", "自組織");
        var gap = await HtmlForm.PageAsync(own, $"/Assessments/{gapCampaign}/Gap");
        var row0 = gap.QuerySelector("#gap-view tr[data-item='A']")!;
        row0.QuerySelector("td.own")!.TextContent.ShouldBe("一部");
        row0.QuerySelector("td.withheld")!.TextContent.ShouldBe("非表示（回答数が5未満）");
    }
}

public sealed class AssessmentPageTests_Sqlite(SqliteApp app) : AssessmentPageTests<SqliteApp>(app);

public sealed class AssessmentPageTests_Postgres(PostgresApp app) : AssessmentPageTests<PostgresApp>(app);
