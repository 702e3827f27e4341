using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Advisories;

/// <summary>The public portal and feed: TLP:CLEAR advisories without sign-in, and nothing else.</summary>
public abstract class PublicPortalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static async Task<Guid> AdvisoryAsync(HttpClient nisc, string title, string tlp, bool publish, object[] audience, string? validUntil = null)
    {
        var created = await nisc.PostAsJsonAsync("/api/v1/advisories", new
        {
            kind = "alert",
            title,
            summary = "概要",
            tlp,
            audience,
            validUntil,
            body = "詳細は[こちら](javascript:alert(1))。<script>alert(1)</script>",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        if (publish)
        {
            var published = await nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = draft.GetProperty("version").GetInt32() });
            published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        }
        return id;
    }

    [Fact]
    public async Task ClearAdvisories_AreOpenToEveryone_InThePortalAndTheFeed_NothingElseIs()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clear = await AdvisoryAsync(nisc, $"公開注意喚起 {tag}", "clear", true, []);
        var amber = await AdvisoryAsync(nisc, $"限定注意喚起 {tag}", "amber", true, [new { kind = "sector", key = "electricity" }]);
        var draft = await AdvisoryAsync(nisc, $"下書き注意喚起 {tag}", "clear", false, []);
        var expired = await AdvisoryAsync(nisc, $"期限切れ注意喚起 {tag}", "clear", true, [], "2020-01-01T00:00:00Z");
        var anonymous = app.Anonymous();

        var portal = await anonymous.GetAsync("/Public");
        portal.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await portal.Content.ReadAsStringAsync();
        html.ShouldContain($"公開注意喚起 {tag}");
        html.ShouldContain($"期限切れ注意喚起 {tag}");
        html.ShouldNotContain($"限定注意喚起 {tag}");
        html.ShouldNotContain($"下書き注意喚起 {tag}");
        var weather = Reports.HtmlForm.Parse(html).QuerySelector("#cyber-weather")!;
        weather.QuerySelector("[data-kind='alert']").ShouldNotBeNull("a current public alert is in the weather");

        var page = await anonymous.GetAsync($"/Public/Advisories/{clear}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = Reports.HtmlForm.Parse(await page.Content.ReadAsStringAsync()).QuerySelector(".markdown-body")!;
        body.QuerySelector("script").ShouldBeNull();
        body.QuerySelectorAll("a").ShouldAllBe(a => !(a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        (await anonymous.GetAsync($"/Public/Advisories/{amber}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/Public/Advisories/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/Public/Advisories/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var feed = await anonymous.GetAsync("/feed.atom");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var ids = atom.Root!.Elements(ns + "entry").Select(e => e.Element(ns + "id")!.Value).ToList();
        ids.ShouldContain($"urn:uuid:{clear:D}");
        ids.ShouldContain($"urn:uuid:{expired:D}");
        ids.ShouldNotContain($"urn:uuid:{amber:D}");
        ids.ShouldNotContain($"urn:uuid:{draft:D}");
        atom.Root.Elements(ns + "entry").Single(e => e.Element(ns + "id")!.Value == $"urn:uuid:{clear:D}").Element(ns + "title")!.Value.ShouldBe($"公開注意喚起 {tag}");
    }

    [Fact]
    public async Task ExpiredAdvisories_LeaveTheWeather()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        await AdvisoryAsync(nisc, "期限切れの復旧手法", "clear", true, [], "2020-01-01T00:00:00Z");
        var created = await nisc.PostAsJsonAsync("/api/v1/advisories", new { kind = "recovery_method", title = "期限切れ", summary = "s", tlp = "clear", validUntil = "2020-01-01T00:00:00Z" });
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        await nisc.PostAsJsonAsync($"/api/v1/advisories/{draft.GetProperty("id").GetGuid()}/publish", new { version = draft.GetProperty("version").GetInt32() });
        var html = await app.Anonymous().GetStringAsync("/Public");
        Reports.HtmlForm.Parse(html).QuerySelector("#cyber-weather [data-kind='recovery_method']").ShouldBeNull("only advisories in force count");
    }
}

public sealed class PublicPortalTests_Sqlite(SqliteApp app) : PublicPortalTests<SqliteApp>(app);

public sealed class PublicPortalTests_Postgres(PostgresApp app) : PublicPortalTests<PostgresApp>(app);
