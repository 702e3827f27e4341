using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Advisories;

/// <summary>
/// The relay chain: NISC's advisory reaches the ministries in charge first; a ministry relays it
/// (with a note) to the CEPTOARs of its sector, a secretariat to its members. Nobody downstream
/// sees it before it is relayed to them, the handling rules decide what may pass, and the issuer
/// sees every hop's decision.
/// </summary>
public abstract class AdvisoryRelayTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private sealed record Chain(HttpClient Nisc, Guid NiscOrg, HttpClient Meti, HttpClient MetiViewer, Guid MetiOrg, HttpClient Mic, Guid MicOrg,
        HttpClient Secretariat, Guid SecretariatOrg, HttpClient Operator, Guid OperatorOrg, HttpClient Outsider, Guid OutsiderOrg);

    private async Task<Chain> ChainAsync()
    {
        async Task<(HttpClient, Guid)> At(string code, Role role)
        {
            var org = await app.Data.ReferenceOrganisationAsync(code);
            return ((await app.ClientAsync(org.Id, role)).Client, org.Id);
        }
        var (nisc, niscOrg) = await At("nisc", Role.Analyst);
        var (meti, metiOrg) = await At("meti", Role.Coordinator);
        var (metiViewer, _) = await At("meti", Role.Viewer);
        var (mic, micOrg) = await At("mic", Role.Coordinator);
        var (secretariat, secretariatOrg) = await At("je-isac", Role.Coordinator);
        var (op, _, opOrg) = await app.OperatorAsync("electricity", ["electricity"], Role.Coordinator);
        var (outsider, _, outsiderOrg) = await app.OperatorAsync("water", null, Role.Coordinator);
        return new Chain(nisc, niscOrg, meti, metiViewer, metiOrg, mic, micOrg, secretariat, secretariatOrg, op, opOrg.Id, outsider, outsiderOrg.Id);
    }

    private static object Alert(string title, string tlp = "amber", string? distribution = null, string urgency = "normal") => new
    {
        kind = "alert",
        title,
        summary = "制御系ネットワークへの侵入の試みが確認されています。",
        body = "## 対策\n\nリモート接続を確認してください。",
        tlp,
        urgency,
        distribution,
        audience = new object[] { new { kind = "sector", key = "electricity" }, new { kind = "sector", key = "telecom" } },
    };




    private async Task<List<Guid>> DeliveredAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        return await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == id).Select(d => d.OrganisationId).ToListAsync();
    }

    [Fact]
    public async Task NiscAlert_TravelsMinistry_Ceptoar_Operators_WithNotes_AndNobodySeesItEarly()
    {
        var c = await ChainAsync();
        var id = (await PublishedAsync(c.Nisc, Alert("制御系への侵入の試み（注意喚起）"))).GetProperty("id").GetGuid();

        // The first hop: the ministries in charge of the two sectors, nobody else.
        var first = await DeliveredAsync(id);
        first.ShouldContain(c.MetiOrg);
        first.ShouldContain(c.MicOrg);
        first.ShouldNotContain(c.SecretariatOrg);
        first.ShouldNotContain(c.OperatorOrg);
        (await c.Operator.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "an operator sees it once its CEPTOAR relays it");
        (await c.Secretariat.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var atMeti = await OkAsync(await c.Meti.GetAsync($"/api/v1/advisories/{id}"));
        atMeti.GetProperty("distribution").GetString().ShouldBe("relay");
        var point = atMeti.GetProperty("relay");
        point.GetProperty("stage").GetString().ShouldBe("ministry");
        point.GetProperty("state").GetString().ShouldBe("pending");
        point.GetProperty("awaiting").GetInt32().ShouldBeGreaterThan(0);

        // Viewers do not relay; a named organisation off the ministry's branch is refused by field.
        (await c.MetiViewer.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ErrorsAsync(await c.Meti.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay", organisations = new[] { c.OutsiderOrg } })))
            .ShouldContainKey("organisations[0]");
        (await ErrorsAsync(await c.Meti.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "hold" }))).ShouldContainKey("reason");
        (await c.Operator.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var relayed = await OkAsync(await c.Meti.PostAsJsonAsync($"/api/v1/advisories/{id}/relay",
            new { action = "relay", note = "電力分野では特に遠隔監視用の VPN 装置を確認してください。" }));
        relayed.GetProperty("state").GetString().ShouldBe("relayed");
        relayed.GetProperty("awaiting").GetInt32().ShouldBe(0);
        (await DeliveredAsync(id)).ShouldContain(c.SecretariatOrg);
        (await c.Operator.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the CEPTOAR has not relayed yet");

        var atSecretariat = await OkAsync(await c.Secretariat.GetAsync($"/api/v1/advisories/{id}"));
        atSecretariat.GetProperty("relay").GetProperty("stage").GetString().ShouldBe("ceptoar_secretariat");
        atSecretariat.GetProperty("relayNotes")[0].GetProperty("note").GetString()!.ShouldContain("遠隔監視");
        await OkAsync(await c.Secretariat.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay", note = "会員各社は 17 時までに受領確認をお願いします。" }));

        var atOperator = await OkAsync(await c.Operator.GetAsync($"/api/v1/advisories/{id}"));
        atOperator.GetProperty("relay").ValueKind.ShouldBe(JsonValueKind.Null);
        var notes = atOperator.GetProperty("relayNotes").EnumerateArray().Select(n => n.GetProperty("note").GetString()!).ToList();
        notes.Count.ShouldBe(2);
        notes[0].ShouldContain("遠隔監視", customMessage: "nearest the issuer first");
        notes[1].ShouldContain("17 時");
        await OkAsync(await c.Operator.PostAsync($"/api/v1/advisories/{id}/acknowledge", null));
        (await c.Outsider.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "never beyond the audience");

        // MIC holds for telecom; the issuer sees each hop's decision and who passed what on.
        await OkAsync(await c.Mic.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "hold", reason = "通信事業者には別途個別に連絡済みのため" }));
        var report = await OkAsync(await c.Nisc.GetAsync($"/api/v1/advisories/{id}/deliveries?limit=200&sector=electricity"));
        var points = report.GetProperty("relayPoints").EnumerateArray().ToDictionary(p => p.GetProperty("organisationId").GetGuid());
        points[c.MetiOrg].GetProperty("state").GetString().ShouldBe("relayed");
        points[c.MetiOrg].GetProperty("relayed").GetInt32().ShouldBeGreaterThan(0);
        points[c.MicOrg].GetProperty("state").GetString().ShouldBe("held");
        points[c.MicOrg].GetProperty("holdReason").GetString()!.ShouldContain("個別に連絡済み");
        points[c.SecretariatOrg].GetProperty("state").GetString().ShouldBe("relayed");
        var op = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("organisationId").GetGuid() == c.OperatorOrg);
        op.GetProperty("receivedFromOrganisationId").GetGuid().ShouldBe(c.SecretariatOrg);
        op.GetProperty("acknowledgedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        (await c.Meti.GetAsync($"/api/v1/advisories/{id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a holder does not see other recipients' answers");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var actions = await db.AuditEvents.Where(e => e.ResourceType == "advisories" && e.ResourceId == id.ToString("D")).Select(e => e.Action).ToListAsync();
        actions.Count(a => a == "relay").ShouldBe(2);
        actions.ShouldContain("hold");
    }

    [Fact]
    public async Task HandlingRules_RefuseWhatMayNotTravelTheChain()
    {
        var c = await ChainAsync();
        (await ErrorsAsync(await c.Nisc.PostAsJsonAsync("/api/v1/advisories", Alert("組織内限定", tlp: "amber+strict", distribution: "relay")))).ShouldContainKey("distribution");
        (await ErrorsAsync(await c.Nisc.PostAsJsonAsync("/api/v1/advisories", Alert("緊急", distribution: "relay", urgency: "emergency")))).ShouldContainKey("distribution");

        // Without a choice, AMBER+STRICT and emergencies go direct; a relayable normal advisory is relayed.
        var strict = await OkAsync(await c.Nisc.PostAsJsonAsync("/api/v1/advisories", Alert("組織内限定", tlp: "amber+strict")), HttpStatusCode.Created);
        strict.GetProperty("distribution").GetString().ShouldBe("direct");
        var urgent = await OkAsync(await c.Nisc.PostAsJsonAsync("/api/v1/advisories", Alert("緊急", urgency: "emergency")), HttpStatusCode.Created);
        urgent.GetProperty("distribution").GetString().ShouldBe("direct");

        var direct = (await PublishedAsync(c.Nisc, Alert("直接配信", distribution: "direct"))).GetProperty("id").GetGuid();
        (await c.Operator.GetAsync($"/api/v1/advisories/{direct}")).StatusCode.ShouldBe(HttpStatusCode.OK, "a direct advisory reaches the audience at once");
        (await c.Meti.PostAsJsonAsync($"/api/v1/advisories/{direct}/relay", new { action = "relay" })).StatusCode.ShouldBe(HttpStatusCode.NotFound, "METI is not in that audience");
    }

    [Fact]
    public async Task MinistryIssuedAdvisory_StartsAtTheCeptoars_AndAGrownAudienceReopensTheRelay()
    {
        var c = await ChainAsync();
        var draft = await OkAsync(await c.Meti.PostAsJsonAsync("/api/v1/advisories", new
        {
            kind = "regulation",
            title = "電力制御システムセキュリティガイドライン改定のお知らせ",
            summary = "ガイドラインを改定しました。",
            tlp = "green",
            audience = new object[] { new { kind = "ceptoar", key = "electricity" } },
        }), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        await OkAsync(await c.Meti.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = draft.GetProperty("version").GetInt32() }));
        var first = await DeliveredAsync(id);
        first.ShouldContain(c.SecretariatOrg);
        first.ShouldNotContain(c.OperatorOrg);
        first.ShouldNotContain(c.MetiOrg);
        await OkAsync(await c.Secretariat.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay" }));
        (await DeliveredAsync(id)).ShouldContain(c.OperatorOrg);

        // A new member joins and the issuer revises: the secretariat is asked again, and relays once more without duplicates.
        var (_, _, newcomer) = await app.OperatorAsync("electricity", ["electricity"], Role.Coordinator);
        var current = await OkAsync(await c.Meti.GetAsync($"/api/v1/advisories/{id}"));
        await OkAsync(await c.Meti.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions", new
        {
            changeNote = "新規会員を追加",
            advisory = new
            {
                kind = "regulation",
                title = "電力制御システムセキュリティガイドライン改定のお知らせ",
                summary = "ガイドラインを改定しました。",
                tlp = "green",
                audience = new object[] { new { kind = "ceptoar", key = "electricity" } },
                version = current.GetProperty("version").GetInt32(),
            },
        }));
        var point = (await OkAsync(await c.Secretariat.GetAsync($"/api/v1/advisories/{id}"))).GetProperty("relay");
        point.GetProperty("state").GetString().ShouldBe("pending");
        point.GetProperty("awaiting").GetInt32().ShouldBe(1);
        await OkAsync(await c.Secretariat.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay" }));
        var delivered = await DeliveredAsync(id);
        delivered.ShouldContain(newcomer.Id);
        delivered.Count.ShouldBe(delivered.Distinct().Count());
    }
}

public sealed class AdvisoryRelayTests_Sqlite(SqliteApp app) : AdvisoryRelayTests<SqliteApp>(app);

public sealed class AdvisoryRelayTests_Postgres(PostgresApp app) : AdvisoryRelayTests<PostgresApp>(app);
