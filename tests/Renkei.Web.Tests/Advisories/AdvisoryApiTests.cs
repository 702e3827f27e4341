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
/// Advisories through the API: who issues to whom, a publish that writes one delivery record per
/// recipient organisation, recipients' reads, acknowledgements and responses that only the issuer
/// sees, revisions with what changed, and bad input refused by field.
/// </summary>
public abstract class AdvisoryApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private sealed record Desks(HttpClient Nisc, HttpClient Meti, HttpClient Secretariat, HttpClient Operator, Guid OperatorOrg, HttpClient OperatorViewer,
        HttpClient Telecom, Guid TelecomOrg, HttpClient Water, Guid WaterOrg);

    private async Task<Desks> DesksAsync()
    {
        async Task<HttpClient> At(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;
        var (op, _, opOrg) = await app.OperatorAsync("electricity", ["electricity"], Role.Coordinator);
        var viewer = (await app.ClientAsync(opOrg.Id, Role.Viewer)).Client;
        var (telecom, _, telecomOrg) = await app.OperatorAsync("telecom", null, Role.Analyst);
        var (water, _, waterOrg) = await app.OperatorAsync("water", null, Role.Analyst);
        return new Desks(await At("nisc", Role.Analyst), await At("meti", Role.Analyst), await At("je-isac", Role.Coordinator), op, opOrg.Id, viewer,
            telecom, telecomOrg.Id, water, waterOrg.Id);
    }

    [Fact]
    public async Task Publish_DeliversToEveryOrganisationTheAudienceReaches_AndNoOneElse()
    {
        var d = await DesksAsync();
        var draft = await OkAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", Advisory()), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        draft.GetProperty("state").GetString().ShouldBe("draft");
        draft.GetProperty("content").GetProperty("indicators")[0].GetProperty("value").GetString().ShouldBe("CVE-2024-12345");
        (await d.Operator.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft stays with its issuer");

        var published = await OkAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = draft.GetProperty("version").GetInt32() }));
        published.GetProperty("state").GetString().ShouldBe("published");
        published.GetProperty("revision").GetInt32().ShouldBe(1);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var expected = await db.Organisations.Where(o => o.SectorCode == "electricity" || o.SectorCode == "telecom").Select(o => o.Id).ToListAsync();
        var delivered = await db.AdvisoryDeliveries.Where(x => x.AdvisoryId == id).Select(x => x.OrganisationId).ToListAsync();
        delivered.Order().ShouldBe(expected.Order());
        delivered.ShouldContain(d.OperatorOrg);
        delivered.ShouldContain(d.TelecomOrg);
        delivered.ShouldNotContain(d.WaterOrg);

        var report = await OkAsync(await d.Nisc.GetAsync($"/api/v1/advisories/{id}/deliveries?limit=200"));
        report.GetProperty("total").GetProperty("recipients").GetInt32().ShouldBe(expected.Count);
        report.GetProperty("total").GetProperty("acknowledged").GetInt32().ShouldBe(0);
        (await d.Water.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = published.GetProperty("version").GetInt32() })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);

        var events = await db.AuditEvents.Where(e => e.ResourceType == "advisories" && e.ResourceId == id.ToString("D") && e.Action == "publish").ToListAsync();
        events.Count.ShouldBe(1);
        events[0].Details!.ShouldContain($"\"recipients\":{expected.Count}");
    }

    [Fact]
    public async Task Recipients_ReadAcknowledgeRespond_OnlyTheIssuerSeesTheAnswers()
    {
        var d = await DesksAsync();
        var id = (await PublishedAsync(d.Nisc, Advisory())).GetProperty("id").GetGuid();

        var seen = await OkAsync(await d.Operator.GetAsync($"/api/v1/advisories/{id}"));
        seen.GetProperty("delivery").GetProperty("firstReadAt").ValueKind.ShouldBe(JsonValueKind.String);
        seen.GetProperty("delivery").GetProperty("acknowledgedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        await OkAsync(await d.Operator.PostAsync($"/api/v1/advisories/{id}/acknowledge", null));
        var answered = await OkAsync(await d.Operator.PostAsJsonAsync($"/api/v1/advisories/{id}/response", new { response = "affected", note = "本社VPNが該当。遮断済み。" }));
        answered.GetProperty("response").GetString().ShouldBe("affected");
        await OkAsync(await d.Telecom.PostAsJsonAsync($"/api/v1/advisories/{id}/response", new { response = "not_affected" }));

        var report = await OkAsync(await d.Nisc.GetAsync($"/api/v1/advisories/{id}/deliveries?limit=200"));
        var total = report.GetProperty("total");
        total.GetProperty("read").GetInt32().ShouldBe(2);
        total.GetProperty("acknowledged").GetInt32().ShouldBe(2);
        total.GetProperty("affected").GetInt32().ShouldBe(1);
        total.GetProperty("notAffected").GetInt32().ShouldBe(1);
        var electricity = report.GetProperty("bySector").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "electricity").GetProperty("counts");
        electricity.GetProperty("affected").GetInt32().ShouldBe(1);
        electricity.GetProperty("acknowledged").GetInt32().ShouldBe(1);
        var telecom = report.GetProperty("bySector").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "telecom").GetProperty("counts");
        telecom.GetProperty("notAffected").GetInt32().ShouldBe(1);
        telecom.GetProperty("affected").GetInt32().ShouldBe(0);
        report.GetProperty("bySector").EnumerateArray().Sum(g => g.GetProperty("counts").GetProperty("recipients").GetInt32()).ShouldBe(total.GetProperty("recipients").GetInt32());
        var ceptoar = report.GetProperty("byCeptoar").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "electricity");
        ceptoar.GetProperty("nameJa").GetString()!.ShouldContain("電力");
        ceptoar.GetProperty("counts").GetProperty("affected").GetInt32().ShouldBe(1, "the operator is a member of the electricity CEPTOAR");
        var mine = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("organisationId").GetGuid() == d.OperatorOrg);
        mine.GetProperty("responseNote").GetString().ShouldBe("本社VPNが該当。遮断済み。");
        var pending = await OkAsync(await d.Nisc.GetAsync($"/api/v1/advisories/{id}/deliveries?acknowledged=false&limit=200"));
        pending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("organisationId").GetGuid()).ShouldNotContain(d.OperatorOrg);
        pending.GetProperty("matching").GetInt32().ShouldBe(total.GetProperty("recipients").GetInt32() - 2);

        // A recipient sees its own answer, never another's, and not the list.
        (await d.Operator.GetAsync($"/api/v1/advisories/{id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var atTelecom = await d.Telecom.GetStringAsync($"/api/v1/advisories/{id}");
        atTelecom.ShouldNotContain("本社VPNが該当");
        atTelecom.ShouldContain("not_affected");
        (await d.Meti.GetAsync($"/api/v1/advisories/{id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the issuing organisation");

        (await d.OperatorViewer.PostAsync($"/api/v1/advisories/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await d.Water.PostAsync($"/api/v1/advisories/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ErrorsAsync(await d.Operator.PostAsJsonAsync($"/api/v1/advisories/{id}/response", new { note = "?" }))).ShouldContainKey("response");
    }

    [Fact]
    public async Task Issuers_StayWithinTheirRemit()
    {
        var d = await DesksAsync();
        (await d.Operator.PostAsJsonAsync("/api/v1/advisories", Advisory())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var outside = await ErrorsAsync(await d.Meti.PostAsJsonAsync("/api/v1/advisories", Advisory()));
        outside.ShouldContainKey("audience[1].key");
        outside.ShouldNotContainKey("audience[0].key");
        await OkAsync(await d.Meti.PostAsJsonAsync("/api/v1/advisories", Advisory(audience: [new { kind = "sector", key = "electricity" }])), HttpStatusCode.Created);

        (await ErrorsAsync(await d.Secretariat.PostAsJsonAsync("/api/v1/advisories", Advisory(audience: [new { kind = "sector", key = "electricity" }]))))
            .ShouldContainKey("audience[0].key");
        await OkAsync(await d.Secretariat.PostAsJsonAsync("/api/v1/advisories", Advisory(audience: [new { kind = "ceptoar", key = "electricity" }])), HttpStatusCode.Created);
        await OkAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", Advisory(audience: [new { kind = "all_ci" }])), HttpStatusCode.Created);
    }

    [Fact]
    public async Task BadInput_IsRefusedByField_AndNothingIsStored()
    {
        var d = await DesksAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var before = await db.Advisories.CountAsync();

        var errors = await ErrorsAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", Advisory(references: ["javascript:alert(1)", "https://example.jp/a"])));
        errors.ShouldContainKey("references[0]");
        errors.ShouldNotContainKey("references[1]");
        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", new { kind = "alert", title = "", summary = "s", tlp = "green" }))).ShouldContainKey("title");
        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", new
        {
            kind = "alert",
            title = "t",
            summary = "s",
            tlp = "green",
            audience = new[] { new { kind = "sector", key = "electricity" } },
            validFrom = "2026-12-01T00:00:00Z",
            validUntil = "2026-11-01T00:00:00Z",
        }))).ShouldContainKey("validUntil");
        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", Advisory(audience: [new { kind = "organisation", key = Guid.NewGuid().ToString() }]))))
            .Keys.ShouldContain(k => k.StartsWith("audience[0]", StringComparison.Ordinal));
        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", Advisory(tlp: "red")))).Keys.ShouldContain(k => k.StartsWith("audience[0]", StringComparison.Ordinal));
        (await db.Advisories.CountAsync()).ShouldBe(before);

        // Markup is kept as text: rendering later must make it inert, and nothing strips it silently.
        var stored = await OkAsync(await d.Nisc.PostAsJsonAsync("/api/v1/advisories", Advisory()), HttpStatusCode.Created);
        stored.GetProperty("content").GetProperty("body").GetString()!.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Revisions_SayWhatChanged_AudienceMayGrowNotShrink_NewRecipientsGetDeliveries()
    {
        var d = await DesksAsync();
        var first = await PublishedAsync(d.Nisc, Advisory(audience: [new { kind = "sector", key = "electricity" }]));
        var id = first.GetProperty("id").GetGuid();
        var version = first.GetProperty("version").GetInt32();

        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions", new { advisory = Advisory(version: version) }))).ShouldContainKey("changeNote");
        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions",
            new { changeNote = "対象を変更", advisory = Advisory(audience: [new { kind = "sector", key = "telecom" }], version: version) }))).ShouldContainKey("audience");
        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions",
            new { changeNote = "区分変更", advisory = Advisory(tlp: "amber+strict", audience: [new { kind = "sector", key = "electricity" }], version: version) }))).ShouldContainKey("tlp");
        (await d.Nisc.PutAsJsonAsync($"/api/v1/advisories/{id}", Advisory(version: version))).StatusCode.ShouldBe(HttpStatusCode.Conflict, "published advisories change by revision only");

        var revised = await OkAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions", new
        {
            changeNote = "通信分野を追加し、対象製品を更新",
            advisory = Advisory(title: "VPN 機器の脆弱性を悪用する攻撃について（続報）", version: version),
        }));
        revised.GetProperty("revision").GetInt32().ShouldBe(2);
        var revisions = await OkAsync(await d.Telecom.GetAsync($"/api/v1/advisories/{id}/revisions"));
        revisions.GetArrayLength().ShouldBe(2);
        revisions[1].GetProperty("changeNote").GetString().ShouldBe("通信分野を追加し、対象製品を更新");
        revisions[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["title"]);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        (await db.AdvisoryDeliveries.AnyAsync(x => x.AdvisoryId == id && x.OrganisationId == d.TelecomOrg)).ShouldBeTrue("the grown audience is delivered to");
        (await db.AdvisoryDeliveries.CountAsync(x => x.AdvisoryId == id && x.OrganisationId == d.OperatorOrg)).ShouldBe(1, "nobody receives twice");
        (await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions", new { changeNote = "x", advisory = Advisory(version: version) })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict, "a stale version");
    }

    [Fact]
    public async Task Recipients_AreNotified_InTheApplication()
    {
        var d = await DesksAsync();
        var id = (await PublishedAsync(d.Nisc, Advisory(title: "通知確認用の注意喚起", urgency: "emergency"))).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement? found = null;
        while (found is null && DateTime.UtcNow < deadline)
        {
            var page = await OkAsync(await d.Operator.GetAsync("/api/v1/notifications?limit=200"));
            found = page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("subjectId").GetGuid() == id).Cast<JsonElement?>().FirstOrDefault();
            await Task.Delay(100);
        }
        found.ShouldNotBeNull("the operator is notified of the advisory");
        found.Value.GetProperty("titleJa").GetString().ShouldBe("【緊急】新しい情報提供: 通知確認用の注意喚起");
        found.Value.GetProperty("link").GetString().ShouldBe($"/Advisories/{id}");
        var atWater = await OkAsync(await d.Water.GetAsync("/api/v1/notifications?limit=200"));
        atWater.GetProperty("items").EnumerateArray().ShouldNotContain(n => n.GetProperty("subjectId").GetGuid() == id);
    }

    [Fact]
    public async Task Withdraw_NeedsAReason_KeepsTheAdvisoryReadable_TellsRecipients_AndIsIssuerOnly()
    {
        var d = await DesksAsync();
        var published = await PublishedAsync(d.Nisc, Advisory(title: "取り下げ確認用の注意喚起"));
        var id = published.GetProperty("id").GetGuid();
        var version = published.GetProperty("version").GetInt32();

        (await ErrorsAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/withdraw", new { version }))).ShouldContainKey("reason");
        (await d.Operator.PostAsJsonAsync($"/api/v1/advisories/{id}/withdraw", new { version, reason = "誤報" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var withdrawn = await OkAsync(await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/withdraw", new { version, reason = "対象製品の誤り" }));
        withdrawn.GetProperty("state").GetString().ShouldBe("withdrawn");
        (await d.Nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/withdraw", new { version = withdrawn.GetProperty("version").GetInt32(), reason = "再" })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
        (await OkAsync(await d.Operator.GetAsync($"/api/v1/advisories/{id}"))).GetProperty("state").GetString().ShouldBe("withdrawn");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var told = false;
        while (!told && DateTime.UtcNow < deadline)
        {
            var page = await OkAsync(await d.Operator.GetAsync("/api/v1/notifications?limit=200"));
            told = page.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("subjectId").GetGuid() == id && n.GetProperty("topic").GetString() == "advisory.withdrawn");
            await Task.Delay(100);
        }
        told.ShouldBeTrue("recipients are told of the withdrawal");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var details = (await db.AuditEvents.SingleAsync(e => e.ResourceId == id.ToString("D") && e.Action == "withdraw")).Details!;
        JsonDocument.Parse(details).RootElement.GetProperty("reason").GetString().ShouldBe("対象製品の誤り");
    }

    [Fact]
    public async Task Receipts_WakeOpenDashboards_AndAnAffectedResponseNotifiesTheIssuingDesk()
    {
        var d = await DesksAsync();
        var id = (await PublishedAsync(d.Nisc, Advisory(title: "影響確認用の注意喚起"))).GetProperty("id").GetGuid();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await d.Nisc.GetAsync("/api/v1/notifications/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cts.Token));
        (await NextEventAsync(reader, cts.Token)).ShouldBe("heartbeat");

        await OkAsync(await d.Operator.PostAsync($"/api/v1/advisories/{id}/acknowledge", null));
        string? seen;
        do
        {
            seen = await NextEventAsync(reader, cts.Token);
        }
        while (seen == "notification");
        seen.ShouldBe("receipts", "an acknowledgement wakes open dashboards at once, not at the next heartbeat");

        await OkAsync(await d.Operator.PostAsJsonAsync($"/api/v1/advisories/{id}/response", new { response = "affected", note = "該当機器あり" }));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement? found = null;
        while (found is null && DateTime.UtcNow < deadline)
        {
            var page = await OkAsync(await d.Nisc.GetAsync("/api/v1/notifications?limit=200"));
            found = page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("subjectId").GetGuid() == id && n.GetProperty("topic").GetString() == "advisory.affected")
                .Cast<JsonElement?>().FirstOrDefault();
            await Task.Delay(100);
        }
        found.ShouldNotBeNull("the issuing desk hears of an affected recipient");
        found.Value.GetProperty("titleJa").GetString().ShouldBe("「影響あり」の応答: 影響確認用の注意喚起");
        var atTelecom = await OkAsync(await d.Telecom.GetAsync("/api/v1/notifications?limit=200"));
        atTelecom.GetProperty("items").EnumerateArray().ShouldNotContain(n => n.GetProperty("topic").GetString() == "advisory.affected" && n.GetProperty("subjectId").GetGuid() == id,
            "other recipients never hear of another's response");
    }

    private static async Task<string?> NextEventAsync(StreamReader reader, CancellationToken ct)
    {
        string? type = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.Length == 0 && type is not null)
            {
                return type;
            }
        }
        return null;
    }
}

public sealed class AdvisoryApiTests_Sqlite(SqliteApp app) : AdvisoryApiTests<SqliteApp>(app);

public sealed class AdvisoryApiTests_Postgres(PostgresApp app) : AdvisoryApiTests<PostgresApp>(app);
