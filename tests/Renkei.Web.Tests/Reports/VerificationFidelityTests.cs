using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Reports;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// Verification levels as the seeds define them: IT failures of every cause counted and broken
/// down by cause, and the qualitative conditions stated by the reporter (unknown never counts).
/// </summary>
public abstract class VerificationFidelityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static object Outage(string sector, string category, object? impact = null, object[]? facts = null, string title = "浄水場の監視制御システム障害") => new
    {
        language = "ja",
        title,
        kind = "service_outage",
        threatCategory = category,
        sectorCode = sector,
        impact = impact ?? new { },
        verificationFacts = facts,
        awareAt = DateTime.UtcNow.AddMinutes(-30),
    };

    private static int Cause(JsonElement rows, int fiscalYear, string sector, string cause) =>
        rows.EnumerateArray().Where(r => r.GetProperty("fiscalYear").GetInt32() == fiscalYear && r.GetProperty("sectorCode").GetString() == sector)
            .SelectMany(r => r.GetProperty("byCause").EnumerateArray()).Where(c => c.GetProperty("key").GetString() == cause).Sum(c => c.GetProperty("count").GetInt32());

    private static async Task<JsonElement> SubmittedAsync(HttpClient reporter, object content)
    {
        var id = (await ReportChain.CreateAsync(reporter, "emergency", content: content)).GetProperty("id").GetGuid();
        return await ReportChain.PostAsync(reporter, $"/api/v1/reports/{id}/submit");
    }

    [Fact]
    public async Task DisasterAndSpillOverOutages_CountBeyondTheLevel_ShownByCause_InApiCsvAndPage()
    {
        var chain = await ReportChain.CreateAsync(app);
        var fiscalYear = ReportStatistics.FiscalYear(DateTime.UtcNow.AddMinutes(-30));
        var before = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels");

        var flood = await SubmittedAsync(chain.Reporter, Outage("electricity", "disaster", new { supplyShortfallKw = 300000, durationMinutes = 90 }, title: "水害による変電所の制御系停止"));
        flood.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeTrue("a disaster is a cause of an IT failure (seed 004, 002)");
        await SubmittedAsync(chain.Reporter, Outage("electricity", "spill_over", new { supplyShortfallKw = 120000, durationMinutes = 20 }, title: "通信途絶による遠隔監視停止"));

        var after = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/statistics/verification-levels");
        Cause(after, fiscalYear, "electricity", "disaster").ShouldBe(Cause(before, fiscalYear, "electricity", "disaster") + 1);
        Cause(after, fiscalYear, "electricity", "spill_over").ShouldBe(Cause(before, fiscalYear, "electricity", "spill_over") + 1);
        var row = after.EnumerateArray().Single(r => r.GetProperty("fiscalYear").GetInt32() == fiscalYear && r.GetProperty("sectorCode").GetString() == "electricity");
        row.GetProperty("count").GetInt32().ShouldBe(row.GetProperty("byCause").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));

        var csv = (await chain.Nisc.GetStringAsync("/api/v1/statistics/verification-levels.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("fiscal_year,sector,outages_beyond_verification_level,cause_cyber_attack,cause_unintentional,cause_disaster,cause_spill_over,sector_set");
        var line = csv.Single(l => l.StartsWith($"{fiscalYear},electricity,", StringComparison.Ordinal)).Split(',');
        line[5].ShouldBe(Cause(after, fiscalYear, "electricity", "disaster").ToString(System.Globalization.CultureInfo.InvariantCulture));
        line[6].ShouldBe(Cause(after, fiscalYear, "electricity", "spill_over").ToString(System.Globalization.CultureInfo.InvariantCulture));

        var page = await chain.Nisc.GetStringAsync("/Statistics/Reports");
        page.ShouldContain("検証レベルを超えたIT障害（発生原因別）");
        page.ShouldContain("<th scope=\"col\" data-cause=\"disaster\">災害や疾病</th>");
    }

    [Fact]
    public async Task Water_QualitativeCondition_UnknownStaysOpenAndSaysWhatIsMissing_YesCounts()
    {
        var (reporter, _, _) = await app.OperatorAsync("water", null, Role.Reporter);
        var open = await SubmittedAsync(reporter, Outage("water", "cyber_attack", facts: [new { condition = "water_supply_impeded", answer = "unknown" }]));
        var verification = open.GetProperty("verification");
        verification.GetProperty("exceeded").ValueKind.ShouldBe(JsonValueKind.Null, "unknown must not count as yes (it used to be 'any outage')");
        verification.GetProperty("reason").GetString()!.ShouldContain("water_supply_impeded: not stated");
        open.GetProperty("content").GetProperty("verificationFacts")[0].GetProperty("answer").GetString().ShouldBe("unknown");
        var id = open.GetProperty("id").GetGuid();
        var html = await reporter.GetStringAsync($"/Reports/{id}");
        html.ShouldContain("未回答の判断事項があるため判定は保留です");
        html.ShouldContain("断減水、水質異常または重大なシステム障害により給水に支障を及ぼしたか");

        var update = await reporter.PostAsJsonAsync($"/api/v1/reports/{id}/updates", new
        {
            stage = "update",
            version = open.GetProperty("version").GetInt32(),
            content = Outage("water", "cyber_attack", facts: [new { condition = "water_supply_impeded", answer = "yes" }]),
        });
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        var updated = await update.Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeTrue();

        var no = await SubmittedAsync(reporter, Outage("water", "unintentional", facts: [new { condition = "water_supply_impeded", answer = "no" }]));
        no.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeFalse("an outage that did not impede supply is within the level");
    }

    [Fact]
    public async Task VerificationFacts_UnknownConditionOrTwiceAnswered_Is400NamingTheField()
    {
        var (reporter, _, _) = await app.OperatorAsync("medical", null, Role.Reporter);
        var response = await reporter.PostAsJsonAsync("/api/v1/reports", new
        {
            content = Outage("medical", "cyber_attack", facts: [new { condition = "records_preservation_impaired", answer = "yes" }, new { condition = "records_preservation_impaired", answer = "no" }, new { condition = "moon_phase", answer = "yes" }]),
            route = "emergency",
            tlp = "amber",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("content.verificationFacts[1].condition")[0].GetString()!.ShouldContain("answered twice");
        errors.GetProperty("content.verificationFacts[2].condition")[0].GetString()!.ShouldContain("moon_phase");
    }

    [Fact]
    public async Task ReportForm_AsksTheSectorsConditions_AndSendsThem()
    {
        var (reporter, _, _) = await app.OperatorAsync("medical", null, Role.Reporter);
        var form = await HtmlForm.OpenAsync(reporter, "/Reports/New", "#Input_Content_Title");
        form.Value("Input.Content.SectorCode").ShouldBe("medical");
        form.Set("Input.Content.Title", "電子カルテの障害")
            .Set("Input.Content.Kind", "ServiceOutage")
            .Set("Input.Content.ThreatCategory", "unintentional")
            .Set("Input.Content.VerificationFacts[records_preservation_impaired]", "Yes")
            .Set("Input.Route", "Emergency")
            .Set("Input.Tlp", "Amber");
        var response = await form.SubmitAsync(reporter, "速報として提出");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = Guid.Parse(response.Headers.Location!.ToString()["/Reports/".Length..]);
        var report = (await ReportChain.GetAsync(reporter, id))!.Value;
        report.GetProperty("content").GetProperty("verificationFacts").EnumerateArray()
            .Select(f => (f.GetProperty("condition").GetString(), f.GetProperty("answer").GetString())).ShouldBe([("records_preservation_impaired", "yes")],
                "only the chosen sector's conditions travel");
        report.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeTrue();
    }
}

public sealed class VerificationFidelityTests_Sqlite(SqliteApp app) : VerificationFidelityTests<SqliteApp>(app);

public sealed class VerificationFidelityTests_Postgres(PostgresApp app) : VerificationFidelityTests<PostgresApp>(app);
