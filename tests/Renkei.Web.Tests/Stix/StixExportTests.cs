using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Stix;
using Renkei.Stix.Validation;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using Renkei.Web.Tests.Taxii;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Stix;

/// <summary>
/// Exported bundles: valid against the official OASIS schemas and the rules they cannot express,
/// deterministic, versioned on revision, revoked on withdrawal, served over TAXII to the
/// advisory's audience; a report's export reveals the reporter only to those who may know it; an
/// incident's export holds exactly the reports its reader may read.
/// </summary>
public abstract class StixExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static object Advisory(string title, int? version = null, string tlp = "green") => new
    {
        kind = "vulnerability",
        title,
        summary = "VPN 機器の既知の脆弱性を悪用した侵入が確認されています。",
        body = "対象機器を利用している場合は直ちに更新してください。<script>alert(1)</script>",
        recommendedActions = "ファームウェアを最新版に更新し、認証情報を変更する。",
        affectedProducts = new[] { "Example VPN 9.x" },
        indicators = new object[]
        {
            new { type = "cve", value = "cve-2024-12345" },
            new { type = "ipv4", value = "198.51.100.23" },
            new { type = "domain", value = "c2.example.net" },
            new { type = "sha256", value = new string('a', 64) },
            new { type = "url", value = "https://c2.example.net/it's" },
        },
        references = new[] { "https://www.nisc.go.jp/" },
        tlp,
        urgency = "normal",
        distribution = "direct",
        audience = new object[] { new { kind = "sector", key = "water" } },
        version,
    };

    private async Task<HttpClient> AtAsync(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    private static async Task<JsonElement> BundleAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/stix+json; version=2.1");
        (await OasisStixSchemas.ValidateAsync(text)).ShouldBeEmpty();
        using var document = JsonDocument.Parse(text);
        var result = StixBundleValidator.Validate(document.RootElement);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        return document.RootElement.Clone();
    }

    /// <summary>The bundle as text with JSON's \u escapes undone, so a Japanese name in it is found.</summary>
    private static string Readable(JsonElement bundle) =>
        System.Text.Json.Nodes.JsonNode.Parse(bundle.GetRawText())!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static Dictionary<string, JsonElement> ByType(JsonElement bundle, string type) =>
        bundle.GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("type").GetString() == type).ToDictionary(o => o.GetProperty("id").GetString()!);

    [Fact]
    public async Task Advisory_ExportsValidDeterministicStix_VersionedOnRevision_RevokedOnWithdrawal()
    {
        var nisc = await AtAsync("nisc", Role.Analyst);
        var published = await PublishedAsync(nisc, Advisory("VPN 機器の脆弱性 <b>注意</b>"));
        var id = published.GetProperty("id").GetGuid();
        var first = await BundleAsync(nisc, $"/api/v1/advisories/{id}/stix");

        var report = ByType(first, "report").Values.Single();
        report.GetProperty("name").GetString().ShouldBe("VPN 機器の脆弱性 <b>注意</b>");
        report.GetProperty("object_marking_refs")[0].GetString().ShouldBe(TlpMarkings.IdOf(Renkei.Access.Tlp.Green));
        var indicators = ByType(first, "indicator");
        indicators.Values.Select(i => i.GetProperty("pattern").GetString()).ShouldBe(
            ["[ipv4-addr:value = '198.51.100.23']", "[domain-name:value = 'c2.example.net']", $"[file:hashes.'SHA-256' = '{new string('a', 64)}']", "[url:value = 'https://c2.example.net/it\\'s']"], ignoreOrder: true);
        ByType(first, "vulnerability").Values.Single().GetProperty("name").GetString().ShouldBe("CVE-2024-12345");
        ByType(first, "course-of-action").Count.ShouldBe(1);
        ByType(first, "relationship").Values.Single().GetProperty("relationship_type").GetString().ShouldBe("mitigates");
        var marking = ByType(first, "marking-definition").Values.Single();
        marking.GetProperty("name").GetString().ShouldBe("TLP:GREEN");
        ByType(first, "identity").Values.Single().GetProperty("id").GetString().ShouldBe(report.GetProperty("created_by_ref").GetString());
        var created = report.GetProperty("created").GetString()!;
        created.Length.ShouldBe("2026-01-01T00:00:00.000Z".Length, "millisecond precision");

        // The same record exports to the same ids, byte for byte.
        (await BundleAsync(nisc, $"/api/v1/advisories/{id}/stix")).GetRawText().ShouldBe(first.GetRawText());

        await Task.Delay(5);
        var revised = await OkAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/revisions",
            new { changeNote = "件名を更新", advisory = Advisory("VPN 機器の脆弱性（続報）", published.GetProperty("version").GetInt32()) }));
        var second = await BundleAsync(nisc, $"/api/v1/advisories/{id}/stix");
        var report2 = ByType(second, "report").Values.Single();
        report2.GetProperty("id").GetString().ShouldBe(report.GetProperty("id").GetString());
        report2.GetProperty("created").GetString().ShouldBe(created);
        string.CompareOrdinal(report2.GetProperty("modified").GetString(), report.GetProperty("modified").GetString()).ShouldBeGreaterThan(0);
        // Unchanged objects keep their version; the change note becomes a note on the report.
        ByType(second, "indicator").Values.Select(i => i.GetProperty("modified").GetString()).ShouldAllBe(m => m == indicators.Values.First().GetProperty("modified").GetString());
        ByType(second, "note").Values.Single().GetProperty("content").GetString().ShouldBe("件名を更新");

        // A member of the audience pulls it over TAXII; a member of another sector does not see it.
        var water = await app.Data.OrganisationAsync(Renkei.Directory.OrganisationKind.Operator, "water");
        var (taxii, _) = await TaxiiClient.ForAsync(app, water.Id, Role.Viewer);
        var sector = await taxii.CollectionAsync("sector:water");
        var served = await taxii.OkAsync($"{TaxiiClient.Root}collections/{sector}/objects/?match[type]=report");
        served.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldContain(report.GetProperty("id").GetString());
        var versions = await taxii.OkAsync($"{TaxiiClient.Root}collections/{sector}/objects/{report.GetProperty("id").GetString()}/versions/");
        versions.GetProperty("versions").GetArrayLength().ShouldBe(2);
        (await taxii.OkAsync($"{TaxiiClient.Root}collections/{sector}/objects/?match[type]=marking-definition")).GetProperty("objects").GetArrayLength().ShouldBe(1);
        var gas = await app.Data.OrganisationAsync(Renkei.Directory.OrganisationKind.Operator, "gas");
        var (outsider, _) = await TaxiiClient.ForAsync(app, gas.Id, Role.Viewer);
        var all = await outsider.CollectionAsync("all-ci");
        (await outsider.OkAsync($"{TaxiiClient.Root}collections/{all}/objects/")).ToString().ShouldNotContain(report.GetProperty("id").GetString()!);

        await OkAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/withdraw", new { version = revised.GetProperty("version").GetInt32(), reason = "誤報" }));
        var withdrawn = await BundleAsync(nisc, $"/api/v1/advisories/{id}/stix");
        withdrawn.GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("type").GetString() is not ("identity" or "marking-definition"))
            .ShouldAllBe(o => o.GetProperty("revoked").GetBoolean());
    }

    [Fact]
    public async Task Draft_HasNoStix_AndOthersGet404()
    {
        var nisc = await AtAsync("nisc", Role.Analyst);
        var draft = await OkAsync(await nisc.PostAsJsonAsync("/api/v1/advisories", Advisory("下書き")), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        (await nisc.GetAsync($"/api/v1/advisories/{id}/stix")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var (other, _, _) = await app.OperatorAsync("water");
        (await other.GetAsync($"/api/v1/advisories/{id}/stix")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_ExportsValidStix_ReporterOnlyToThoseWhoMayKnow()
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "ceptoar", "amber", viaCeptoar: "electricity");
        var id = draft.GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{id}/forward", new { annotation = "確認済み" });

        var own = await BundleAsync(chain.Reporter, $"/api/v1/reports/{id}/stix");
        var ownIdentity = ByType(own, "identity").Values.Single().GetProperty("id").GetString();
        ownIdentity.ShouldBe(StixExportIds.Organisation(chain.ReporterOrganisation));
        ByType(own, "observed-data").Values.Single().GetProperty("object_refs").GetArrayLength().ShouldBe(2);
        ByType(own, "indicator").Count.ShouldBe(2);
        ByType(own, "vulnerability").Count.ShouldBe(1);

        var atMinistry = await BundleAsync(chain.Ministry, $"/api/v1/reports/{id}/stix");
        var text = Readable(atMinistry);
        var identity = ByType(atMinistry, "identity").Values.Single();
        identity.GetProperty("id").GetString().ShouldBe(StixExportIds.Pseudonym(id));
        text.ShouldNotContain(ownIdentity!);
        text.ShouldNotContain(chain.ReporterOrganisation.ToString());
        text.ShouldNotContain("北電力");
        (await chain.OtherSector.GetAsync($"/api/v1/reports/{id}/stix")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Incident_ExportsValidStix_WithTheReportsTheReaderMayRead_AndNoTraceOfOthers()
    {
        var chain = await ReportChain.CreateAsync(app);
        // Electricity, anonymised through the CEPTOAR, TLP:GREEN: METI and NISC read it under a pseudonym.
        var electricity = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", "green", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{electricity}/submit");
        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{electricity}/forward", new { annotation = "確認済み" });
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{electricity}/forward");
        // Telecom, TLP:AMBER, straight to NISC: METI may not read it.
        var (telecomReporter, _, _) = await app.OperatorAsync("telecom", null, Role.Reporter);
        var telecom = (await ReportChain.CreateAsync(telecomReporter, "emergency", "amber", content: ReportChain.Content("通信障害（電力供給支障の波及）", sector: "telecom", scope: "telecommunications"))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(telecomReporter, $"/api/v1/reports/{telecom}/submit");

        var created = await OkAsync(await chain.Nisc.PostAsJsonAsync("/api/v1/incidents", new { title = "北日本の広域障害", summary = "電力と通信", reportIds = new[] { electricity } }), HttpStatusCode.Created);
        var incidentId = created.GetProperty("id").GetGuid();
        var atMetiBefore = await BundleAsync(chain.Ministry, $"/api/v1/incidents/{incidentId}/stix");
        await Task.Delay(5);
        var linked = await ReportChain.PostAsync(chain.Nisc, $"/api/v1/incidents/{incidentId}/reports", new { reportId = telecom });

        var nisc = await BundleAsync(chain.Nisc, $"/api/v1/incidents/{incidentId}/stix");
        (await BundleAsync(chain.Nisc, $"/api/v1/incidents/{incidentId}/stix")).GetRawText().ShouldBe(nisc.GetRawText(), "deterministic, byte for byte");
        var incident = ByType(nisc, "incident").Values.Single();
        incident.GetProperty("id").GetString().ShouldBe(StixExportIds.Of("incident", "incident:" + incidentId.ToString("D")));
        incident.GetProperty("name").GetString().ShouldBe("北日本の広域障害");
        incident.GetProperty("description").GetString().ShouldBe("電力と通信");
        incident.GetProperty("created").GetString()!.Length.ShouldBe("2026-01-01T00:00:00.000Z".Length, "millisecond precision");
        var nisCentre = await app.Data.ReferenceOrganisationAsync("nisc");
        incident.GetProperty("created_by_ref").GetString().ShouldBe(StixExportIds.Organisation(nisCentre.Id));
        ByType(nisc, "identity").ShouldContainKey(StixExportIds.Organisation(nisCentre.Id));
        incident.GetProperty("object_marking_refs")[0].GetString().ShouldBe(TlpMarkings.IdOf(Renkei.Access.Tlp.Amber), "the strictest TLP among the reports");
        var reports = ByType(nisc, "report");
        reports.Keys.Order().ShouldBe(new[] { electricity, telecom }.Select(r => StixExportIds.Of("report", "report:" + r.ToString("D"))).Order());
        var related = ByType(nisc, "relationship").Values.Where(r => r.GetProperty("relationship_type").GetString() == "related-to").ToList();
        related.ShouldAllBe(r => r.GetProperty("source_ref").GetString() == incident.GetProperty("id").GetString());
        related.Select(r => r.GetProperty("target_ref").GetString()).Order().ShouldBe(reports.Keys.Order());
        // Each report as its own export gives it to this reader: the anonymised reporter stays a pseudonym.
        ByType(nisc, "identity").ShouldContainKey(StixExportIds.Pseudonym(electricity));
        Readable(nisc).ShouldNotContain(chain.ReporterOrganisation.ToString());
        Readable(nisc).ShouldNotContain("北電力");
        Readable(nisc).ShouldContain("電力 CEPTOARの構成員");

        // METI reads the electricity report only; the telecom report leaves no trace, not even a changed version.
        var atMeti = await BundleAsync(chain.Ministry, $"/api/v1/incidents/{incidentId}/stix");
        atMeti.GetRawText().ShouldBe(atMetiBefore.GetRawText());
        ByType(atMeti, "report").Keys.ShouldBe([StixExportIds.Of("report", "report:" + electricity.ToString("D"))]);
        ByType(atMeti, "incident").Values.Single().GetProperty("object_marking_refs")[0].GetString().ShouldBe(TlpMarkings.IdOf(Renkei.Access.Tlp.Green));
        ByType(atMeti, "relationship").Values.Count(r => r.GetProperty("relationship_type").GetString() == "related-to").ShouldBe(1);
        atMeti.GetRawText().ShouldNotContain(telecom.ToString());
        Readable(atMeti).ShouldNotContain("通信障害");
        Readable(nisc).ShouldContain("通信障害");
        atMeti.GetRawText().ShouldNotContain(StixExportIds.Of("report", "report:" + telecom.ToString("D")));

        // A rename is a new version of the incident for every reader.
        var renamed = await OkAsync(await chain.Nisc.PutAsJsonAsync($"/api/v1/incidents/{incidentId}", new { title = "広域障害", state = "closed", version = linked.GetProperty("version").GetInt32() }));
        renamed.GetProperty("state").GetString().ShouldBe("closed");
        var afterRename = ByType(await BundleAsync(chain.Ministry, $"/api/v1/incidents/{incidentId}/stix"), "incident").Values.Single();
        afterRename.GetProperty("name").GetString().ShouldBe("広域障害");
        string.CompareOrdinal(afterRename.GetProperty("modified").GetString(), ByType(atMeti, "incident").Values.Single().GetProperty("modified").GetString()).ShouldBeGreaterThan(0);

        // Who may not read the incident gets 404, as for any record they may not see.
        (await chain.Reporter.GetAsync($"/api/v1/incidents/{incidentId}/stix")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chain.Secretariat.GetAsync($"/api/v1/incidents/{incidentId}/stix")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chain.Nisc.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}/stix")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class StixExportTests_Sqlite(SqliteApp app) : StixExportTests<SqliteApp>(app);

public sealed class StixExportTests_Postgres(PostgresApp app) : StixExportTests<PostgresApp>(app);
