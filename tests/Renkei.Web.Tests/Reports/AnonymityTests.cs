using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// The anonymised reporter never appears to anyone but the reporting organisation and the
/// relaying secretariat or agency — on every surface that exists: the report, lists and their
/// filters, versions, and the audit trail.
/// </summary>
public abstract class AnonymityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    /// <summary>
    /// Everything a client could learn about a report, as text, to search for the identity: the
    /// report, its versions, the lists, its question thread, its attachments, the incidents and
    /// statistics it is part of, the STIX exports of the report and of its incident, its indicator
    /// correlations, and every audit event that concerns it (the report, its hops, versions, messages,
    /// attachments and incident links, whatever the filter).
    /// </summary>
    private static async Task<string> EverythingAboutAsync(HttpClient client, Guid id, Guid incidentId, IReadOnlyCollection<string> relatedIds)
    {
        var parts = new List<string>();
        foreach (var path in new[]
        {
            $"/api/v1/reports/{id}", $"/api/v1/reports/{id}/versions", "/api/v1/reports?limit=200", $"/api/v1/reports?q=%E4%BE%9B%E7%B5%A6&limit=200",
            $"/api/v1/reports/{id}/messages", $"/api/v1/reports/{id}/attachments", "/api/v1/incidents", "/api/v1/statistics/reports", "/api/v1/statistics/verification-levels.csv",
            "/api/v1/reports/export.csv", "/api/v1/notifications?limit=200", $"/api/v1/reports/{id}/stix",
            $"/api/v1/incidents/{incidentId}", $"/api/v1/incidents/{incidentId}/stix",
            // "Seen before": the report's own correlations, and the report found by its indicator.
            $"/api/v1/reports/{id}/correlations", "/api/v1/indicators?type=ipv4&value=203.0.113.7&limit=200",
        })
        {
            var response = await client.GetAsync(path);
            parts.Add(response.StatusCode == HttpStatusCode.OK ? Readable(await response.Content.ReadAsStringAsync()) : "");
        }
        var trail = await client.GetAsync("/api/v1/audit?limit=200");
        if (trail.StatusCode == HttpStatusCode.OK)
        {
            var page = await trail.Content.ReadFromJsonAsync<JsonElement>();
            parts.AddRange(page.GetProperty("items").EnumerateArray()
                .Where(e => e.GetProperty("resourceId").GetString() is { } resource && (resource.Contains(id.ToString(), StringComparison.Ordinal) || relatedIds.Contains(resource)))
                .Select(e => Readable(e.GetRawText())));
            parts.Count.ShouldBeGreaterThan(10, "the trail has events about the report to check");
        }
        return string.Join("\n", parts);
    }

    /// <summary>JSON with its \u escapes undone (the API escapes every non-ASCII character), so a Japanese name in it is found; other text as it is.</summary>
    private static string Readable(string body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private async Task<(ReportChain Chain, Guid Id, Guid IncidentId, string OrgName, string Email, List<string> RelatedIds)> AnonymousReportAsync(string route)
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = await ReportChain.CreateAsync(chain.Reporter, route, "amber", viaCeptoar: route == "ceptoar" ? "electricity" : null, viaAgency: route == "security_agency" ? "jpcert" : null);
        var id = draft.GetProperty("id").GetGuid();
        draft.GetProperty("anonymous").GetBoolean().ShouldBeTrue();
        draft.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue("the reporting organisation knows itself");
        // A file goes with the first report, and the reporter reads it back: both in the trail, under the pseudonym.
        var attachment = await ReportChain.AttachAsync(chain.Reporter, id, System.Text.Encoding.UTF8.GetBytes("ログ抜粋"), "ログ抜粋.txt");
        attachment.StatusCode.ShouldBe(HttpStatusCode.Created, await attachment.Content.ReadAsStringAsync());
        var attachmentId = (await attachment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await chain.Reporter.GetAsync($"/api/v1/reports/{id}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var holder = route == "ceptoar" ? chain.Secretariat : chain.Jpcert;
        await ReportChain.PostAsync(holder, $"/api/v1/reports/{id}/forward", new { annotation = "事務局確認済み" });
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/updates", new { stage = "update", version = (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("version").GetInt32(), content = ReportChain.Content("続報") });
        // The thread: NISC asks, the holder answers for the reporter, the reporter adds a word itself.
        var relatedIds = new List<string> { attachmentId };
        foreach (var (client, body, onBehalf) in new[] { (chain.Nisc, "影響範囲は？", false), (holder, "連絡元に確認しました。", true), (chain.Reporter, "補足します。", false) })
        {
            var posted = await client.PostAsJsonAsync($"/api/v1/reports/{id}/messages", new { body, onBehalfOfReporter = onBehalf });
            posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
            relatedIds.Add((await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        var incident = await chain.Nisc.PostAsJsonAsync("/api/v1/incidents", new { title = "匿名報告を含む事案", reportIds = new[] { id } });
        incident.StatusCode.ShouldBe(HttpStatusCode.Created, await incident.Content.ReadAsStringAsync());
        var incidentId = (await incident.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var me = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me");
        return (chain, id, incidentId, me.GetProperty("organisation").GetProperty("nameJa").GetString()!, me.GetProperty("email").GetString()!, relatedIds);
    }

    [Theory]
    [InlineData("ceptoar", "の構成員")]
    [InlineData("security_agency", "経由で報告した重要インフラ事業者")]
    public async Task DesksAfterTheHolder_SeeOnlyThePseudonym_Everywhere(string route, string pseudonym)
    {
        var (chain, id, incidentId, orgName, email, relatedIds) = await AnonymousReportAsync(route);
        var holder = route == "ceptoar" ? chain.Secretariat : chain.Jpcert;

        foreach (var (who, client) in new[] { ("ministry", chain.Ministry), ("NISC analyst", chain.Nisc), ("NISC auditor", chain.NiscAuditor), ("platform admin", app.Admin()) })
        {
            var everything = await EverythingAboutAsync(client, id, incidentId, relatedIds);
            everything.ShouldNotContain(orgName, customMessage: who);
            everything.ShouldNotContain(email, customMessage: who);
            everything.ShouldNotContain(chain.ReporterOrganisation.ToString(), customMessage: who);
            everything.ShouldNotContain(chain.ReporterUser.ToString(), customMessage: who);
            // Not vacuous: the incident's STIX export was read, and names the reporter by the report's pseudonym.
            everything.ShouldContain(Renkei.Stix.StixExportIds.Of("incident", "incident:" + incidentId.ToString("D")), customMessage: who);
            everything.ShouldContain(Renkei.Stix.StixExportIds.Pseudonym(id), customMessage: who);
        }

        var atNisc = (await ReportChain.GetAsync(chain.Nisc, id))!.Value;
        atNisc.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeFalse();
        atNisc.GetProperty("reporter").GetProperty("nameJa").GetString()!.ShouldContain(pseudonym);
        var filesAtNisc = (await chain.Nisc.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reports/{id}/attachments"))!;
        filesAtNisc.Single().GetProperty("uploadedBy").GetProperty("disclosed").GetBoolean().ShouldBeFalse();
        filesAtNisc.Single().GetProperty("uploadedBy").GetProperty("nameJa").GetString()!.ShouldContain(pseudonym);

        var atHolder = (await ReportChain.GetAsync(holder, id))!.Value;
        atHolder.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue("the relaying secretariat or agency knows who reported");
        atHolder.GetProperty("reporter").GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation);
        var filesAtHolder = (await holder.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reports/{id}/attachments"))!;
        filesAtHolder.Single().GetProperty("uploadedBy").GetProperty("userId").GetGuid().ShouldBe(chain.ReporterUser, "the relaying holder knows who uploaded");

        // The reporting organisation's own admin reads its own trail unmasked.
        var ownTrail = await chain.ReporterColleague.GetStringAsync($"/api/v1/audit?resourceType=reports&resourceId={id}");
        ownTrail.ShouldContain(chain.ReporterUser.ToString());
    }

    [Fact]
    public async Task FilteringByReporterOrganisation_DoesNotFindAnonymisedReports()
    {
        var (chain, id, _, _, _, _) = await AnonymousReportAsync("ceptoar");
        var nisc = await chain.Nisc.GetFromJsonAsync<JsonElement>($"/api/v1/reports?organisation={chain.ReporterOrganisation}");
        nisc.GetProperty("total").GetInt32().ShouldBe(0, "a filter must not confirm who reported");
        var secretariat = await chain.Secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/reports?organisation={chain.ReporterOrganisation}");
        secretariat.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Fact]
    public async Task NearMissSharedWithSector_PeersSeeItAnonymised_OtherSectorsDoNot()
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "ministry", "green", content: ReportChain.Content("不審な通信の検知（ヒヤリハット）", "near_miss"), share: true);
        var id = draft.GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        var atPeer = (await ReportChain.GetAsync(chain.SectorPeer, id))!.Value;
        atPeer.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeFalse();
        atPeer.GetProperty("reporter").GetProperty("nameJa").GetString()!.ShouldContain("分野の事業者");
        (await ReportChain.GetAsync(chain.OtherSector, id)).ShouldBeNull();
        var atMinistry = (await ReportChain.GetAsync(chain.Ministry, id))!.Value;
        atMinistry.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue("the ministry route does not anonymise");
    }

    [Fact]
    public async Task ReportingAnonymouslyRequiresMembership()
    {
        var chain = await ReportChain.CreateAsync(app);
        var response = await chain.Reporter.PostAsJsonAsync("/api/v1/reports", new { content = ReportChain.Content(), route = "ceptoar", viaCeptoar = "gas", tlp = "amber" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("viaCeptoar", out _).ShouldBeTrue();
    }
}

public sealed class AnonymityTests_Sqlite(SqliteApp app) : AnonymityTests<SqliteApp>(app);

public sealed class AnonymityTests_Postgres(PostgresApp app) : AnonymityTests<PostgresApp>(app);
