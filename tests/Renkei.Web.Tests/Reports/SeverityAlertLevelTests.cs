using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// NISC's severity labels (なし / 低 / 中 / 高 / 危機) and the alert levels (警戒レベル) tied to them,
/// on the report desk, the public cyber weather and advisories.
/// </summary>
public abstract class SeverityAlertLevelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static async Task<AngleSharp.Dom.IElement> AlertLevelAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return HtmlForm.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#alert-level").ShouldNotBeNull($"{path} shows the alert level");
    }

    [Fact]
    public async Task SeverityLabels_AreNiscs_AndTheDeskAlertLevel_FollowsTheSeverityOfWhatItMayRead()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "emergency")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        var suggested = await AlertLevelAsync(chain.Nisc, "/Reports");
        suggested.GetAttribute("data-alert-level").ShouldBe("3", "an open report suggested at severity 3 (高) calls for alert level 3");
        suggested.GetAttribute("data-derived-from").ShouldBe("reports");
        suggested.TextContent.ShouldContain("警戒");
        suggested.TextContent.ShouldContain("レベル3（高）");
        suggested.TextContent.ShouldContain("Renkei独自", Case.Sensitive, "the seeds define no alert levels: Renkei's own");

        var assessed = await chain.Nisc.PostAsJsonAsync($"/api/v1/reports/{id}/assessments", new { continuity = 3, safety = 4, trust = 0, reason = "人命に関わるおそれ" });
        assessed.StatusCode.ShouldBe(HttpStatusCode.Created, await assessed.Content.ReadAsStringAsync());
        (await AlertLevelAsync(chain.Nisc, "/Reports")).GetAttribute("data-alert-level").ShouldBe("4");
        (await AlertLevelAsync(chain.OtherSector, "/Reports")).GetAttribute("data-derived-from").ShouldNotBe("reports", "a desk that may not read the report is not told its severity");

        var detail = await (await chain.Nisc.GetAsync($"/Reports/{id}")).Content.ReadAsStringAsync();
        detail.ShouldContain("レベル4（危機）");
        detail.ShouldContain("レベル3（高）");
        detail.ShouldNotContain("極めて深刻");

        var portal = await AlertLevelAsync(app.Anonymous(), "/Public");
        portal.GetAttribute("data-derived-from").ShouldNotBe("reports", "the public portal reads no report");
    }

    [Fact]
    public async Task AdvisoryAlertLevel_IsCheckedShownAndRaisesThePublicWeather()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        var bad = await nisc.PostAsJsonAsync("/api/v1/advisories", new { kind = "alert", title = "警戒", summary = "概要", tlp = "clear", audience = Array.Empty<object>(), alertLevel = 9 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("alertLevel", out _).ShouldBeTrue();

        var created = await nisc.PostAsJsonAsync("/api/v1/advisories", new { kind = "alert", title = "厳重警戒の発表", summary = "概要", tlp = "clear", audience = Array.Empty<object>(), alertLevel = 4 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        draft.GetProperty("content").GetProperty("alertLevel").GetInt32().ShouldBe(4);
        var published = await nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = draft.GetProperty("version").GetInt32() });
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

        var anonymous = app.Anonymous();
        var weather = await AlertLevelAsync(anonymous, "/Public");
        weather.GetAttribute("data-alert-level").ShouldBe("4");
        weather.GetAttribute("data-derived-from").ShouldBe("advisories");
        weather.TextContent.ShouldContain("厳重警戒");
        var page = await (await anonymous.GetAsync($"/Public/Advisories/{id}")).Content.ReadAsStringAsync();
        HtmlForm.Parse(page).QuerySelector(".alert-level[data-alert-level='4']").ShouldNotBeNull();
        var internalPage = await (await nisc.GetAsync($"/Advisories/{id}")).Content.ReadAsStringAsync();
        HtmlForm.Parse(internalPage).QuerySelector("dd.alert-level")!.TextContent.ShouldContain("厳重警戒");
    }
}

public sealed class SeverityAlertLevelTests_Sqlite(SqliteApp app) : SeverityAlertLevelTests<SqliteApp>(app);

public sealed class SeverityAlertLevelTests_Postgres(PostgresApp app) : SeverityAlertLevelTests<PostgresApp>(app);
