using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// Issue 14 item 8: the qualitative verification conditions (seed 004 l.1380-1388) are facts the
/// reporter or the desk states. The desk's statement (ministry in charge, NISC, authorised as an
/// assessment is) counts over the reporter's, both are kept and shown with who stated them, audited.
/// </summary>
public abstract class DeskVerificationFactsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static object WaterOutage(string answer) => new
    {
        language = "ja",
        title = "浄水場の監視制御システム障害",
        kind = "service_outage",
        threatCategory = "cyber_attack",
        sectorCode = "water",
        impact = new { },
        verificationFacts = new[] { new { condition = "water_supply_impeded", answer } },
        awareAt = DateTime.UtcNow.AddMinutes(-30),
    };

    private static async Task<Guid> SubmittedAsync(HttpClient reporter, string answer)
    {
        var id = (await ReportChain.CreateAsync(reporter, "emergency", content: WaterOutage(answer))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(reporter, $"/api/v1/reports/{id}/submit");
        return id;
    }

    private static Task<HttpResponseMessage> StateAsync(HttpClient client, Guid id, string condition, string answer) =>
        client.PutAsJsonAsync($"/api/v1/reports/{id}/verification-facts", new { facts = new[] { new { condition, answer } } });

    [Fact]
    public async Task Desk_StatesAFact_OverridesTheReporter_BothKeptAndShown_Audited()
    {
        var chain = await ReportChain.CreateAsync(app);
        var (reporter, _, _) = await app.OperatorAsync("water", null, Role.Reporter);
        var id = await SubmittedAsync(reporter, "unknown");
        (await ReportChain.GetAsync(chain.Nisc, id))!.Value.GetProperty("verification").GetProperty("exceeded").ValueKind.ShouldBe(JsonValueKind.Null);

        (await StateAsync(reporter, id, "water_supply_impeded", "yes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the reporter states facts in the report, not as the desk");
        (await StateAsync(chain.OtherSector, id, "water_supply_impeded", "yes")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stated = await StateAsync(chain.Nisc, id, "water_supply_impeded", "yes");
        stated.StatusCode.ShouldBe(HttpStatusCode.OK, await stated.Content.ReadAsStringAsync());
        var result = await stated.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("exceeded").GetBoolean().ShouldBeTrue("the desk's yes counts");
        result.GetProperty("reason").GetString()!.ShouldContain("water_supply_impeded: yes (stated by the desk; the reporter: not stated)");

        var report = (await ReportChain.GetAsync(chain.Nisc, id))!.Value;
        report.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeTrue();
        report.GetProperty("content").GetProperty("verificationFacts")[0].GetProperty("answer").GetString().ShouldBe("unknown", "the reporter's answer stays as given");
        var fact = report.GetProperty("verification").GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("condition").GetString() == "water_supply_impeded");
        fact.GetProperty("reporter").GetString().ShouldBe("unknown");
        fact.GetProperty("desk").GetString().ShouldBe("yes");
        fact.GetProperty("effective").GetString().ShouldBe("yes");
        fact.GetProperty("deskNameJa").GetString().ShouldNotBeNullOrEmpty();

        var page = await reporter.GetStringAsync($"/Reports/{id}");
        page.ShouldContain("data-stated-by=\"desk\"");
        page.ShouldContain("data-answer=\"yes\"");
        page.ShouldNotContain("id=\"desk-facts\"", customMessage: "the reporter sees the desk's statement but has no desk form");

        var trail = await chain.NiscAuditor.GetStringAsync($"/api/v1/audit?action=update&resourceType=reports&resourceId={id}&limit=50");
        trail.ShouldContain("desk_verification_facts");

        // The desk corrects a reporter's yes to no; withdrawing it ("unknown") lets the reporter's answer count again.
        var id2 = await SubmittedAsync(reporter, "yes");
        (await ReportChain.GetAsync(chain.Nisc, id2))!.Value.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeTrue();
        var corrected = await (await StateAsync(chain.Nisc, id2, "water_supply_impeded", "no")).Content.ReadFromJsonAsync<JsonElement>();
        corrected.GetProperty("exceeded").GetBoolean().ShouldBeFalse("the desk's no overrides the reporter's yes");
        var withdrawn = await (await StateAsync(chain.Nisc, id2, "water_supply_impeded", "unknown")).Content.ReadFromJsonAsync<JsonElement>();
        withdrawn.GetProperty("exceeded").GetBoolean().ShouldBeTrue();
        withdrawn.GetProperty("facts")[0].GetProperty("desk").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task DeskFacts_ConditionOfAnotherSectorOrTwiceAnswered_Is400NamingTheField()
    {
        var chain = await ReportChain.CreateAsync(app);
        var (reporter, _, _) = await app.OperatorAsync("water", null, Role.Reporter);
        var id = await SubmittedAsync(reporter, "unknown");
        var response = await chain.Nisc.PutAsJsonAsync($"/api/v1/reports/{id}/verification-facts", new
        {
            facts = new object[] { new { condition = "records_preservation_impaired", answer = "yes" }, new { condition = "water_supply_impeded", answer = "yes" }, new { condition = "water_supply_impeded", answer = "no" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("facts[0].condition")[0].GetString()!.ShouldContain("records_preservation_impaired");
        errors.GetProperty("facts[2].condition")[0].GetString()!.ShouldContain("answered twice");
        (await chain.Nisc.PutAsJsonAsync($"/api/v1/reports/{id}/verification-facts", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeskForm_OnTheReportPage_RecordsTheDesksAnswer()
    {
        var chain = await ReportChain.CreateAsync(app);
        var (reporter, _, _) = await app.OperatorAsync("water", null, Role.Reporter);
        var id = await SubmittedAsync(reporter, "unknown");
        var form = await HtmlForm.OpenAsync(chain.Nisc, $"/Reports/{id}", "#desk-facts");
        form.Value("DeskFacts[water_supply_impeded]").ShouldBe("");
        form.Set("DeskFacts[water_supply_impeded]", "No");
        var response = await form.SubmitAsync(chain.Nisc);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var report = (await ReportChain.GetAsync(chain.Nisc, id))!.Value;
        report.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeFalse();
        var page = await chain.Nisc.GetStringAsync($"/Reports/{id}");
        page.ShouldContain("data-stated-by=\"desk\"");
    }
}

public sealed class DeskVerificationFactsTests_Sqlite(SqliteApp app) : DeskVerificationFactsTests<SqliteApp>(app);

public sealed class DeskVerificationFactsTests_Postgres(PostgresApp app) : DeskVerificationFactsTests<PostgresApp>(app);
