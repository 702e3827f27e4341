using System.Net;
using System.Net.Http.Json;
using System.Text;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Guideline;

/// <summary>
/// The guideline pages without JavaScript: the versions with one version's items and a diff; the
/// sector matrix with its edit form for the ministry in charge only (an operator and another
/// sector's ministry get no form and are refused when they post); the national matrix.
/// </summary>
public abstract class GuidelinePageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<HttpClient> AtAsync(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    private static async Task<Guid> StandardAsync(HttpClient ministry, string title) =>
        (await OkAsync(await ministry.PostAsJsonAsync("/api/v1/standards", new { sector = "telecom", kind = "recommended", titleJa = title }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> VersionAsync(HttpClient client, int version) =>
        (await OkAsync(await client.GetAsync("/api/v1/guideline/revisions"))).EnumerateArray().Single(r => r.GetProperty("version").GetInt32() == version).GetProperty("id").GetGuid();

    [Fact]
    public async Task GuidelinePage_ListsVersions_ShowsItems_AndTheDiff()
    {
        var viewer = (await app.OperatorAsync("electricity", null, Role.Viewer)).Client;
        var v1 = await VersionAsync(viewer, 1);
        var v2 = await VersionAsync(viewer, 2);
        var page = await HtmlForm.PageAsync(viewer, $"/Guideline?id={v2}&from={v1}");
        page.QuerySelectorAll("#guideline-revisions tbody tr").Length.ShouldBeGreaterThanOrEqualTo(3);
        page.QuerySelector("#guideline-items tr[data-code='II-3-4-2-a-2']")!.TextContent.ShouldContain("要検討事項");
        page.QuerySelector("#guideline-diff tr.diff-added[data-code='II-lessons']").ShouldNotBeNull();
        page.QuerySelector("#guideline-diff tr.diff-changed[data-code='II-3-4-2-a-2']")!.TextContent.ShouldContain("textJa");
        page.QuerySelector("#guideline-publish").ShouldBeNull("only NISC publishes");
        page.QuerySelector("nav a[href='/Guideline']").ShouldNotBeNull();

        var nisc = await AtAsync("nisc", Role.Coordinator);
        (await HtmlForm.PageAsync(nisc, "/Guideline")).QuerySelector("#guideline-publish form").ShouldNotBeNull();
        var csv = await nisc.GetAsync($"/Guideline?handler=Csv&id={v2}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("concrete_ja");
    }

    [Fact]
    public async Task Nisc_PublishesAnAddendum_FromTheCsvForm()
    {
        var nisc = await AtAsync("nisc", Role.Coordinator);
        var revisions = (await OkAsync(await nisc.GetAsync("/api/v1/guideline/revisions"))).EnumerateArray().ToList();
        var latest = revisions[^1].GetProperty("id").GetGuid();
        var csv = await (await nisc.GetAsync($"/Guideline?handler=Csv&id={latest}")).Content.ReadAsStringAsync();
        var lines = csv.TrimEnd().Split('\n').ToList();
        lines.Add($"R-page-{Guid.NewGuid():N},II,yes_no_partly,ページから追加した参考事項,Reference item added from the page,,,,,false,,reference,,");
        var form = (await HtmlForm.OpenAsync(nisc, "/Guideline", "#guideline-publish form"))
            .Set("Input.Kind", "addendum").Set("Input.PublishedOn", "2031-01-01").Set("Input.NoteJa", "追補").Set("Input.NoteEn", "Addendum")
            .Attach("Items", "items.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        var response = await form.SubmitAsync(nisc);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var after = (await OkAsync(await nisc.GetAsync("/api/v1/guideline/revisions"))).EnumerateArray().ToList();
        after.Count.ShouldBe(revisions.Count + 1);
        after[^1].GetProperty("kind").GetString().ShouldBe("addendum");

        // The same file as a revision is refused with the reason beside the kind.
        var again = (await HtmlForm.OpenAsync(nisc, "/Guideline", "#guideline-publish form"))
            .Set("Input.Kind", "revision").Set("Input.PublishedOn", "2031-02-01").Set("Input.NoteJa", "改定").Set("Input.NoteEn", "Revision")
            .Attach("Items", "items.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines.Append($"R-page-{Guid.NewGuid():N},II,yes_no_partly,別の参考事項,Another,,,,,false,,reference,,")) + "\n"));
        var refused = await again.SubmitAsync(nisc);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("追補版");
    }

    [Fact]
    public async Task MinistryInCharge_RecordsCoverage_FromTheMatrixPage()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var standard = await StandardAsync(mic, "テスト 画面 指針対応 " + Guid.NewGuid());
        var v3 = await VersionAsync(mic, 3);
        var path = $"/Guideline/Coverage/telecom?revision={v3}&standard={standard}";
        var form = await HtmlForm.OpenAsync(mic, path, "#coverage-form");
        form.Value("Input.Entries[0].Item").ShouldBe("II");
        var response = await form.Set("Input.Entries[0].Level", "included").Set("Input.Entries[0].Note", "画面から記録").SubmitAsync(mic);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var page = await HtmlForm.PageAsync(mic, path);
        page.QuerySelector($"#coverage-matrix tr[data-code='II'] td[data-standard='{standard}']")!.GetAttribute("data-level").ShouldBe("included");
        page.QuerySelector("#coverage-matrix tr[data-code='II']")!.GetAttribute("data-status").ShouldBe("covered");

        // Editing from a page read before someone else's change names the row's version.
        var stale = await HtmlForm.OpenAsync(mic, path, "#coverage-form");
        await OkAsync(await mic.PutAsJsonAsync("/api/v1/guideline/coverage", new { standardId = standard, revision = v3, entries = new[] { new { item = "II", level = "not_covered", version = 1 } } }));
        var conflict = await stale.Set("Input.Entries[0].Level", "not_required").SubmitAsync(mic);
        conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Concat(HtmlForm.Parse(await conflict.Content.ReadAsStringAsync()).QuerySelectorAll("#coverage-form tr[data-code='II'] .error").Select(e => e.TextContent)).ShouldContain("2");

        var national = await HtmlForm.PageAsync(await AtAsync("nisc", Role.Viewer), $"/Guideline/National?revision={v3}");
        national.QuerySelector("#national-matrix tr[data-sector='telecom']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Operator_AndAnotherSectorsMinistry_CannotEdit()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var standard = await StandardAsync(mic, "テスト 画面 権限 " + Guid.NewGuid());
        var path = $"/Guideline/Coverage/telecom?standard={standard}";
        var micForm = await HtmlForm.OpenAsync(mic, path, "#coverage-form");
        micForm.Set("Input.Entries[0].Level", "included");

        var telecomOperator = (await app.OperatorAsync("telecom", null, Role.Admin)).Client;
        var fsa = await AtAsync("fsa", Role.Coordinator);
        foreach (var client in new[] { telecomOperator, fsa })
        {
            var page = await HtmlForm.PageAsync(client, path);
            page.QuerySelector("#coverage-matrix").ShouldNotBeNull();
            page.QuerySelector("#coverage-form").ShouldBeNull();
            // Posting the form anyway (with this client's own antiforgery token) is refused.
            var own = HtmlForm.Find(await HtmlForm.PageAsync(client, "/Guideline"), "/Guideline", "form.lang-switch");
            var token = own.Value("__RequestVerificationToken");
            var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token ?? "",
                ["Input.StandardId"] = standard.ToString(),
                ["Input.Entries[0].Item"] = "II",
                ["Input.Entries[0].Level"] = "included",
            });
            var response = await client.PostAsync("/Guideline/Coverage/telecom", body);
            // Refused one way or another (forbidden, or the request itself rejected); the check below shows nothing was stored.
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.Redirect);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                response.Headers.Location!.ToString().ShouldContain("AccessDenied");
            }
        }
        var matrix = await OkAsync(await mic.GetAsync("/api/v1/guideline/coverage/telecom"));
        var column = matrix.GetProperty("standards").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList().IndexOf(standard);
        matrix.GetProperty("rows")[0].GetProperty("cells")[column].GetProperty("coverage").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}

public sealed class GuidelinePageTests_Sqlite(SqliteApp app) : GuidelinePageTests<SqliteApp>(app);

public sealed class GuidelinePageTests_Postgres(PostgresApp app) : GuidelinePageTests<PostgresApp>(app);
