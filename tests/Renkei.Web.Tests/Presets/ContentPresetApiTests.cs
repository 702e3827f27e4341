using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Presets;

/// <summary>
/// Content presets per incident type (事案に応じた提供内容をあらかじめ設定, seed 003:20-24): Renkei's
/// defaults for every advisory kind and report threat category, and an issuing organisation's own
/// presets, which only its members see and only its admins and coordinators edit.
/// </summary>
public abstract class ContentPresetApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Offered = "/api/v1/content-presets";

    private static string Own(Guid organisationId) => $"/api/v1/organisations/{organisationId}/content-presets";

    /// <summary>A fresh issuing organisation (a security agency issues advisories to anyone) with a client for the roles.</summary>
    private async Task<(Guid Org, HttpClient Coordinator, HttpClient Analyst)> IssuerAsync()
    {
        var org = await app.Data.OrganisationAsync(OrganisationKind.RelatedAgency, null);
        return (org.Id, (await app.ClientAsync(org.Id, Role.Coordinator)).Client, (await app.ClientAsync(org.Id, Role.Analyst)).Client);
    }

    private static object Preset(string kind = "alert", string title = "【注意喚起】当機関の様式", int? version = null) => new
    {
        target = "advisory",
        kind,
        language = "ja",
        title,
        summary = "当機関の定型の概要文。",
        body = "## 概要\n\n〔内容〕\n\n## 当機関への連絡先\n\n〔窓口〕",
        recommendedActions = "〔対策〕",
        tlp = "amber",
        version,
    };

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query) =>
        (await OkAsync(await client.GetAsync($"{Offered}?{query}"))).EnumerateArray().ToList();

    [Fact]
    public async Task Defaults_AreServedPerAdvisoryKindAndReportCategory_InBothLanguages()
    {
        var (_, _, analyst) = await IssuerAsync();

        var ddos = (await ListAsync(analyst, "target=advisory&kind=ddos_announcement&language=ja")).ShouldHaveSingleItem();
        ddos.GetProperty("source").GetString().ShouldBe("default");
        ddos.GetProperty("renkeiOwn").GetBoolean().ShouldBeTrue("the wording is Renkei's; the seed names the kind");
        ddos.GetProperty("seed").GetString()!.ShouldContain("002:1637-1639");
        var content = ddos.GetProperty("content");
        content.GetProperty("title").GetString()!.ShouldStartWith("【DDoS攻撃予告】");
        content.GetProperty("urgency").GetString().ShouldBe("emergency");
        content.GetProperty("recommendedActions").GetString()!.ShouldContain("監視を強化");

        var outage = (await ListAsync(analyst, "target=advisory&kind=outage_information&language=en")).ShouldHaveSingleItem();
        outage.GetProperty("content").GetProperty("body").GetString()!.ShouldContain("## Recovery outlook");

        var all = await ListAsync(analyst, "target=advisory");
        all.Select(p => (p.GetProperty("kind").GetString()!, p.GetProperty("language").GetString()!))
            .ShouldBe(EnumText.Values<AdvisoryKind>().SelectMany(k => new[] { (k, "ja"), (k, "en") }), ignoreOrder: true, "one preset per advisory kind and language");

        var spill = (await ListAsync(analyst, "target=report&kind=spill_over&language=ja")).ShouldHaveSingleItem();
        spill.GetProperty("content").GetProperty("title").GetString()!.ShouldContain("波及");
        spill.GetProperty("content").GetProperty("recoveryOutlook").GetString().ShouldNotBeNullOrWhiteSpace();
        (await ListAsync(analyst, "target=report")).Select(p => p.GetProperty("kind").GetString()).Distinct()
            .ShouldBe(["cyber_attack", "unintentional", "disaster", "spill_over"], ignoreOrder: true);

        var errors = await ErrorsAsync(await analyst.GetAsync($"{Offered}?target=advisory&kind=rumour"));
        errors.ShouldContainKey("kind");
        (await ErrorsAsync(await analyst.GetAsync($"{Offered}?target=memo"))).ShouldContainKey("target");
    }

    [Fact]
    public async Task OwnPreset_IsOfferedToTheOrganisationsMembers_NotToAnotherOrganisation_AndIsVersionedAndAudited()
    {
        var (org, coordinator, analyst) = await IssuerAsync();
        var (_, otherCoordinator, otherAnalyst) = await IssuerAsync();

        var created = await OkAsync(await coordinator.PostAsJsonAsync(Own(org), Preset()), HttpStatusCode.Created);
        created.GetProperty("version").GetInt32().ShouldBe(1);
        var id = created.GetProperty("id").GetGuid();

        var mine = (await ListAsync(analyst, "target=advisory&kind=alert&language=ja")).ShouldHaveSingleItem();
        mine.GetProperty("source").GetString().ShouldBe("organisation", "the organisation's own wins over the default");
        mine.GetProperty("content").GetProperty("title").GetString().ShouldBe("【注意喚起】当機関の様式");
        (await ListAsync(analyst, "target=advisory&kind=alert&language=en")).ShouldHaveSingleItem().GetProperty("source").GetString().ShouldBe("default", "other languages keep the default");

        foreach (var other in new[] { otherAnalyst, otherCoordinator })
        {
            var theirs = (await ListAsync(other, "target=advisory&kind=alert&language=ja")).ShouldHaveSingleItem();
            theirs.GetProperty("source").GetString().ShouldBe("default", "another organisation never sees it");
            theirs.GetProperty("content").GetProperty("title").GetString()!.ShouldNotContain("当機関");
        }

        var edited = await OkAsync(await coordinator.PutAsJsonAsync($"{Own(org)}/{id}", Preset(title: "【注意喚起】当機関の様式（改）", version: 1)));
        edited.GetProperty("version").GetInt32().ShouldBe(2);
        (await coordinator.PutAsJsonAsync($"{Own(org)}/{id}", Preset(title: "古い版からの編集", version: 1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await coordinator.PostAsJsonAsync(Own(org), Preset())).StatusCode.ShouldBe(HttpStatusCode.Conflict, "one preset per kind and language");
        (await OkAsync(await coordinator.GetAsync(Own(org)))).EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([id]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var actions = await db.AuditEvents.Where(e => e.ResourceType == "content_presets" && e.ResourceId == id.ToString("D")).Select(e => e.Action).ToListAsync();
            actions.ShouldBe(["create", "update"], ignoreOrder: true);
        }

        (await coordinator.DeleteAsync($"{Own(org)}/{id}?version=2")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(analyst, "target=advisory&kind=alert&language=ja")).ShouldHaveSingleItem().GetProperty("source").GetString().ShouldBe("default", "deleted: the default again");
    }

    [Fact]
    public async Task NonMembersAndMembersWithoutTheRole_CannotEdit_ForbiddenProblem()
    {
        var (org, coordinator, analyst) = await IssuerAsync();
        var (otherOrg, otherCoordinator, _) = await IssuerAsync();
        var id = (await OkAsync(await coordinator.PostAsJsonAsync(Own(org), Preset(kind: "vulnerability")), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        foreach (var response in new[]
        {
            await otherCoordinator.PostAsJsonAsync(Own(org), Preset(kind: "early_warning")),
            await otherCoordinator.PutAsJsonAsync($"{Own(org)}/{id}", Preset(kind: "vulnerability", version: 1)),
            await otherCoordinator.DeleteAsync($"{Own(org)}/{id}"),
            await otherCoordinator.GetAsync(Own(org)),
            await analyst.PostAsJsonAsync(Own(org), Preset(kind: "early_warning")),
            await app.Admin().PutAsJsonAsync($"{Own(org)}/{id}", Preset(kind: "vulnerability", version: 1)),
        })
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!.ShouldContain("admins and coordinators");
        }
        // Its own route does not reach the other organisation's preset either.
        (await otherCoordinator.PutAsJsonAsync($"{Own(otherOrg)}/{id}", Preset(kind: "vulnerability", version: 1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var invalid = await ErrorsAsync(await coordinator.PostAsJsonAsync(Own(org), new { target = "advisory", kind = "rumour", title = "" }));
        invalid.ShouldContainKey("kind");
        invalid.ShouldContainKey("title");
        var (operatorClient, _, operatorOrg) = await app.OperatorAsync("water", null, Role.Coordinator);
        (await ErrorsAsync(await operatorClient.PostAsJsonAsync(Own(operatorOrg.Id), Preset(kind: "alert")))).ShouldContainKey("target");
        (await OkAsync(await operatorClient.PostAsJsonAsync(Own(operatorOrg.Id), new
        {
            target = "report",
            kind = "disaster",
            language = "ja",
            title = "水道施設の被災について",
            status = "〔浄水場〕",
            tlp = "green",
        }), HttpStatusCode.Created)).GetProperty("source").GetString().ShouldBe("organisation", "an operator keeps report presets");
    }
}

public sealed class ContentPresetApiTests_Sqlite(SqliteApp app) : ContentPresetApiTests<SqliteApp>(app);

public sealed class ContentPresetApiTests_Postgres(PostgresApp app) : ContentPresetApiTests<PostgresApp>(app);
