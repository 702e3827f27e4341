using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Reports;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>Question threads, incidents (事案) and report statistics through the API.</summary>
public abstract class ConsolidationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    /// <summary>A first report via the CEPTOAR route, forwarded by the secretariat and the ministry to NISC.</summary>
    private static async Task<Guid> AtNiscViaCeptoarAsync(ReportChain chain, object? content = null)
    {
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity", content: content)).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{id}/forward");
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");
        return id;
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, Guid id, string body, bool onBehalf = false) =>
        await client.PostAsJsonAsync($"/api/v1/reports/{id}/messages", new { body, onBehalfOfReporter = onBehalf });

    private static async Task<List<JsonElement>> ThreadAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/messages")).EnumerateArray().ToList();

    [Fact]
    public async Task Thread_NiscAsks_SecretariatAnswersForTheReporter_ReporterStaysAnonymous()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscViaCeptoarAsync(chain);
        var me = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var orgName = me.GetProperty("organisation").GetProperty("nameJa").GetString()!;

        (await AskAsync(chain.Nisc, id, "侵入経路は特定できていますか。")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var forbidden = await AskAsync(chain.Ministry, id, "代わりに回答します", onBehalf: true);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the secretariat that holds the identity answers for the reporter");
        (await AskAsync(chain.Secretariat, id, "連絡元によると、VPN機器経由です。", onBehalf: true)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AskAsync(chain.Reporter, id, "補足: 該当機器はファームウェア更新済みです。")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var atNisc = await ThreadAsync(chain.Nisc, id);
        atNisc.Select(m => m.GetProperty("side").GetString()).ShouldBe(["desk", "on_behalf_of_reporter", "reporter"]);
        atNisc[0].GetProperty("authorJa").GetString()!.ShouldContain("内閣");
        atNisc[1].GetProperty("authorJa").GetString()!.ShouldContain("連絡元に代わって回答");
        atNisc[2].GetProperty("authorJa").GetString()!.ShouldContain("の構成員");
        atNisc[2].GetProperty("authorUser").ValueKind.ShouldBe(JsonValueKind.Null, "the reporter's user is not named to NISC");
        var raw = await chain.Nisc.GetStringAsync($"/api/v1/reports/{id}/messages");
        raw.ShouldNotContain(orgName);
        raw.ShouldNotContain(chain.ReporterOrganisation.ToString());
        raw.ShouldNotContain(chain.ReporterUser.ToString());

        var atSecretariat = await ThreadAsync(chain.Secretariat, id);
        atSecretariat[2].GetProperty("authorJa").GetString().ShouldBe(orgName, "the secretariat knows who reported");
        atSecretariat[2].GetProperty("authorUser").GetString().ShouldNotBeNullOrEmpty();

        (await ThreadAsync(chain.Ministry, id)).Count.ShouldBe(3);
        var reads = await chain.NiscAuditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read&resourceType=report_messages&resourceId={id}&limit=50");
        reads.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3, "reading an AMBER report's thread is audited like reading the report");
        (await chain.Ministry.GetAsync($"/api/v1/reports/{id}/versions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var versionReads = await chain.NiscAuditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read&resourceType=report_versions&resourceId={id}&limit=50");
        versionReads.GetProperty("total").GetInt32().ShouldBe(1, "the versions carry the whole content: reading them is audited");
        (await chain.OtherSector.GetAsync($"/api/v1/reports/{id}/messages")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AskAsync(chain.OtherMinistry, id, "?")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Thread_RejectsDraftsEmptyBodiesAndReadersWithoutDeskRights()
    {
        var chain = await ReportChain.CreateAsync(app);
        var draft = (await ReportChain.CreateAsync(chain.Reporter, "emergency")).GetProperty("id").GetGuid();
        (await AskAsync(chain.Reporter, draft, "下書き")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{draft}/submit");
        var empty = await AskAsync(chain.Nisc, draft, "");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
        (await AskAsync(chain.NiscAuditor, draft, "監査役の質問")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "auditors read, they do not work the desk");
        (await ThreadAsync(chain.Nisc, draft)).ShouldBeEmpty("nothing was stored by the rejected posts");
    }

    [Fact]
    public async Task Incident_LinksReportsFromTwoSectors_EachDeskSeesWhatItMayRead()
    {
        var chain = await ReportChain.CreateAsync(app);
        var electricity = await AtNiscViaCeptoarAsync(chain);
        var (telecomReporter, _, _) = await app.OperatorAsync("telecom", null, Role.Reporter);
        var telecom = (await ReportChain.CreateAsync(telecomReporter, "emergency", content: ReportChain.Content("通信障害（電力供給支障の波及）", sector: "telecom", scope: "telecommunications"))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(telecomReporter, $"/api/v1/reports/{telecom}/submit");

        (await chain.Ministry.PostAsJsonAsync("/api/v1/incidents", new { title = "x", reportIds = new[] { telecom } })).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest, "METI cannot read the telecom report, so it cannot link it");
        (await chain.Reporter.PostAsJsonAsync("/api/v1/incidents", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var created = await chain.Nisc.PostAsJsonAsync("/api/v1/incidents", new { title = "北日本の広域障害", summary = "電力と通信", reportIds = new[] { electricity } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var incidentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var linked = await ReportChain.PostAsync(chain.Nisc, $"/api/v1/incidents/{incidentId}/reports", new { reportId = telecom });
        linked.GetProperty("reports").GetArrayLength().ShouldBe(2);
        linked.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("sectorCode").GetString()).Order().ShouldBe(["electricity", "telecom"]);
        var timeline = linked.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(t => t.GetProperty("what").GetString()).ShouldContain("first_report");
        timeline.Select(t => t.GetProperty("what").GetString()).ShouldContain("forwarded");
        timeline.Select(t => t.GetProperty("at").GetDateTime()).ShouldBeInOrder();

        (await chain.Nisc.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/reports", new { reportId = telecom })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var unknown = await chain.Nisc.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/reports", new { reportId = Guid.NewGuid() });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reportId", out _).ShouldBeTrue();

        var atMeti = await chain.Ministry.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}");
        atMeti.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([electricity]);
        atMeti.GetProperty("hiddenReports").GetInt32().ShouldBe(1, "METI learns a report exists, not what it says");
        atMeti.ToString().ShouldNotContain("通信障害");

        (await chain.Reporter.GetAsync($"/api/v1/incidents/{incidentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/incidents")).GetArrayLength().ShouldBe(0);

        var stale = await chain.Nisc.PutAsJsonAsync($"/api/v1/incidents/{incidentId}", new { title = "広域障害", state = "closed", version = 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var closed = await chain.Nisc.PutAsJsonAsync($"/api/v1/incidents/{incidentId}", new { title = "広域障害（終結）", state = "closed", version = linked.GetProperty("version").GetInt32() });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task Statistics_CountWhatTheCallerReads_AndTheFiscalYearFigure()
    {
        var chain = await ReportChain.CreateAsync(app);
        var before = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports");
        var beforeLevels = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels");

        var exceeding = (await ReportChain.CreateAsync(chain.Reporter, "emergency")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{exceeding}/submit");
        var below = (await ReportChain.CreateAsync(chain.Reporter, "emergency", content: new
        {
            language = "ja",
            title = "軽微な障害",
            kind = "service_outage",
            threatCategory = "unintentional",
            sectorCode = "electricity",
            businessScopeCode = "electricity",
            impact = new { supplyShortfallKw = 500, durationMinutes = 5 },
            awareAt = DateTime.UtcNow.AddMinutes(-30),
        })).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{below}/submit");
        var notYetAtNisc = (await ReportChain.CreateAsync(chain.Reporter, "ministry")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{notYetAtNisc}/submit");

        var after = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports");
        after.GetProperty("total").GetInt32().ShouldBe(before.GetProperty("total").GetInt32() + 2, "the ministry-route report has not reached NISC");
        Count(after, "bySector", "electricity").ShouldBe(Count(before, "bySector", "electricity") + 2);
        Count(after, "byThreatCategory", "unintentional").ShouldBe(Count(before, "byThreatCategory", "unintentional") + 1);

        var fiscalYear = ReportStatistics.FiscalYear(DateTime.UtcNow.AddHours(-2));
        var levels = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels");
        Beyond(levels, fiscalYear).ShouldBe(Beyond(beforeLevels, fiscalYear) + 1, "only the outage beyond the electricity level counts");
        var csv = await chain.Nisc.GetAsync("/api/v1/statistics/verification-levels.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("fiscal_year,sector,outages_beyond_verification_level,", customMessage: "the causes follow the total");
        lines.ShouldContain(l => l.StartsWith($"{fiscalYear},electricity,{Beyond(levels, fiscalYear)},", StringComparison.Ordinal));

        var own = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports");
        own.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3, "the reporter counts its own submitted reports");
        var stranger = await chain.OtherSector.GetFromJsonAsync<JsonElement>("/api/v1/statistics/reports");
        Count(stranger, "bySector", "electricity").ShouldBe(0, "statistics are computed from what the caller may read");
    }

    [Fact]
    public async Task Export_ListsWhatTheListShows_PseudonymForDesks_NameForTheSecretariat_Audited()
    {
        var chain = await ReportChain.CreateAsync(app);
        var title = "CSV出力の確認 " + Guid.NewGuid().ToString("N")[..6];
        var id = await AtNiscViaCeptoarAsync(chain, ReportChain.Content(title));
        var orgName = (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organisation").GetProperty("nameJa").GetString()!;

        var atNisc = await chain.Nisc.GetAsync("/api/v1/reports/export.csv?sector=electricity");
        atNisc.StatusCode.ShouldBe(HttpStatusCode.OK);
        atNisc.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await atNisc.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(',', ReportExport.Columns));
        var row = lines.Single(l => l.StartsWith(id.ToString(), StringComparison.Ordinal));
        row.ShouldContain(title);
        row.ShouldContain("の構成員");
        row.ShouldNotContain(orgName);
        (await chain.Secretariat.GetStringAsync("/api/v1/reports/export.csv")).ShouldContain(orgName);
        (await chain.OtherSector.GetStringAsync("/api/v1/reports/export.csv")).ShouldNotContain(id.ToString());

        var bad = await chain.Nisc.GetAsync("/api/v1/reports/export.csv?state=lost");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var exports = await chain.NiscAuditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=export&resourceType=reports&limit=50");
        exports.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    private static int Count(JsonElement statistics, string dimension, string key) =>
        statistics.GetProperty(dimension).EnumerateArray().Where(r => r.GetProperty("key").GetString() == key).Sum(r => r.GetProperty("count").GetInt32());

    private static int Beyond(JsonElement rows, int fiscalYear) =>
        rows.EnumerateArray().Where(r => r.GetProperty("fiscalYear").GetInt32() == fiscalYear && r.GetProperty("sectorCode").GetString() == "electricity").Sum(r => r.GetProperty("count").GetInt32());
}

public sealed class ConsolidationApiTests_Sqlite(SqliteApp app) : ConsolidationApiTests<SqliteApp>(app);

public sealed class ConsolidationApiTests_Postgres(PostgresApp app) : ConsolidationApiTests<PostgresApp>(app);
