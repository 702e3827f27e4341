using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Directory;

/// <summary>
/// The 展開先 (seed 001 l.365–366): organisations NISC's information reaches beyond a CEPTOAR's
/// members, and the content-chosen groups outside every CEPTOAR. The directory holds them, the
/// secretariat and platform admins keep them, and an advisory that names them reaches them with
/// deliveries, reads and acknowledgements as for members.
/// </summary>
public abstract class CeptoarRecipientTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<(HttpClient Client, Guid Org)> At(string code, Role role)
    {
        var org = await app.Data.ReferenceOrganisationAsync(code);
        return ((await app.ClientAsync(org.Id, role)).Client, org.Id);
    }

    private static object Recipients(string kind, string key) => new object[] { new { kind, key } };

    private async Task<List<Guid>> DeliveredAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        return await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == id).Select(d => d.OrganisationId).ToListAsync();
    }

    [Fact]
    public async Task Directory_HoldsTheContentChosenGroups_FromTheSeed()
    {
        var (viewer, _, _) = await app.OperatorAsync("water");
        var communities = await OkAsync(await viewer.GetAsync("/api/v1/communities"));
        var groups = communities.EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "recipient_group")
            .Select(c => c.GetProperty("code").GetString()).ToList();
        groups.ShouldBe(["nuclear-security-companies", "building-automation-association", "cyber-defense-council", "universities"], ignoreOrder: true);
    }

    [Fact]
    public async Task Admin_RegistersACeptoarsRecipient_ShownBesideThePublishedCount_AndAudited()
    {
        var admin = app.Admin();
        var utility = await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", name: "展開先の水道事業体");
        var before = await OkAsync(await admin.GetAsync("/api/v1/ceptoars/water"));
        before.GetProperty("extraRecipients").GetInt32().ShouldBe(1314, "the map's figure stays as published");
        var registered = before.GetProperty("registeredExtraRecipients").GetInt32();

        var added = await OkAsync(await admin.PostAsJsonAsync("/api/v1/ceptoars/water/recipients", new { organisationId = utility.Id, selection = "by_content" }), HttpStatusCode.Created);
        added.GetProperty("organisation").GetProperty("id").GetGuid().ShouldBe(utility.Id);
        added.GetProperty("selection").GetString().ShouldBe("by_content");

        var after = await OkAsync(await admin.GetAsync("/api/v1/ceptoars/water"));
        after.GetProperty("extraRecipients").GetInt32().ShouldBe(1314);
        after.GetProperty("registeredExtraRecipients").GetInt32().ShouldBe(registered + 1);
        var list = await OkAsync(await admin.GetAsync("/api/v1/ceptoars/water/recipients"));
        list.EnumerateArray().ShouldContain(r => r.GetProperty("organisation").GetProperty("id").GetGuid() == utility.Id);

        // The list is a distribution list: an operator elsewhere sees neither it nor its count.
        var (other, _, _) = await app.OperatorAsync("electricity");
        (await OkAsync(await other.GetAsync("/api/v1/ceptoars/water"))).GetProperty("registeredExtraRecipients").ValueKind.ShouldBe(JsonValueKind.Null);
        (await OkAsync(await other.GetAsync("/api/v1/ceptoars/water/recipients"))).GetArrayLength().ShouldBe(0);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        (await db.AuditEvents.AnyAsync(e => e.ResourceType == "ceptoar_recipients" && e.ResourceId!.Contains(utility.Id.ToString()))).ShouldBeTrue();

        (await admin.DeleteAsync($"/api/v1/ceptoars/water/recipients/{utility.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await OkAsync(await admin.GetAsync("/api/v1/ceptoars/water"))).GetProperty("registeredExtraRecipients").GetInt32().ShouldBe(registered);
    }

    [Fact]
    public async Task OnlyTheSecretariatAndAdmins_KeepRecipients_WithProblemDetailsNamingTheField()
    {
        var (secretariat, _) = await At("jga", Role.Coordinator);
        var (secretariatViewer, _) = await At("jga", Role.Viewer);
        var (ministry, _) = await At("meti", Role.Admin);
        var (operatorAdmin, _, member) = await app.OperatorAsync("gas", ["gas"], Role.Admin);
        var target = await app.Data.OrganisationAsync(OrganisationKind.Operator, "gas", name: "都市ガスの展開先");

        foreach (var refused in new[] { secretariatViewer, ministry, operatorAdmin })
        {
            var response = await refused.PostAsJsonAsync("/api/v1/ceptoars/gas/recipients", new { organisationId = target.Id });
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/v1/ceptoars/gas/recipients", new { selection = "always" }))).ShouldContainKey("organisationId");
        (await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/v1/ceptoars/gas/recipients", new { organisationId = Guid.NewGuid() }))).ShouldContainKey("organisationId");
        (await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/v1/ceptoars/gas/recipients", new { organisationId = member.Id })))
            .ShouldContainKey("organisationId", "a member is not a 展開先 (構成員以外)");
        (await secretariat.PostAsJsonAsync("/api/v1/ceptoars/no-such/recipients", new { organisationId = target.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await OkAsync(await secretariat.PostAsJsonAsync("/api/v1/ceptoars/gas/recipients", new { organisationId = target.Id }), HttpStatusCode.Created);
        (await secretariat.PostAsJsonAsync("/api/v1/ceptoars/gas/recipients", new { organisationId = target.Id })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await secretariat.PostAsJsonAsync("/api/v1/ceptoars/electricity/recipients", new { organisationId = target.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "another CEPTOAR's list");

        // The ministry in charge reads the list; only the keepers change it.
        var (metiViewer, _) = await At("meti", Role.Viewer);
        (await OkAsync(await metiViewer.GetAsync("/api/v1/ceptoars/gas/recipients"))).EnumerateArray()
            .ShouldContain(r => r.GetProperty("organisation").GetProperty("id").GetGuid() == target.Id);
        (await ministry.DeleteAsync($"/api/v1/ceptoars/gas/recipients/{target.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secretariat.DeleteAsync($"/api/v1/ceptoars/gas/recipients/{target.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task OrganisationPage_ListsTheCeptoarsItIsARecipientOf_ToThoseWhoSeeTheList()
    {
        var utility = await app.Data.OrganisationAsync(OrganisationKind.Operator, "water", name: "展開先一覧の水道事業体");
        await OkAsync(await app.Admin().PostAsJsonAsync("/api/v1/ceptoars/water/recipients", new { organisationId = utility.Id, selection = "by_content" }), HttpStatusCode.Created);
        var own = (await app.ClientAsync(utility.Id, Role.Viewer)).Client;
        var html = await own.GetStringAsync($"/Directory/Organisations/{utility.Id}");
        html.ShouldContain("展開先として情報提供を受けるセプター");
        html.ShouldContain("href=\"/Directory/Ceptoars/water\"");

        // Another operator sees the organisation in the directory, not the distribution lists it is on.
        var (other, _, _) = await app.OperatorAsync("electricity");
        var elsewhere = await other.GetStringAsync($"/Directory/Organisations/{utility.Id}");
        elsewhere.ShouldNotContain("展開先として情報提供を受けるセプター");
    }

    [Fact]
    public async Task CeptoarPage_ShowsPublishedAndRegistered_AndTheSecretariatAddsAndRemovesByForm()
    {
        var broadcaster = await app.Data.OrganisationAsync(OrganisationKind.Operator, "telecom", "broadcasting", name: "展開先の地方放送局");
        var secretariat = await app.Data.ReferenceOrganisationAsync("jcba");
        var user = await app.Data.UserAsync(secretariat.Id, Role.Coordinator);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "page", 1);
            var client = app.Web.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Secret);

            var html = await client.GetStringAsync("/Directory/Ceptoars/broadcasting");
            html.ShouldContain("13社", customMessage: "the published figure");
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            var form = document.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=organisation]") is not null);
            var fields = form.QuerySelectorAll("input").Where(i => i.GetAttribute("name") is not null)
                .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            fields["organisation"] = broadcaster.Id.ToString();
            fields["selection"] = "always";
            var posted = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());

            html = await client.GetStringAsync("/Directory/Ceptoars/broadcasting");
            html.ShouldContain("展開先の地方放送局");
            html.ShouldContain("Renkei に登録済み 1");

            fields["organisation"] = "no-such-organisation";
            var refused = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("名簿に登録された組織ではありません");
        }
        (await OkAsync(await app.Admin().GetAsync("/api/v1/ceptoars/broadcasting/recipients"))).EnumerateArray()
            .Select(r => r.GetProperty("organisation").GetProperty("id").GetGuid()).ShouldBe([broadcaster.Id]);
    }

    [Fact]
    public async Task NiscAdvisory_ToACeptoarsRecipients_ReachesThem_NotTheMembers_AndTheyReadAndAcknowledge()
    {
        var (nisc, _) = await At("nisc", Role.Analyst);
        var (recipient, _, recipientOrg) = await app.OperatorAsync("chemicals", null, Role.Coordinator);
        var (member, _, memberOrg) = await app.OperatorAsync("chemicals", ["chemicals"], Role.Coordinator);
        await OkAsync(await app.Admin().PostAsJsonAsync("/api/v1/ceptoars/chemicals/recipients", new { organisationId = recipientOrg.Id }), HttpStatusCode.Created);

        // A CEPTOAR audience means its members: the 展開先 are not included by default.
        var toCeptoar = (await PublishedAsync(nisc, Advisory("化学: 構成員宛て", audience: [new { kind = "ceptoar", key = "chemicals" }]))).GetProperty("id").GetGuid();
        var delivered = await DeliveredAsync(toCeptoar);
        delivered.ShouldContain(memberOrg.Id);
        delivered.ShouldNotContain(recipientOrg.Id);
        (await recipient.GetAsync($"/api/v1/advisories/{toCeptoar}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Named explicitly, they receive it exactly as members do.
        var published = await PublishedAsync(nisc, Advisory("化学: 展開先宛て", audience: [new { kind = "ceptoar_recipients", key = "chemicals" }]));
        var id = published.GetProperty("id").GetGuid();
        delivered = await DeliveredAsync(id);
        delivered.ShouldContain(recipientOrg.Id);
        delivered.ShouldNotContain(memberOrg.Id, "the 展開先 entry reaches the non-members only");
        published.GetProperty("audience").EnumerateArray().Single().GetProperty("nameJa").GetString()!.ShouldContain("展開先");

        var seen = await OkAsync(await recipient.GetAsync($"/api/v1/advisories/{id}"));
        seen.GetProperty("id").GetGuid().ShouldBe(id);
        seen.GetProperty("delivery").GetProperty("firstReadAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        await OkAsync(await recipient.PostAsync($"/api/v1/advisories/{id}/acknowledge", null));
        (await member.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var report = await OkAsync(await nisc.GetAsync($"/api/v1/advisories/{id}/deliveries?limit=200"));
        var item = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("organisationId").GetGuid() == recipientOrg.Id);
        item.GetProperty("acknowledgedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        item.GetProperty("firstReadAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        // "kind:key" parsing knows the new kind (query strings and forms).
        Renkei.Access.AudienceEntry.Parse("ceptoar-recipients:chemicals")!.Kind.ShouldBe(Renkei.Access.AudienceKind.CeptoarRecipients);
    }

    [Fact]
    public async Task RelayedAdvisory_ReachesTheRecipients_ThroughTheMinistry_AndTheCeptoarsSecretariat()
    {
        var (nisc, _) = await At("nisc", Role.Analyst);
        var (mhlw, mhlwOrg) = await At("mhlw", Role.Coordinator);
        var (secretariat, secretariatOrg) = await At("jwwa", Role.Coordinator);
        var (recipient, _, recipientOrg) = await app.OperatorAsync("water", null, Role.Viewer);
        await OkAsync(await secretariat.PostAsJsonAsync("/api/v1/ceptoars/water/recipients", new { organisationId = recipientOrg.Id, selection = "by_content" }), HttpStatusCode.Created);

        var id = (await PublishedAsync(nisc, Advisory("水道: 展開先へ中継", audience: [new { kind = "ceptoar_recipients", key = "water" }], distribution: "relay")))
            .GetProperty("id").GetGuid();
        (await DeliveredAsync(id)).ShouldBe([mhlwOrg]);
        (await recipient.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not before its CEPTOAR relays it");
        await OkAsync(await mhlw.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay" }));
        (await DeliveredAsync(id)).ShouldContain(secretariatOrg);
        await OkAsync(await secretariat.PostAsJsonAsync($"/api/v1/advisories/{id}/relay", new { action = "relay", note = "展開先の皆様へ" }));
        (await DeliveredAsync(id)).ShouldContain(recipientOrg.Id);
        var seen = await OkAsync(await recipient.GetAsync($"/api/v1/advisories/{id}"));
        seen.GetProperty("relayNotes").EnumerateArray().ShouldContain(n => n.GetProperty("note").GetString() == "展開先の皆様へ");
    }

    [Fact]
    public async Task ContentChosenGroup_IsAddressedAsACommunity_AndItsListStaysWithNisc()
    {
        var (nisc, _) = await At("nisc", Role.Analyst);
        var (university, _, universityOrg) = await app.OperatorAsync("electricity", null, Role.Coordinator);
        var added = await app.Admin().PostAsJsonAsync($"/api/v1/organisations/{universityOrg.Id}/memberships", new { kind = "community", code = "universities" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        var id = (await PublishedAsync(nisc, Advisory("大学等への注意喚起", audience: [new { kind = "community", key = "universities" }]))).GetProperty("id").GetGuid();
        (await DeliveredAsync(id)).ShouldContain(universityOrg.Id);
        await OkAsync(await university.PostAsync($"/api/v1/advisories/{id}/acknowledge", null));

        var (outsider, _, _) = await app.OperatorAsync("electricity");
        (await OkAsync(await outsider.GetAsync("/api/v1/communities/universities/members"))).GetProperty("total").GetInt32().ShouldBe(0, "a distribution list, not the community directory");
        (await OkAsync(await nisc.GetAsync("/api/v1/communities/universities/members"))).GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Remit_MinistryAddressesItsSectorsRecipients_SecretariatItsOwn_NotOthers()
    {
        var (meti, _) = await At("meti", Role.Coordinator);
        var (gasSecretariat, _) = await At("jga", Role.Coordinator);
        (await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/advisories", Advisory("他分野の展開先", audience: [new { kind = "ceptoar_recipients", key = "water" }]))))
            .ShouldContainKey("audience[0].key");
        (await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/advisories", Advisory("大学等", audience: [new { kind = "community", key = "universities" }]))))
            .ShouldContainKey("audience[0].key");
        await OkAsync(await meti.PostAsJsonAsync("/api/v1/advisories", Advisory("ガスの展開先", audience: [new { kind = "ceptoar_recipients", key = "gas" }])), HttpStatusCode.Created);
        await OkAsync(await gasSecretariat.PostAsJsonAsync("/api/v1/advisories", Advisory("ガスの展開先へ", audience: [new { kind = "ceptoar_recipients", key = "gas" }])), HttpStatusCode.Created);
        (await ErrorsAsync(await gasSecretariat.PostAsJsonAsync("/api/v1/advisories", Advisory("電力の展開先へ", audience: [new { kind = "ceptoar_recipients", key = "electricity" }]))))
            .ShouldContainKey("audience[0].key");
        (await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/advisories", Advisory("存在しない", audience: [new { kind = "ceptoar_recipients", key = "no-such" }]))))
            .ShouldContainKey("audience[0].key");
    }
}

public sealed class CeptoarRecipientTests_Sqlite(SqliteApp app) : CeptoarRecipientTests<SqliteApp>(app);

public sealed class CeptoarRecipientTests_Postgres(PostgresApp app) : CeptoarRecipientTests<PostgresApp>(app);
