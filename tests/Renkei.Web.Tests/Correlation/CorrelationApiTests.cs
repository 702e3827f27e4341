using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using Renkei.Web.Tests.Taxii;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Correlation;

/// <summary>
/// "Seen before": a report, an advisory and an imported set carrying the same indicator find each
/// other — for readers of all three — and a reader learns nothing of records they may not read.
/// </summary>
public abstract class CorrelationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    /// <summary>An address no other test uses (198.18.0.0/15 is set aside for benchmarks).</summary>
    private static string Ip() => $"198.{18 + Random.Shared.Next(2)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private static JsonObject Content(string title, params (string Type, string Value)[] indicators)
    {
        var content = JsonSerializer.SerializeToNode(ReportChain.Content(title))!.AsObject();
        content["indicators"] = new JsonArray(indicators.Select(i => (JsonNode)new JsonObject { ["type"] = i.Type, ["value"] = i.Value }).ToArray());
        return content;
    }

    private static object Advisory(string title, string ip) => new
    {
        kind = "alert",
        title,
        summary = "複数分野で同一の C2 サーバへの通信が確認されています。",
        body = "通信記録を確認してください。",
        indicators = new object[] { new { type = "ipv4", value = ip } },
        tlp = "clear",
        urgency = "normal",
        distribution = "direct",
        audience = new object[] { new { kind = "sector", key = "electricity" } },
    };

    private static async Task<JsonElement> ImportAsync(HttpClient client, string query, params JsonObject[] objects)
    {
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}", ["objects"] = new JsonArray(objects.ToArray<JsonNode>()) };
        var content = new StringContent(bundle.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/stix+json;version=2.1");
        return await OkAsync(await client.PostAsync("/api/v1/indicator-sets?" + query, content), HttpStatusCode.Created);
    }

    private static JsonObject StixIndicator(string pattern)
    {
        var o = StixSamples.Indicator(Random.Shared.Next(1, int.MaxValue));
        o["id"] = $"indicator--{Guid.NewGuid()}";
        o["pattern"] = pattern;
        return o;
    }

    private static async Task<JsonElement> LookupAsync(HttpClient client, string type, string value) =>
        await OkAsync(await client.GetAsync($"/api/v1/indicators?type={type}&value={Uri.EscapeDataString(value)}"));

    private static List<(string Kind, Guid Id)> Places(JsonElement lookup) =>
        lookup.GetProperty("places").GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("kind").GetString()!, p.GetProperty("id").GetGuid())).ToList();

    private static async Task<Guid> SubmittedReportAsync(ReportChain chain, string route, JsonObject content, string? viaCeptoar = null)
    {
        var id = (await ReportChain.CreateAsync(chain.Reporter, route, viaCeptoar: viaCeptoar, content: content)).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        return id;
    }

    [Fact]
    public async Task ReportAdvisoryAndSet_WithTheSameIndicator_SeeEachOther()
    {
        var chain = await ReportChain.CreateAsync(app);
        var ip = Ip();
        var domain = $"c2-{Guid.NewGuid():N}.example.net";
        var reportId = await SubmittedReportAsync(chain, "ministry", Content("同一 C2 への通信", ("ipv4", ip), ("domain", domain)));
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var advisoryId = (await PublishedAsync(nisc, Advisory("C2 サーバへの通信に関する注意喚起", ip))).GetProperty("id").GetGuid();
        // The reporter's organisation imports a partner's bundle: the address in a simple pattern
        // (correlates), the domain only inside a compound one (does not).
        var set = await ImportAsync(chain.ReporterColleague, $"tlp=green&audience=organisation:{chain.ReporterOrganisation}",
            StixIndicator($"[ipv4-addr:value = '{ip}']"), StixIndicator($"[domain-name:value = '{domain}'] AND [ipv4-addr:value = '192.0.2.1']"));
        var setId = set.GetProperty("id").GetGuid();

        var fromReport = await OkAsync(await chain.ReporterColleague.GetAsync($"/api/v1/reports/{reportId}/correlations"));
        fromReport.GetProperty("total").GetInt32().ShouldBe(1, "the domain appears elsewhere only in a compound pattern");
        var seen = fromReport.GetProperty("items")[0];
        seen.GetProperty("type").GetString().ShouldBe("ipv4");
        seen.GetProperty("value").GetString().ShouldBe(ip);
        seen.GetProperty("seenIn").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order().ShouldBe(new[] { advisoryId, setId }.Order());

        var fromAdvisory = await OkAsync(await chain.ReporterColleague.GetAsync($"/api/v1/advisories/{advisoryId}/correlations"));
        fromAdvisory.GetProperty("items")[0].GetProperty("seenIn").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order().ShouldBe(new[] { reportId, setId }.Order());

        var fromSet = await OkAsync(await chain.ReporterColleague.GetAsync($"/api/v1/indicator-sets/{setId}/correlations"));
        fromSet.GetProperty("total").GetInt32().ShouldBe(1);
        var setPlaces = fromSet.GetProperty("items")[0].GetProperty("seenIn").EnumerateArray().ToList();
        setPlaces.Select(p => p.GetProperty("id").GetGuid()).Order().ShouldBe(new[] { reportId, advisoryId }.Order());
        var asReport = setPlaces.Single(p => p.GetProperty("kind").GetString() == "report");
        asReport.GetProperty("title").GetString().ShouldBe("同一 C2 への通信");
        asReport.GetProperty("sectorCode").GetString().ShouldBe("electricity");
        asReport.GetProperty("organisation").GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation, "the reporter's own organisation knows itself");

        // By value, normalised first.
        var lookup = await LookupAsync(chain.ReporterColleague, "IPv4", $"  {ip} ");
        lookup.GetProperty("value").GetString().ShouldBe(ip);
        Places(lookup).Select(p => p.Kind).Order().ShouldBe(["advisory", "indicator_set", "report"]);

        // METI received the report, reads the CLEAR advisory, but not the operator's own set.
        var atMeti = await LookupAsync(chain.Ministry, "ipv4", ip);
        Places(atMeti).Select(p => p.Id).Order().ShouldBe(new[] { reportId, advisoryId }.Order());
        atMeti.GetProperty("places").GetProperty("total").GetInt32().ShouldBe(2, "a set the desk may not read is not even counted");
        (await chain.Ministry.GetAsync($"/api/v1/indicator-sets/{setId}/correlations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another sector's operator reads only the CLEAR advisory: no report, no set, no count of them.
        var outsider = chain.OtherSector;
        var atOutsider = await LookupAsync(outsider, "ipv4", ip);
        Places(atOutsider).ShouldBe([("advisory", advisoryId)]);
        atOutsider.GetProperty("places").GetProperty("total").GetInt32().ShouldBe(1);
        var outsiderView = await OkAsync(await outsider.GetAsync($"/api/v1/advisories/{advisoryId}/correlations"));
        outsiderView.GetProperty("total").GetInt32().ShouldBe(0);
        outsiderView.GetRawText().ShouldNotContain(reportId.ToString());
        outsiderView.GetRawText().ShouldNotContain(setId.ToString());
        (await outsider.GetAsync($"/api/v1/reports/{reportId}/correlations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymisedReport_IsShownWithThePseudonym_AndNotAtAllToThoseWhoMayNotReadIt()
    {
        var chain = await ReportChain.CreateAsync(app);
        var ip = Ip();
        var reportId = await SubmittedReportAsync(chain, "ceptoar", Content("匿名の報告", ("ipv4", ip)), viaCeptoar: "electricity");
        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{reportId}/forward");
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{reportId}/forward");
        var orgName = (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organisation").GetProperty("nameJa").GetString()!;

        foreach (var desk in new[] { chain.Nisc, chain.Ministry })
        {
            var lookup = await LookupAsync(desk, "ipv4", ip);
            Places(lookup).ShouldBe([("report", reportId)]);
            var who = lookup.GetProperty("places").GetProperty("items")[0].GetProperty("organisation");
            who.GetProperty("disclosed").GetBoolean().ShouldBeFalse();
            who.GetProperty("organisationId").ValueKind.ShouldBe(JsonValueKind.Null);
            who.GetProperty("nameJa").GetString()!.ShouldContain("の構成員");
            lookup.GetRawText().ShouldNotContain(orgName);
            lookup.GetRawText().ShouldNotContain(chain.ReporterOrganisation.ToString());
        }
        var atHolder = (await LookupAsync(chain.Secretariat, "ipv4", ip)).GetProperty("places").GetProperty("items")[0].GetProperty("organisation");
        atHolder.GetProperty("disclosed").GetBoolean().ShouldBeTrue("the relaying secretariat knows who reported");
        atHolder.GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation);

        // A ministry the route never reached, and an operator of another sector: no trace at all.
        foreach (var stranger in new[] { chain.OtherMinistry, chain.OtherSector })
        {
            var lookup = await LookupAsync(stranger, "ipv4", ip);
            lookup.GetProperty("places").GetProperty("total").GetInt32().ShouldBe(0);
            lookup.GetRawText().ShouldNotContain(reportId.ToString());
            (await stranger.GetAsync($"/api/v1/reports/{reportId}/correlations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task UpdateDroppingAnIndicator_RemovesTheLink_AndKeptOnesKeepTheirFirstSighting()
    {
        var chain = await ReportChain.CreateAsync(app);
        var (kept, dropped) = (Ip(), Ip());
        var reportId = await SubmittedReportAsync(chain, "ministry", Content("続報で訂正", ("ipv4", kept), ("ipv4", dropped)));
        var before = (await LookupAsync(chain.Reporter, "ipv4", kept)).GetProperty("places").GetProperty("items")[0].GetProperty("firstSeenAt").GetDateTime();
        Places(await LookupAsync(chain.Reporter, "ipv4", dropped)).ShouldBe([("report", reportId)]);

        var version = (await ReportChain.GetAsync(chain.Reporter, reportId))!.Value.GetProperty("version").GetInt32();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{reportId}/updates", new { stage = "update", version, content = Content("続報で訂正", ("ipv4", kept)) });

        (await LookupAsync(chain.Reporter, "ipv4", dropped)).GetProperty("places").GetProperty("total").GetInt32().ShouldBe(0, "the latest version no longer names it");
        var after = (await LookupAsync(chain.Reporter, "ipv4", kept)).GetProperty("places").GetProperty("items")[0];
        after.GetProperty("id").GetGuid().ShouldBe(reportId);
        after.GetProperty("firstSeenAt").GetDateTime().ShouldBe(before);
    }

    [Fact]
    public async Task DraftsAreNotShared_UntilSubmittedOrPublished()
    {
        var chain = await ReportChain.CreateAsync(app);
        var ip = Ip();
        await ReportChain.CreateAsync(chain.Reporter, "ministry", content: Content("下書き", ("ipv4", ip)));
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var draft = await OkAsync(await nisc.PostAsJsonAsync("/api/v1/advisories", Advisory("下書きの注意喚起", ip)), HttpStatusCode.Created);
        (await LookupAsync(chain.Reporter, "ipv4", ip)).GetProperty("places").GetProperty("total").GetInt32().ShouldBe(0);
        (await LookupAsync(nisc, "ipv4", ip)).GetProperty("places").GetProperty("total").GetInt32().ShouldBe(0, "not even the issuer's own draft");

        await OkAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{draft.GetProperty("id").GetGuid()}/publish", new { version = draft.GetProperty("version").GetInt32() }));
        Places(await LookupAsync(chain.Reporter, "ipv4", ip)).ShouldBe([("advisory", draft.GetProperty("id").GetGuid())]);
    }

    [Fact]
    public async Task TaxiiDelete_RemovesTheSetsLink()
    {
        var (taxii, caller) = await TaxiiClient.ForAsync(app, (await app.Data.OrganisationAsync(Renkei.Directory.OrganisationKind.Operator, "electricity")).Id, Role.Analyst);
        var own = await taxii.CollectionAsync("organisation:" + caller.OrganisationId.ToString("D"));
        var objects = $"{TaxiiClient.Root}collections/{own}/objects/";
        var i = Random.Shared.Next(1_000, 60_000);
        var indicator = StixSamples.Indicator(i, StixSamples.TlpGreen);
        var ip = indicator["pattern"]!.GetValue<string>().Split('\'')[1];
        (await taxii.PostAsync(objects, StixSamples.Envelope([indicator]))).Status.ShouldBe(HttpStatusCode.Accepted);
        var (api, _) = await app.ClientAsync(caller.OrganisationId, Role.Viewer);
        Places(await LookupAsync(api, "ipv4", ip)).Single().Kind.ShouldBe("indicator_set");

        (await taxii.Http.DeleteAsync($"{objects}{indicator["id"]!.GetValue<string>()}/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LookupAsync(api, "ipv4", ip)).GetProperty("places").GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task BadLookups_Answer400WithTheField_AndUnknownRecords404()
    {
        var client = (await app.OperatorAsync("electricity", null, Role.Viewer)).Client;
        (await ErrorsAsync(await client.GetAsync("/api/v1/indicators?value=1.2.3.4"))).ShouldContainKey("type");
        (await ErrorsAsync(await client.GetAsync("/api/v1/indicators?type=ipv4"))).ShouldContainKey("value");
        (await ErrorsAsync(await client.GetAsync("/api/v1/indicators?type=hostname&value=a.example"))).ShouldContainKey("type");
        (await ErrorsAsync(await client.GetAsync("/api/v1/indicators?type=ipv4&value=999.1.1.1"))).ShouldContainKey("value");
        (await ErrorsAsync(await client.GetAsync("/api/v1/indicators?type=sha256&value=abc"))).ShouldContainKey("value");
        (await ErrorsAsync(await client.GetAsync($"/api/v1/indicators?type=url&value=http://{new string('a', 3000)}.example/"))).ShouldContainKey("value");
        (await ErrorsAsync(await client.GetAsync("/api/v1/indicators?type=ipv4&value=1.2.3.4&limit=0"))).ShouldNotBeEmpty();
        foreach (var path in new[] { "reports", "advisories", "indicator-sets" })
        {
            var response = await client.GetAsync($"/api/v1/{path}/{Guid.NewGuid()}/correlations");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task Pages_ShowSeenBefore_WithLinks_AndKeepHostileTitlesInert()
    {
        var chain = await ReportChain.CreateAsync(app);
        var ip = Ip();
        var reportId = await SubmittedReportAsync(chain, "ministry", Content("<script>alert('report')</script>", ("ipv4", ip)));
        var set = await ImportAsync(chain.ReporterColleague, $"tlp=green&audience=organisation:{chain.ReporterOrganisation}&title=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            StixIndicator($"[ipv4-addr:value = '{ip}']"));
        var setId = set.GetProperty("id").GetGuid();

        var reportPage = await chain.ReporterColleague.GetStringAsync($"/Reports/{reportId}");
        reportPage.ShouldContain("既出");
        reportPage.ShouldContain($"href=\"/Stix/Sets/{setId}\"");
        reportPage.ShouldNotContain("<img src=x onerror=alert(1)>");
        reportPage.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");

        var setPage = await chain.ReporterColleague.GetStringAsync($"/Stix/Sets/{setId}");
        setPage.ShouldContain($"href=\"/Reports/{reportId}\"");
        setPage.ShouldContain("seen-before-note");
        setPage.ShouldNotContain("<script>alert('report')</script>");

        // A reader who may not see the set finds no link to it on the report page.
        var meti = await chain.Ministry.GetStringAsync($"/Reports/{reportId}");
        meti.ShouldNotContain($"/Stix/Sets/{setId}");
        meti.ShouldNotContain("seen-before-tag");
    }
}

public sealed class CorrelationApiTests_Sqlite(SqliteApp app) : CorrelationApiTests<SqliteApp>(app);

public sealed class CorrelationApiTests_Postgres(PostgresApp app) : CorrelationApiTests<PostgresApp>(app);
