using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Advisories;

/// <summary>
/// The advisory pages as a browser without JavaScript uses them: NISC writes and publishes
/// through the form, recipients read, acknowledge and respond through theirs, the issuer follows
/// the deliveries; answers stay with the issuer, the body's markup stays inert, and what a
/// caller may not see is a 404.
/// </summary>
public abstract class AdvisoryPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Note = "本社VPN装置が該当。外部接続を遮断済み。";

    private sealed record People(HttpClient Nisc, HttpClient Operator, Guid OperatorOrg, HttpClient OperatorViewer, HttpClient Telecom, Guid TelecomOrg, HttpClient Water);

    private async Task<People> PeopleAsync()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        var (op, _, opOrg) = await app.OperatorAsync("electricity", ["electricity"], Role.Coordinator);
        var viewer = (await app.ClientAsync(opOrg.Id, Role.Viewer)).Client;
        var (telecom, _, telecomOrg) = await app.OperatorAsync("telecom", null, Role.Analyst);
        var (water, _, _) = await app.OperatorAsync("water", null, Role.Analyst);
        return new People(nisc, op, opOrg.Id, viewer, telecom, telecomOrg.Id, water);
    }

    private static string Jst(DateTime utc) => Clock.ToJst(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The new-advisory form filled as a NISC analyst would: an AMBER alert to electricity and telecom.</summary>
    private static async Task<HtmlForm> FilledFormAsync(HttpClient nisc, string title, string body = "## 概要\n\n**直ちに**更新してください。")
    {
        var form = await HtmlForm.OpenAsync(nisc, "/Advisories/New", "#Input_Title");
        form.Value("Input.Tlp").ShouldBe("Amber", "AMBER is the default");
        return form
            .Set("Input.Kind", "Alert")
            .Set("Input.Title", title)
            .Set("Input.Summary", "VPN 機器の既知の脆弱性を悪用した侵入が複数分野で確認されています。")
            .Set("Input.Body", body)
            .Set("Input.RecommendedActions", "ファームウェアを最新版に更新し、認証情報を変更する。")
            .Set("Input.AffectedProducts", "Example VPN 9.x\n\nExample VPN 10.x")
            .Set("Input.References", "https://www.nisc.go.jp/\nhttps://jvn.jp/vu/")
            .Set("Input.Indicators[0].Type", "Cve")
            .Set("Input.Indicators[0].Value", "cve-2024-12345")
            .Set("Input.Indicators[2].Type", "Ipv4")
            .Set("Input.Indicators[2].Value", "198.51.100.23")
            .Set("Input.ValidFrom", Jst(DateTime.UtcNow))
            .Set("Input.ValidUntil", Jst(DateTime.UtcNow.AddDays(30)))
            .Set("Input.Tlp", "Amber")
            .Set("Input.Distribution", "Direct")
            .Set("Input.Audience[0].Kind", "Sector")
            .Set("Input.Audience[0].Key", "electricity")
            .Set("Input.Audience[1].Kind", "Sector")
            .Set("Input.Audience[1].Key", "telecom");
    }

    private static Guid IdFrom(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/Advisories/");
        return Guid.Parse(location["/Advisories/".Length..].Split('#')[0]);
    }

    private static async Task<Guid> PublishedThroughTheFormAsync(HttpClient nisc, string title, string? body = null)
    {
        var form = body is null ? await FilledFormAsync(nisc, title) : await FilledFormAsync(nisc, title, body);
        return IdFrom(await form.SubmitAsync(nisc, "保存して公開"));
    }

    private static async Task<JsonElement> ApiAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();

    private static IHtmlDocument Parse(string html) => HtmlForm.Parse(html);

    private async Task<int> AdvisoryCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Advisories.CountAsync();
    }

    [Fact]
    public async Task NiscPublishes_OperatorReadsAcknowledgesResponds_OnlyTheIssuerSeesTheAnswer()
    {
        var p = await PeopleAsync();
        (await HtmlForm.PageAsync(p.Nisc, "/Advisories")).QuerySelector("a[href='/Advisories/New']").ShouldNotBeNull("NISC issues advisories");
        (await HtmlForm.PageAsync(p.Operator, "/Advisories")).QuerySelector("a[href='/Advisories/New']").ShouldBeNull("an operator does not");

        var title = "VPN 機器の脆弱性を悪用する攻撃について（注意喚起） " + Guid.NewGuid().ToString("N")[..6];
        var id = await PublishedThroughTheFormAsync(p.Nisc, title);

        var stored = await ApiAsync(p.Nisc, $"/api/v1/advisories/{id}");
        stored.GetProperty("state").GetString().ShouldBe("published");
        stored.GetProperty("tlp").GetString().ShouldBe("amber");
        var content = stored.GetProperty("content");
        content.GetProperty("kind").GetString().ShouldBe("alert");
        content.GetProperty("affectedProducts").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Example VPN 9.x", "Example VPN 10.x"], "one per line, blank lines dropped");
        content.GetProperty("references").EnumerateArray().Select(e => e.GetString()).ShouldBe(["https://www.nisc.go.jp/", "https://jvn.jp/vu/"]);
        content.GetProperty("indicators").EnumerateArray().Select(i => (i.GetProperty("type").GetString(), i.GetProperty("value").GetString()))
            .ShouldBe([("cve", "CVE-2024-12345"), ("ipv4", "198.51.100.23")], "blank rows dropped, values normalised");
        (content.GetProperty("validUntil").GetDateTime().ToUniversalTime() - DateTime.UtcNow.AddDays(30)).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(2), "typed in JST, stored as UTC");
        stored.GetProperty("audience").EnumerateArray().Select(a => a.GetProperty("key").GetString()).ShouldBe(["electricity", "telecom"], ignoreOrder: true);

        // NISC's deliveries: nobody in electricity has read it yet.
        string Row(Guid org) => $"#delivery-list tr[data-organisation-id='{org}']";
        var before = await HtmlForm.PageAsync(p.Nisc, $"/Advisories/{id}?sector=electricity");
        before.QuerySelector(Row(p.OperatorOrg) + " .first-read")!.TextContent.Trim().ShouldBe("—");

        // The operator finds it in the list and opens it.
        var list = await HtmlForm.PageAsync(p.Operator, "/Advisories");
        var row = list.QuerySelector($"#advisory-list tr[data-advisory-id='{id}']").ShouldNotBeNull();
        row.QuerySelector("a")!.TextContent.ShouldBe(title);
        row.QuerySelector(".tlp")!.TextContent.ShouldBe("TLP:AMBER");
        row.TextContent.ShouldContain("注意喚起");
        row.TextContent.ShouldContain("内閣サイバーセキュリティセンター");
        var page = await HtmlForm.PageAsync(p.Operator, $"/Advisories/{id}");
        page.QuerySelector(".advisory-page")!.GetAttribute("data-advisory-id").ShouldBe(id.ToString());
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        page.QuerySelector(".markdown-body strong")!.TextContent.ShouldBe("直ちに");
        page.QuerySelectorAll(".references a").Select(a => (a.GetAttribute("href"), a.GetAttribute("rel"))).ShouldBe([("https://www.nisc.go.jp/", "noopener noreferrer"), ("https://jvn.jp/vu/", "noopener noreferrer")]);
        page.QuerySelector("#deliveries").ShouldBeNull("a recipient does not see the other recipients");

        var afterRead = await HtmlForm.PageAsync(p.Nisc, $"/Advisories/{id}?sector=electricity");
        afterRead.QuerySelector(Row(p.OperatorOrg) + " .first-read")!.TextContent.ShouldEndWith(" JST", Case.Sensitive, "the first read shows in the issuer's deliveries");
        afterRead.QuerySelector(Row(p.OperatorOrg) + " .acknowledged")!.TextContent.Trim().ShouldBe("—");

        // Acknowledge, then respond "affected" with a note, through the forms.
        (await HtmlForm.Find(page, $"/Advisories/{id}", ".acknowledge-form button").SubmitAsync(p.Operator)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var acknowledged = await HtmlForm.PageAsync(p.Operator, $"/Advisories/{id}");
        acknowledged.QuerySelector("#receipt .acknowledged")!.TextContent.ShouldEndWith(" JST");
        acknowledged.QuerySelector(".acknowledge-form").ShouldBeNull("acknowledged once");
        var respond = HtmlForm.Find(acknowledged, $"/Advisories/{id}", "#Answer_Note").Set("Answer.Response", "Affected").Set("Answer.Note", Note);
        (await respond.SubmitAsync(p.Operator)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var answered = await HtmlForm.PageAsync(p.Operator, $"/Advisories/{id}");
        answered.QuerySelector("#receipt .response")!.TextContent.ShouldContain("影響あり");
        answered.QuerySelector("#receipt .response-note")!.TextContent.ShouldBe(Note);

        // The issuer's deliveries section: counts and the note.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var recipients = await db.Organisations.CountAsync(o => o.SectorCode == "electricity" || o.SectorCode == "telecom");
            var issuer = await HtmlForm.PageAsync(p.Nisc, $"/Advisories/{id}");
            string Count(string name) => issuer.QuerySelector($"#delivery-counts [data-count='{name}'] dd")!.TextContent.Trim();
            Count("recipients").ShouldBe(recipients.ToString(CultureInfo.InvariantCulture));
            Count("read").ShouldBe("1");
            Count("acknowledged").ShouldBe("1");
            Count("affected").ShouldBe("1");
            Count("not_affected").ShouldBe("0");
            Count("investigating").ShouldBe("0");
            issuer.QuerySelector("#delivery-list")!.GetAttribute("aria-live").ShouldBe("polite");
        }
        var electricity = await HtmlForm.PageAsync(p.Nisc, $"/Advisories/{id}?sector=electricity");
        electricity.QuerySelector(Row(p.OperatorOrg) + " .response-note")!.TextContent.ShouldBe(Note);
        electricity.QuerySelector(Row(p.OperatorOrg) + " .response")!.TextContent.ShouldContain("影響あり");
        electricity.QuerySelector(Row(p.TelecomOrg)).ShouldBeNull("filtered to electricity");
        var pending = await HtmlForm.PageAsync(p.Nisc, $"/Advisories/{id}?pending=true");
        pending.QuerySelector(Row(p.OperatorOrg)).ShouldBeNull("acknowledged, so not pending");
        pending.QuerySelector(Row(p.TelecomOrg)).ShouldNotBeNull();

        // Another recipient never sees the note; an organisation outside the audience gets 404.
        var atTelecom = await p.Telecom.GetStringAsync($"/Advisories/{id}");
        atTelecom.ShouldContain(title);
        atTelecom.ShouldNotContain(Note);
        Parse(atTelecom).QuerySelector("#delivery-counts").ShouldBeNull();
        (await p.Water.GetAsync($"/Advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await p.Water.GetStringAsync("/Advisories")).ShouldNotContain(title);
    }

    [Fact]
    public async Task Viewer_SeesNoAcknowledgeOrResponseForm()
    {
        var p = await PeopleAsync();
        var id = await PublishedThroughTheFormAsync(p.Nisc, "閲覧者向け確認 " + Guid.NewGuid().ToString("N")[..6]);

        var page = await HtmlForm.PageAsync(p.OperatorViewer, $"/Advisories/{id}");
        page.QuerySelector("#receipt").ShouldNotBeNull("the organisation is a recipient");
        page.QuerySelector(".acknowledge-form").ShouldBeNull();
        page.QuerySelector(".respond-form").ShouldBeNull();
        page.QuerySelector("#receipt")!.TextContent.ShouldContain("閲覧のみ");
        (await HtmlForm.PageAsync(p.Operator, $"/Advisories/{id}")).QuerySelector(".acknowledge-form").ShouldNotBeNull("a coordinator of the same organisation may");
    }

    [Fact]
    public async Task ScriptAndJavascriptLinks_InTheBody_RenderInert()
    {
        var p = await PeopleAsync();
        var body = "## 詳細\n\n<script>document.title='pwned'</script>\n\n[ここを押す](javascript:alert(document.cookie))\n\n<img src=x onerror=alert(1)>\n\n![追跡](https://evil.example/pixel.png)";
        var id = await PublishedThroughTheFormAsync(p.Nisc, "本文の無害化確認 " + Guid.NewGuid().ToString("N")[..6], body);

        var html = await p.Operator.GetStringAsync($"/Advisories/{id}");
        html.ShouldNotContain("<script>document.title", Case.Insensitive);
        html.ShouldNotContain("javascript:alert", Case.Insensitive);
        var page = Parse(html);
        var rendered = page.QuerySelector(".markdown-body").ShouldNotBeNull();
        rendered.QuerySelectorAll("script, img, iframe").ShouldBeEmpty();
        rendered.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        rendered.TextContent.ShouldContain("<script>document.title='pwned'</script>", Case.Sensitive, "markup is shown as text");
        rendered.TextContent.ShouldContain("ここを押す");
        rendered.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["https://evil.example/pixel.png"], "the image is a link; the javascript: link lost its target");
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"), "no inline script anywhere on the page");
        page.QuerySelectorAll("img").ShouldBeEmpty();
    }

    [Fact]
    public async Task InvalidInput_ShowsErrorsBesideTheFields_AndStoresNothing()
    {
        var p = await PeopleAsync();
        var before = await AdvisoryCountAsync();
        var form = (await FilledFormAsync(p.Nisc, "検証エラー確認"))
            .Set("Input.Title", "")
            .Set("Input.References", "https://www.nisc.go.jp/\n\njavascript:alert(1)")
            .Set("Input.Indicators[0].Type", "")
            .Set("Input.Indicators[0].Value", "")
            .Set("Input.Indicators[1].Type", "Ipv4")
            .Set("Input.Indicators[1].Value", "999.1.1")
            .Set("Input.ValidFrom", "2026-12-01T09:00")
            .Set("Input.ValidUntil", "2026-11-01T09:00");

        var response = await form.SubmitAsync(p.Nisc, "下書き保存");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with the errors");
        var page = Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("textarea[name='Input.References']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldStartWith("3 行目", Case.Sensitive, "the line it was typed on");
        page.QuerySelector("input[name='Input.Indicators[1].Value']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("input[name='Input.Indicators[0].Value']")!.ParentElement!.QuerySelector(".error").ShouldBeNull();
        page.QuerySelector("input[name='Input.ValidUntil']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.ShouldContain("VPN 機器", Case.Sensitive, "what was typed is kept");

        // With the content right, an audience entry that names nothing is refused in its own row.
        var audience = HtmlForm.Find(page, "/Advisories/New", "#Input_Title")
            .Set("Input.Title", "宛先エラー確認")
            .Set("Input.References", "https://www.nisc.go.jp/")
            .Set("Input.Indicators[1].Value", "198.51.100.9")
            .Set("Input.ValidUntil", "2026-12-31T09:00")
            .Set("Input.Audience[1].Key", "no-such-sector");
        var second = Parse(await (await audience.SubmitAsync(p.Nisc, "下書き保存")).Content.ReadAsStringAsync());
        second.QuerySelector("input[name='Input.Audience[1].Key']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldContain("no-such-sector");
        second.QuerySelector("input[name='Input.Audience[0].Key']")!.ParentElement!.QuerySelector(".error").ShouldBeNull();

        // Values the form cannot read are refused before the service.
        var unreadable = HtmlForm.Find(second, "/Advisories/New", "#Input_Title")
            .Set("Input.Audience[1].Key", "telecom")
            .Set("Input.Kind", "Rumour")
            .Set("Input.ValidFrom", "来週の月曜");
        var third = Parse(await (await unreadable.SubmitAsync(p.Nisc, "保存して公開")).Content.ReadAsStringAsync());
        third.QuerySelector("[data-valmsg-for='Input.Kind']")!.TextContent.ShouldContain("読み取れません");
        third.QuerySelector("input[name='Input.ValidFrom']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldContain("日時として読み取れません");

        (await AdvisoryCountAsync()).ShouldBe(before, "nothing half-stored");
    }

    [Fact]
    public async Task Revision_ThroughTheForm_SaysWhatChanged()
    {
        var p = await PeopleAsync();
        var id = await PublishedThroughTheFormAsync(p.Nisc, "改訂前の件名 " + Guid.NewGuid().ToString("N")[..6]);
        (await p.Nisc.GetAsync($"/Advisories/{id}/Edit")).Headers.Location!.ToString().ShouldBe($"/Advisories/{id}/Revise", "a published advisory is revised, not edited");
        (await p.Operator.GetAsync($"/Advisories/{id}/Revise")).Headers.Location!.ToString().ShouldBe($"/Advisories/{id}", "only the issuer revises");

        var form = await HtmlForm.OpenAsync(p.Nisc, $"/Advisories/{id}/Revise", "#Input_ChangeNote");
        form.Value("Input.Audience[0].Key").ShouldBe("electricity");
        var withoutNote = Parse(await (await form.Set("Input.Title", "改訂後の件名").SubmitAsync(p.Nisc)).Content.ReadAsStringAsync());
        withoutNote.QuerySelector("[data-valmsg-for='Input.ChangeNote']")!.TextContent.ShouldNotBeNullOrWhiteSpace("a revision says what changed");

        var revised = HtmlForm.Find(withoutNote, $"/Advisories/{id}/Revise", "#Input_ChangeNote").Set("Input.ChangeNote", "対象バージョンを追記");
        IdFrom(await revised.SubmitAsync(p.Nisc)).ShouldBe(id);

        var page = await HtmlForm.PageAsync(p.Operator, $"/Advisories/{id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe("改訂後の件名");
        var second = page.QuerySelector("#revisions li[data-revision='2']").ShouldNotBeNull();
        second.QuerySelector(".change-note")!.TextContent.ShouldBe("対象バージョンを追記");
        second.QuerySelector(".changed-fields")!.TextContent.ShouldContain("件名");
    }
}

public sealed class AdvisoryPageTests_Sqlite(SqliteApp app) : AdvisoryPageTests<SqliteApp>(app);

public sealed class AdvisoryPageTests_Postgres(PostgresApp app) : AdvisoryPageTests<PostgresApp>(app);
