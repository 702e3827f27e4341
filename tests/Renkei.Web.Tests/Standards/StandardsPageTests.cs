using System.Net;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Standards;

/// <summary>
/// The safety-standards pages: the registry filtered by sector and kind, a document with its
/// relations, the form for those who keep a document (errors beside the fields), and an
/// operator's internal rules (④) seen by that operator only.
/// </summary>
public abstract class StandardsPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<HttpClient> AtAsync(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    private static Guid IdFrom(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.Headers.Location!.ToString()["/Standards/".Length..][..36]);
    }

    [Fact]
    public async Task Registry_FiltersBySectorAndKind_AndShowsTheSeedsDate()
    {
        var (viewer, _, _) = await app.OperatorAsync("finance", null, Role.Viewer);
        var page = await HtmlForm.PageAsync(viewer, "/Standards?sector=telecom&kind=mandatory");
        var rows = page.QuerySelectorAll("table.standards tbody tr").ToList();
        rows.ShouldNotBeEmpty("the 2008 list is seeded");
        rows.ShouldAllBe(r => r.GetAttribute("data-kind") == "mandatory");
        rows.ShouldAllBe(r => r.TextContent.Contains("2008-02-01", StringComparison.Ordinal));
        page.QuerySelector("#kind option[value='internal']")!.TextContent.ShouldBe("④内規");
        page.QuerySelector("a[href='/Standards/New']").ShouldBeNull("a viewer keeps no standards");

        var detail = await HtmlForm.PageAsync(viewer, rows[0].QuerySelector("a")!.GetAttribute("href")!);
        detail.QuerySelector("#relations").ShouldNotBeNull();
        detail.QuerySelector("a[href$='/Edit']").ShouldBeNull();

        var bad = await HtmlForm.PageAsync(viewer, "/Standards?kind=colour");
        bad.QuerySelector(".errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task MinistryForm_ShowsErrorsBesideTheFields_ThenSaves_EditsAndRelates()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var form = await HtmlForm.OpenAsync(mic, "/Standards/New", "#Input_TitleJa");
        var bad = await form.Set("Input.Sector", "telecom").Set("Input.Kind", "recommended").Set("Input.TitleJa", "").Set("Input.Url", "ftp://example.test/x")
            .Set("Input.IssuedOn", "2024-04-01").Set("Input.RevisedOn", "2023-01-01").SubmitAsync(mic);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await bad.Content.ReadAsStringAsync());
        foreach (var field in new[] { "Input.TitleJa", "Input.Url", "Input.RevisedOn" })
        {
            page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.ShouldNotBeNullOrWhiteSpace(field);
        }

        var title = "テスト 通信ガイドライン " + Guid.NewGuid().ToString("N")[..6];
        var id = IdFrom(await HtmlForm.Find(page, "/Standards/New", "#Input_TitleJa").Set("Input.TitleJa", title).Set("Input.Url", "https://example.test/g.pdf")
            .Set("Input.RevisedOn", "2025-01-01").SubmitAsync(mic));
        var edit = await HtmlForm.OpenAsync(mic, $"/Standards/{id}/Edit", "#Input_TitleJa");
        (await edit.Set("Input.TitleJa", title + "（改訂）").SubmitAsync(mic)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var shown = await HtmlForm.PageAsync(mic, $"/Standards/{id}");
        shown.QuerySelector("h1")!.TextContent.ShouldBe(title + "（改訂）");

        // Related to a seeded telecom document, the relation shows on both.
        var other = (await HtmlForm.PageAsync(mic, "/Standards?sector=telecom&kind=mandatory")).QuerySelector("table.standards tbody tr")!.GetAttribute("data-standard-id")!;
        var relate = HtmlForm.Find(shown, $"/Standards/{id}", "#Relation_To").Set("Relation.Kind", "based_on").Set("Relation.To", other);
        (await relate.SubmitAsync(mic)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlForm.PageAsync(mic, $"/Standards/{other}")).QuerySelector($"#relations li[data-direction='incoming'] a[href='/Standards/{id}']").ShouldNotBeNull();

        // Not in charge of finance: the service's refusal is shown on the form.
        var outside = await (await HtmlForm.OpenAsync(mic, "/Standards/New", "#Input_TitleJa"))
            .Set("Input.Sector", "finance").Set("Input.Kind", "recommended").Set("Input.TitleJa", "所管外").SubmitAsync(mic);
        outside.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await outside.Content.ReadAsStringAsync()).QuerySelector(".errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task InternalRules_AreSeenByTheirOperatorOnly()
    {
        var (own, _, _) = await app.OperatorAsync("electricity", null, Role.Coordinator);
        var (other, _, _) = await app.OperatorAsync("electricity", null, Role.Coordinator);
        var form = await HtmlForm.OpenAsync(own, "/Standards/New", "#Input_TitleJa");
        form.Value("Input.Kind").ShouldBe("internal");
        var title = "自社 情報セキュリティ内規 " + Guid.NewGuid().ToString("N")[..6];
        var id = IdFrom(await form.Set("Input.TitleJa", title).SubmitAsync(own));

        (await HtmlForm.PageAsync(own, "/Standards?kind=internal")).Body!.TextContent.ShouldContain(title);
        (await HtmlForm.PageAsync(own, $"/Standards/{id}")).QuerySelector("a[href$='/Edit']").ShouldNotBeNull();
        foreach (var client in new[] { other, await AtAsync("meti", Role.Coordinator), await AtAsync("nisc", Role.Coordinator) })
        {
            (await client.GetStringAsync("/Standards?sector=electricity")).ShouldNotContain(title);
            (await client.GetAsync($"/Standards/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync($"/Standards/{id}/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // An operator keeps only its internal rules: a mandatory standard is refused on the form.
        var refused = await (await HtmlForm.OpenAsync(own, "/Standards/New", "#Input_TitleJa")).Set("Input.Kind", "mandatory").Set("Input.TitleJa", "強制基準").SubmitAsync(own);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }
}

public sealed class StandardsPageTests_Sqlite(SqliteApp app) : StandardsPageTests<SqliteApp>(app);

public sealed class StandardsPageTests_Postgres(PostgresApp app) : StandardsPageTests<PostgresApp>(app);
