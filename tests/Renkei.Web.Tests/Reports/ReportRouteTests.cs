using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

public abstract class ReportRouteTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    [Fact]
    public async Task MinistryRoute_DraftSubmitAcknowledgeForward_ThenUpdatesAndFinal()
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "ministry");
        var id = draft.GetProperty("id").GetGuid();
        draft.GetProperty("state").GetString().ShouldBe("draft");
        draft.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("role").GetString()).ShouldBe(["ministry", "national_centre"]);
        var indicators = draft.GetProperty("content").GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("value").GetString()).ToList();
        indicators.ShouldBe(["203.0.113.7", "evil.example.com", "CVE-2024-12345"]);

        (await ReportChain.GetAsync(chain.Ministry, id)).ShouldBeNull("a draft stays with its organisation");
        (await ReportChain.GetAsync(chain.ReporterColleague, id)).ShouldNotBeNull();

        var submitted = await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit", new { version = draft.GetProperty("version").GetInt32() });
        submitted.GetProperty("state").GetString().ShouldBe("submitted");
        submitted.GetProperty("stage").GetString().ShouldBe("first");

        var atMinistry = (await ReportChain.GetAsync(chain.Ministry, id))!.Value;
        atMinistry.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue();
        atMinistry.GetProperty("reporter").GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation);
        atMinistry.GetProperty("actions").GetProperty("forward").GetBoolean().ShouldBeTrue();
        (await ReportChain.GetAsync(chain.Nisc, id)).ShouldBeNull("NISC reads it once the ministry forwards it");
        (await ReportChain.GetAsync(chain.OtherMinistry, id)).ShouldBeNull();

        var acknowledged = await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/acknowledge");
        acknowledged.GetProperty("state").GetString().ShouldBe("acknowledged");
        (await chain.Ministry.PostAsync($"/api/v1/reports/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var forwarded = await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward", new { annotation = "経済産業省: 深刻度は高いと判断" });
        forwarded.GetProperty("hops")[1].GetProperty("receivedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await chain.Ministry.PostAsync($"/api/v1/reports/{id}/forward", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var atNisc = (await ReportChain.GetAsync(chain.Nisc, id))!.Value;
        atNisc.GetProperty("hops")[0].GetProperty("annotation").GetString().ShouldBe("経済産業省: 深刻度は高いと判断");
        atNisc.GetProperty("actions").GetProperty("forward").GetBoolean().ShouldBeFalse("NISC is the last hop");

        var version = atNisc.GetProperty("version").GetInt32();
        var update = await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/updates", new { stage = "update", version, content = ReportChain.Content() });
        update.GetProperty("stage").GetString().ShouldBe("update");
        var finalContent = JsonSerializer.SerializeToElement(ReportChain.Content());
        var final = await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/updates", new
        {
            stage = "final",
            version = update.GetProperty("version").GetInt32(),
            content = new { language = "ja", title = "確報: 供給支障（復旧済み）", kind = "service_outage", threatCategory = "cyber_attack", sectorCode = "electricity", cause = "VPN機器の脆弱性を悪用された", recoveryOutlook = "復旧済み" },
        });
        final.StatusCode.ShouldBe(HttpStatusCode.OK, await final.Content.ReadAsStringAsync());
        (await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/updates", new { stage = "update", version = 99, content = finalContent })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var versions = await chain.Nisc.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/versions");
        versions.GetArrayLength().ShouldBe(3);
        versions[2].GetProperty("stage").GetString().ShouldBe("final");
        versions[2].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldContain("cause");
        versions[2].GetProperty("submittedBy").GetProperty("userId").GetGuid().ShouldBe(chain.ReporterUser);
    }

    [Fact]
    public async Task EmergencyRoute_ReachesNiscAndMinistryAtOnce()
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "emergency");
        var id = draft.GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        (await ReportChain.GetAsync(chain.Nisc, id)).ShouldNotBeNull();
        (await ReportChain.GetAsync(chain.Ministry, id)).ShouldNotBeNull();
        (await ReportChain.GetAsync(chain.Secretariat, id)).ShouldBeNull();
    }

    [Fact]
    public async Task Drafts_EditWithVersion_DiscardLeavesNothing()
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "ministry");
        var id = draft.GetProperty("id").GetGuid();
        var edited = await chain.Reporter.PutAsJsonAsync($"/api/v1/reports/{id}", new { content = ReportChain.Content("タイトル修正"), route = "emergency", tlp = "green", version = 1 });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("role").GetString()).ShouldBe(["national_centre", "ministry"]);
        (await chain.Reporter.PutAsJsonAsync($"/api/v1/reports/{id}", new { content = ReportChain.Content(), route = "ministry", tlp = "green", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var anonymise = await chain.Reporter.PutAsJsonAsync($"/api/v1/reports/{id}", new { content = ReportChain.Content(), route = "ceptoar", viaCeptoar = "electricity", tlp = "green", version = 2 });
        anonymise.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the trail already names this draft's author");
        (await chain.Reporter.DeleteAsync($"/api/v1/reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ReportChain.GetAsync(chain.Reporter, id)).ShouldBeNull();
    }

    [Fact]
    public async Task ViewersCannotFile_DesksCannotEditReports()
    {
        var chain = await ReportChain.CreateAsync(app);
        (await chain.SectorPeer.PostAsJsonAsync("/api/v1/reports", new { content = ReportChain.Content(), route = "ministry", tlp = "amber" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "ministry");
        var id = draft.GetProperty("id").GetGuid();
        var submitted = await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        (await chain.Ministry.PostAsJsonAsync($"/api/v1/reports/{id}/updates", new { stage = "update", version = submitted.GetProperty("version").GetInt32(), content = ReportChain.Content() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await chain.Reporter.PostAsync($"/api/v1/reports/{id}/forward", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReadingAnAmberReport_IsAudited()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "emergency", "amber")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        (await ReportChain.GetAsync(chain.Nisc, id)).ShouldNotBeNull();
        var trail = await app.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read&resourceType=reports&resourceId={id}");
        trail.GetProperty("total").GetInt32().ShouldBe(1);
    }
}

public sealed class ReportRouteTests_Sqlite(SqliteApp app) : ReportRouteTests<SqliteApp>(app);

public sealed class ReportRouteTests_Postgres(PostgresApp app) : ReportRouteTests<PostgresApp>(app);
