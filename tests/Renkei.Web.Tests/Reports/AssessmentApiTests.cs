using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

public abstract class AssessmentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static async Task<Guid> SubmittedAsync(ReportChain chain, string route = "emergency", object? content = null)
    {
        var id = (await ReportChain.CreateAsync(chain.Reporter, route, content: content)).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        return id;
    }

    [Fact]
    public async Task SubmittedOutage_ShowsVerificationLevelSeveritySuggestionAndClocks()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await SubmittedAsync(chain);
        var report = (await ReportChain.GetAsync(chain.Nisc, id))!.Value;
        var verification = report.GetProperty("verification");
        verification.GetProperty("exceeded").GetBoolean().ShouldBeTrue(verification.ToString());
        verification.GetProperty("ruleCode").GetString().ShouldBe("electricity-supply");
        verification.GetProperty("reason").GetString().ShouldBe("minutes: 45 ≥ 10; kW: 150,000 ≥ 100,000");
        verification.GetProperty("ruleDescriptionJa").GetString()!.ShouldContain("10万キロワット");
        report.GetProperty("severity").GetProperty("suggested").GetInt32().ShouldBe(3);
        report.GetProperty("severity").GetProperty("canAssess").GetBoolean().ShouldBeTrue();
        var clocks = report.GetProperty("clocks").EnumerateArray().ToList();
        clocks.Single(c => c.GetProperty("stage").GetString() == "first").GetProperty("status").GetString().ShouldBe("late", "emergency reports are due within an hour of awareness; this one came two hours after");
        clocks.Single(c => c.GetProperty("stage").GetString() == "final").GetProperty("status").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task Assessment_ByDesksOnly_OverrideNeedsAReason_HistoryKept()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await SubmittedAsync(chain);
        var path = $"/api/v1/reports/{id}/assessments";
        (await chain.Reporter.PostAsJsonAsync(path, new { continuity = 3, safety = 0, trust = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await chain.Nisc.PostAsJsonAsync(path, new { continuity = 4, safety = 1, trust = 0 });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await chain.Nisc.PostAsJsonAsync(path, new { continuity = 9, safety = 0, trust = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var confirmed = await chain.Ministry.PostAsJsonAsync(path, new { continuity = 3, safety = 0, trust = 0 });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        var overridden = await chain.Nisc.PostAsJsonAsync(path, new { continuity = 3, safety = 4, trust = 1, reason = "制御系への侵入で人命に関わるおそれ" });
        overridden.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await overridden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("overall").GetInt32().ShouldBe(4);

        var history = await chain.Nisc.GetFromJsonAsync<JsonElement>(path);
        history.GetArrayLength().ShouldBe(2);
        history[0].GetProperty("reason").GetString().ShouldBe("制御系への侵入で人命に関わるおそれ");
        var report = (await ReportChain.GetAsync(chain.Nisc, id))!.Value;
        report.GetProperty("severity").GetProperty("assessed").GetInt32().ShouldBe(4);
        report.GetProperty("state").GetString().ShouldBe("under_analysis");
        var high = await chain.Nisc.GetFromJsonAsync<JsonElement>("/api/v1/reports?minSeverity=4&limit=200");
        high.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Fact]
    public async Task OverdueDraft_IsListedAsOverdueForTheReporter()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ministry")).GetProperty("id").GetGuid();
        var overdue = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/reports?overdue=true&limit=200");
        overdue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldNotContain(id, "a service outage's first report is due 24 hours after awareness; this is 2 hours old");
        var draft = (await ReportChain.GetAsync(chain.Reporter, id))!.Value;
        draft.GetProperty("clocks").EnumerateArray().First().GetProperty("status").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task RuleChange_LeavesEvaluationsUntilReEvaluated_AndIsVersioned()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await SubmittedAsync(chain, content: ReportChain.Content("瞬停", "service_outage"));
        var rules = await app.Admin().GetFromJsonAsync<JsonElement>("/api/v1/verification-rules");
        var rule = rules.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "electricity-supply");
        var version = rule.GetProperty("version").GetInt32();
        (await chain.Ministry.PutAsJsonAsync("/api/v1/verification-rules/electricity-supply", new { descriptionJa = "x", descriptionEn = "x", minKw = 1, version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var changed = await app.Admin().PutAsJsonAsync("/api/v1/verification-rules/electricity-supply", new
        {
            descriptionJa = rule.GetProperty("descriptionJa").GetString(),
            descriptionEn = rule.GetProperty("descriptionEn").GetString(),
            minKw = 200_000,
            minDurationMinutes = 10,
            version,
            reason = "test: stricter level",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        try
        {
            await CheckReEvaluationAsync(chain, id, version);
        }
        finally
        {
            // Put the level back for the other tests of this class.
            await app.Admin().PutAsJsonAsync("/api/v1/verification-rules/electricity-supply", new
            {
                descriptionJa = rule.GetProperty("descriptionJa").GetString(),
                descriptionEn = rule.GetProperty("descriptionEn").GetString(),
                minKw = 100_000,
                minDurationMinutes = 10,
                version = version + 1,
            });
            await ReportChain.PostAsync(app.Admin(), "/api/v1/verification-rules/re-evaluate");
        }
    }

    private async Task CheckReEvaluationAsync(ReportChain chain, Guid id, int version)
    {
        var before = (await ReportChain.GetAsync(chain.Nisc, id))!.Value.GetProperty("verification");
        before.GetProperty("exceeded").GetBoolean().ShouldBeTrue("a rule change does not alter evaluated reports by itself");
        before.GetProperty("ruleVersion").GetInt32().ShouldBe(version);

        (await chain.Nisc.PostAsync("/api/v1/verification-rules/re-evaluate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var result = await ReportChain.PostAsync(app.Admin(), "/api/v1/verification-rules/re-evaluate");
        result.GetProperty("changed").GetInt32().ShouldBeGreaterThan(0);
        var after = (await ReportChain.GetAsync(chain.Nisc, id))!.Value.GetProperty("verification");
        after.GetProperty("exceeded").GetBoolean().ShouldBeFalse();
        after.GetProperty("ruleVersion").GetInt32().ShouldBe(version + 1);
        var history = await app.Admin().GetFromJsonAsync<JsonElement>("/api/v1/reference-data/verification_rule/electricity-supply/revisions");
        history[0].GetProperty("reason").GetString().ShouldBe("test: stricter level");
    }
}

public sealed class AssessmentApiTests_Sqlite(SqliteApp app) : AssessmentApiTests<SqliteApp>(app);

public sealed class AssessmentApiTests_Postgres(PostgresApp app) : AssessmentApiTests<PostgresApp>(app);
