using System.Net;
using System.Net.Http.Json;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Assessments;

/// <summary>
/// Reviewing through the pages (issue 16, item 5): the owner reads only the responses operators
/// shared, marks one reviewed and proposes an answer as a good practice; the operator consents on
/// its answer page; the ministries' list shows the practice by sector, never by organisation.
/// </summary>
public abstract class ReviewPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Api = "/api/v1/assessments";

    /// <summary>An open campaign of a fresh two-item framework to the sector, created by NISC through the API.</summary>
    private static async Task<Guid> OpenCampaignAsync(HttpClient nisc, string sector)
    {
        var code = "r" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await nisc.PostAsJsonAsync($"{Api}/frameworks", new
        {
            code,
            version = 1,
            titleJa = "浸透状況調査",
            titleEn = "Penetration survey",
            kind = "survey",
            items = new object[]
            {
                new { code = "A", textJa = "内規の制定", textEn = "Internal rules", answerType = "text" },
                new { code = "B", textJa = "安全基準の認知", textEn = "Awareness", answerType = "yes_no_partly" },
            },
        }), HttpStatusCode.Created);
        var framework = (await OkAsync(await nisc.GetAsync($"{Api}/frameworks"))).EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var campaign = (await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = framework,
            titleJa = "令和8年度 浸透状況調査",
            titleEn = "FY2026 penetration survey",
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "sector", key = sector } },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/open", null));
        return campaign;
    }

    /// <summary>The operator answers and submits; returns its response's id.</summary>
    private static async Task<Guid> SubmitAsync(HttpClient op, Guid campaign, string a)
    {
        await OkAsync(await op.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new
        {
            answers = new object[] { new { item = "A", value = a }, new { item = "B", value = "partly" } },
        }));
        return (await OkAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/submit", null))).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Owner_ReviewsASharedResponse_AndProposes_TheOperatorConsents_AndTheMinistryListsItWithoutTheName()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var campaign = await OpenCampaignAsync(nisc, "electricity");
        var (op, _, opOrg) = await app.OperatorAsync("electricity", null, Role.Coordinator);
        var (other, _, _) = await app.OperatorAsync("electricity", null, Role.Coordinator);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var responseId = await SubmitAsync(op, campaign, "本社情報システム部が内規を年2回見直し " + marker);
        var otherId = await SubmitAsync(other, campaign, "未共有の回答 " + marker);
        var path = $"/Assessments/{campaign}/Responses/{responseId}";

        // Not shared yet: the owner has no link and no page.
        (await HtmlForm.PageAsync(nisc, $"/Assessments/{campaign}")).QuerySelector($"#shared-responses tr[data-response-id='{responseId}']").ShouldBeNull();
        (await nisc.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await (await HtmlForm.OpenAsync(op, $"/Assessments/{campaign}/Answer", "#share-toggle")).SubmitAsync(op)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detail = await HtmlForm.PageAsync(nisc, $"/Assessments/{campaign}");
        detail.QuerySelector($"#shared-responses tr[data-response-id='{responseId}'] a")!.GetAttribute("href").ShouldBe(path);
        detail.QuerySelector($"#shared-responses tr[data-response-id='{otherId}']").ShouldBeNull("the other operator did not share");
        (await HtmlForm.PageAsync(op, $"/Assessments/{campaign}")).QuerySelector("#shared-responses").ShouldBeNull("the list is the owner's");

        var page = await HtmlForm.PageAsync(nisc, path);
        page.QuerySelector("div[data-item='A'] .answer")!.TextContent.ShouldContain(marker);
        page.QuerySelector("div[data-item='B'] .answer")!.TextContent.ShouldBe("一部");
        page.QuerySelectorAll("#history tr[data-item]").Length.ShouldBe(2);
        var review = await HtmlForm.OpenAsync(nisc, path, "#review");
        (await review.SubmitAsync(nisc, "確認済みにする")).Headers.Location!.ToString().ShouldBe(path);
        var reviewed = await HtmlForm.PageAsync(nisc, path);
        reviewed.QuerySelector("#response-state")!.TextContent.ShouldBe("確認済み");
        reviewed.QuerySelector("#review").ShouldBeNull("a reviewed response is not reviewed again");

        // The proposal: an empty text is refused beside the item, then the anonymised words are kept.
        var empty = await (await HtmlForm.OpenAsync(nisc, path, "#propose-A")).SubmitAsync(nisc);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("div[data-item='A'] [data-valmsg-for='Propose.Text']").ShouldNotBeNull();
        var anonymised = "内規を年2回、情報システム部門が見直している " + marker;
        var proposed = await (await HtmlForm.OpenAsync(nisc, path, "#propose-A")).Set("Propose.Text", anonymised).SubmitAsync(nisc);
        proposed.Headers.Location!.ToString().ShouldBe(path);
        var after = await HtmlForm.PageAsync(nisc, path);
        after.QuerySelector("div[data-item='A'] .proposal")!.TextContent.ShouldContain(anonymised);
        after.QuerySelector("#propose-A").ShouldBeNull();
        after.QuerySelector("#propose-B").ShouldNotBeNull();

        // Before consent the ministry lists nothing; the operator consents on its answer page.
        var ministry = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("mic")).Id, Role.Analyst)).Client;
        (await HtmlForm.PageAsync(ministry, "/Assessments/GoodPractices?item=A")).Body!.TextContent.ShouldNotContain(marker);
        var answer = await HtmlForm.PageAsync(op, $"/Assessments/{campaign}/Answer");
        answer.QuerySelector("#good-practices tr[data-state='Proposed']")!.TextContent.ShouldContain(anonymised);
        var consent = HtmlForm.Find(answer, $"/Assessments/{campaign}/Answer", "#good-practices input[name='consent'][value='true']");
        (await consent.SubmitAsync(op, "同意する")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decided = await HtmlForm.PageAsync(op, $"/Assessments/{campaign}/Answer");
        decided.QuerySelector("#good-practices tr[data-state='Consented']")!.TextContent.ShouldContain("同意済み");
        (await HtmlForm.PageAsync(other, $"/Assessments/{campaign}/Answer")).QuerySelector("#good-practices").ShouldBeNull("another operator sees no proposal");

        var index = await HtmlForm.PageAsync(ministry, "/Assessments");
        index.QuerySelector("#good-practices-link")!.GetAttribute("href").ShouldBe("/Assessments/GoodPractices");
        var list = await HtmlForm.PageAsync(ministry, "/Assessments/GoodPractices?item=A");
        var row = list.QuerySelectorAll("table.good-practices tr[data-item='A']").Single(r => r.TextContent.Contains(marker, StringComparison.Ordinal));
        row.TextContent.ShouldContain(anonymised);
        list.Body!.TextContent.ShouldNotContain(opOrg.NameJa);
        row.TextContent.ShouldNotContain("本社情報システム部", customMessage: "the answer itself is never listed, only the anonymised words");
        list.Body.InnerHtml.ShouldNotContain(responseId.ToString("D"), Case.Insensitive);
        (await HtmlForm.PageAsync(ministry, "/Assessments/GoodPractices?item=B")).Body!.TextContent.ShouldNotContain(marker, customMessage: "the filter by item code");

        (await HtmlForm.PageAsync(op, "/Assessments")).QuerySelector("#good-practices-link").ShouldBeNull();
        (await op.GetAsync("/Assessments/GoodPractices")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "operators do not read the list");
    }

    [Fact]
    public async Task ResponsePage_Is404_ForAnotherOperator_AndForTheOwnerOfAnUnsharedResponse()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var campaign = await OpenCampaignAsync(nisc, "aviation");
        var (op, _, _) = await app.OperatorAsync("aviation", null, Role.Coordinator);
        var (other, _, _) = await app.OperatorAsync("aviation", null, Role.Coordinator);
        var shared = await SubmitAsync(op, campaign, "共有する回答");
        await OkAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/share", null));
        var unshared = await SubmitAsync(other, campaign, "共有しない回答");

        (await nisc.GetAsync($"/Assessments/{campaign}/Responses/{shared}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync($"/Assessments/{campaign}/Responses/{shared}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another operator never reads it, shared or not");
        (await nisc.GetAsync($"/Assessments/{campaign}/Responses/{unshared}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "unshared: the owner does not see it");
        var review = await nisc.PostAsync($"/Assessments/{campaign}/Responses/{unshared}?handler=Review", null);
        review.StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "nor reviews it");
        (await OkAsync(await other.GetAsync($"{Api}/campaigns/{campaign}/response"))).GetProperty("state").GetString().ShouldBe("submitted");
    }
}

public sealed class ReviewPageTests_Sqlite(SqliteApp app) : ReviewPageTests<SqliteApp>(app);

public sealed class ReviewPageTests_Postgres(PostgresApp app) : ReviewPageTests<PostgresApp>(app);
