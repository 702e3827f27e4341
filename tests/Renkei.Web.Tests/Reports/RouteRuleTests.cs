using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// The route rules of Reports/Data/routes.json as a reporter and the desks meet them: a
/// law-obliged report is never anonymised and reaches the ministry at once (seed 000 l.1837–1847),
/// NICT relays like IPA and JPCERT/CC (000 l.1511, 001 l.69), and crime reports and liaison
/// requests are hops that keep the report's anonymity (000 l.1811–1815, 001 l.327).
/// </summary>
public abstract class RouteRuleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<(string? Role, bool Disclosed)> Hops(JsonElement report) =>
        report.GetProperty("hops").EnumerateArray().Select(h => (h.GetProperty("role").GetString(), h.GetProperty("reporterDisclosed").GetBoolean()));

    private async Task<HttpClient> AtAsync(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    [Fact]
    public async Task LawObligedReport_ViaCeptoar_RefusedAnonymised_NamedReachesMinistryAtOnce()
    {
        var chain = await ReportChain.CreateAsync(app);
        var legal = ReportChain.Content("変電所の供給支障（法令報告）", legallyRequired: true);

        var refused = await ProblemAsync(await chain.Reporter.PostAsJsonAsync("/api/v1/reports", new { content = legal, route = "ceptoar", viaCeptoar = "electricity", tlp = "amber" }), HttpStatusCode.BadRequest);
        var reason = refused.GetProperty("errors").GetProperty("anonymise")[0].GetString()!;
        (reason.Contains("所管省庁", StringComparison.Ordinal) || reason.Contains("ministry", StringComparison.Ordinal)).ShouldBeTrue(reason);

        var response = await chain.Reporter.PostAsJsonAsync("/api/v1/reports", new { content = legal, route = "ceptoar", viaCeptoar = "electricity", tlp = "amber", anonymise = false });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("anonymous").GetBoolean().ShouldBeFalse();
        Hops(draft).ShouldBe([("ministry", true), ("national_centre", true), ("secretariat", true)]);
        var id = draft.GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        var atMinistry = (await ReportChain.GetAsync(chain.Ministry, id))!.Value;
        atMinistry.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue("the ministry in charge learns who reported");
        atMinistry.GetProperty("reporter").GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation);
        var atSecretariat = (await ReportChain.GetAsync(chain.Secretariat, id))!.Value;
        atSecretariat.GetProperty("actions").GetProperty("forward").GetBoolean().ShouldBeFalse("the ministry, not the CEPTOAR, passes a law-obliged report to NISC");
        (await ReportChain.GetAsync(chain.Nisc, id)).ShouldBeNull();
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");
        (await ReportChain.GetAsync(chain.Nisc, id))!.Value.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task NearMiss_MarkedLegallyRequired_IsRefused()
    {
        var chain = await ReportChain.CreateAsync(app);
        var body = new { content = ReportChain.Content("予兆", kind: "near_miss", legallyRequired: true), route = "ministry", tlp = "amber" };
        var problem = await ProblemAsync(await chain.Reporter.PostAsJsonAsync("/api/v1/reports", body), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("content.legallyRequired", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task AnonymisedReport_UpdateMarkedLegallyRequired_IsRefused()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        var submitted = await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        submitted.GetProperty("anonymous").GetBoolean().ShouldBeTrue();
        var response = await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/updates",
            new { stage = "update", version = submitted.GetProperty("version").GetInt32(), content = ReportChain.Content(legallyRequired: true) });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("content.legallyRequired", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task MinistryRoute_AskedToAnonymise_IsRefused()
    {
        var chain = await ReportChain.CreateAsync(app);
        var problem = await ProblemAsync(await chain.Reporter.PostAsJsonAsync("/api/v1/reports", new { content = ReportChain.Content(), route = "ministry", tlp = "amber", anonymise = true }), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("anonymise", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task SecurityAgencyRoute_ViaNict_NictHoldsTheIdentity()
    {
        var chain = await ReportChain.CreateAsync(app);
        var nict = await AtAsync("nict", Role.Coordinator);
        var draft = await ReportChain.CreateAsync(chain.Reporter, "security_agency", viaAgency: "nict");
        draft.GetProperty("viaAgency").GetProperty("code").GetString().ShouldBe("nict");
        Hops(draft).ShouldBe([("security_agency", true), ("ministry", false), ("national_centre", false)]);
        var id = draft.GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        var atNict = (await ReportChain.GetAsync(nict, id))!.Value;
        atNict.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeTrue();
        (await ReportChain.GetAsync(chain.Ministry, id)).ShouldBeNull();
        await ReportChain.PostAsync(nict, $"/api/v1/reports/{id}/forward");
        var atMinistry = (await ReportChain.GetAsync(chain.Ministry, id))!.Value;
        atMinistry.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeFalse();
        atMinistry.GetProperty("reporter").GetProperty("nameJa").GetString()!.ShouldContain("情報通信研究機構");
    }

    [Fact]
    public async Task CrimeReport_ByTheReporter_PoliceReceiveAHop_AnonymityKept_Audited()
    {
        var chain = await ReportChain.CreateAsync(app);
        var police = await AtAsync("npa", Role.Analyst);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        (await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/referrals", new { kind = "crime_report", agency = "npa" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a draft is not referred");
        var submitted = await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        submitted.GetProperty("actions").GetProperty("refer").EnumerateArray().Select(k => k.GetString()).ShouldBe(["crime_report"]);
        (await ReportChain.GetAsync(police, id)).ShouldBeNull("the police read it once it is passed to them");

        (await ProblemAsync(await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/referrals", new { kind = "crime_report", agency = "mod" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("agency", out _).ShouldBeTrue();
        var referred = await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/referrals", new { kind = "crime_report", agency = "npa", note = "不正アクセス禁止法違反の疑い" });
        var hop = referred.GetProperty("hops").EnumerateArray().Last();
        hop.GetProperty("role").GetString().ShouldBe("crime_report");
        hop.GetProperty("organisation").GetProperty("code").GetString().ShouldBe("npa");
        hop.GetProperty("reporterDisclosed").GetBoolean().ShouldBeFalse("the report was filed anonymised");
        hop.GetProperty("annotation").GetString().ShouldBe("不正アクセス禁止法違反の疑い");
        (await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/referrals", new { kind = "crime_report", agency = "npa" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "once per agency");

        var atPolice = (await ReportChain.GetAsync(police, id))!.Value;
        atPolice.GetProperty("reporter").GetProperty("disclosed").GetBoolean().ShouldBeFalse();
        atPolice.GetProperty("reporter").TryGetProperty("organisationId", out var org).ShouldBeTrue();
        org.ValueKind.ShouldBe(JsonValueKind.Null);
        atPolice.GetRawText().ShouldNotContain(chain.ReporterOrganisation.ToString());
        (await ReportChain.GetAsync(chain.Ministry, id)).ShouldBeNull("a referral does not skip the route");

        var trail = await app.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=create&resourceType=report_hops&limit=200");
        trail.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("resourceId").GetString()).ShouldContain($"{id:D}/4");

        var html = await (await police.GetAsync($"/Reports/{id}")).Content.ReadAsStringAsync();
        html.ShouldContain("犯罪被害等の通報（警察）");
        html.ShouldContain("匿名（仮名のみ）");
    }

    [Fact]
    public async Task LiaisonRequest_ByNisc_ToMod_ReporterShownAsTheRouteAllows()
    {
        var chain = await ReportChain.CreateAsync(app);
        var mod = await AtAsync("mod", Role.Analyst);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ministry")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        (await chain.Reporter.PostAsJsonAsync($"/api/v1/reports/{id}/referrals", new { kind = "liaison_request", agency = "mod" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the reporter does not make liaison requests");
        (await chain.Nisc.PostAsJsonAsync($"/api/v1/reports/{id}/referrals", new { kind = "liaison_request", agency = "mod" })).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not yet at NISC");
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");

        var referred = await ReportChain.PostAsync(chain.Nisc, $"/api/v1/reports/{id}/referrals", new { kind = "liaison_request", agency = "mod", note = "攻撃元の分析を依頼" });
        referred.GetProperty("hops").EnumerateArray().Last().GetProperty("reporterDisclosed").GetBoolean().ShouldBeTrue("a named report stays named");
        var atMod = (await ReportChain.GetAsync(mod, id))!.Value;
        atMod.GetProperty("reporter").GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation);
        atMod.GetProperty("actions").GetProperty("forward").GetBoolean().ShouldBeFalse();
        atMod.GetProperty("actions").GetProperty("refer").GetArrayLength().ShouldBe(0, "an agency reached by a referral does not refer further");
    }

    [Fact]
    public async Task NewReportForm_SaysWhichReportsCanBeAnonymised()
    {
        var chain = await ReportChain.CreateAsync(app);
        var html = await (await chain.Reporter.GetAsync("/Reports/New")).Content.ReadAsStringAsync();
        html.ShouldContain("匿名化して共有できるのは、予兆・ヒヤリハットなど法令等報告対象外の事象のみです。");
        html.ShouldContain("name=\"Input.Anonymise\"");
        html.ShouldContain("国立研究開発法人情報通信研究機構", customMessage: "NICT is offered as a security agency");
    }
}

public sealed class RouteRuleTests_Sqlite(SqliteApp app) : RouteRuleTests<SqliteApp>(app);

public sealed class RouteRuleTests_Postgres(PostgresApp app) : RouteRuleTests<PostgresApp>(app);
