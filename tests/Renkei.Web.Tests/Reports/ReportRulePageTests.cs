using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Reports;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// The verification-level and reporting-deadline page as a platform admin uses it without
/// JavaScript: one form per rule, each save a new version seen by the API, errors beside the
/// field of the form that failed, and re-evaluation only when the admin asks for it.
/// Each test edits its own rule, so the tests of a class do not depend on one another.
/// </summary>
public abstract class ReportRulePageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Page = "/Admin/ReportRules";

    private static async Task<JsonElement> RuleAsync(HttpClient client, string list, string code)
    {
        var rules = await client.GetFromJsonAsync<JsonElement>(list);
        return rules.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
    }

    private static Task<JsonElement> VerificationRuleAsync(HttpClient client, string code) => RuleAsync(client, "/api/v1/verification-rules", code);

    private static Task<JsonElement> DeadlineRuleAsync(HttpClient client, string code) => RuleAsync(client, "/api/v1/reporting-deadlines", code);

    /// <summary>Follows the redirect after a save, as a browser does, and returns the page with its flash message.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> FollowAsync(HttpClient client, HttpResponseMessage response, string expectedLocation)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe(expectedLocation);
        return await HtmlForm.PageAsync(client, expectedLocation);
    }

    [Fact]
    public async Task Page_ForAnyoneButPlatformAdmins_Is403_OnGetAndEveryPost()
    {
        var niscAnalyst = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        var operatorAdmin = (await app.OperatorAsync("electricity", null, Role.Admin)).Client;
        var before = (await VerificationRuleAsync(app.Admin(), "railways-cancellation")).GetProperty("version").GetInt32();

        foreach (var client in new[] { niscAnalyst, operatorAdmin })
        {
            (await client.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var home = await HtmlForm.PageAsync(client, "/");
            home.QuerySelector($"a[href='{Page}']").ShouldBeNull("the menu offers the page to platform admins only");
            (await HtmlForm.PageAsync(client, "/Statistics/Reports")).QuerySelector($"main a[href='{Page}']").ShouldBeNull();
            // A valid antiforgery token of the user's own, so it is the page that refuses, not antiforgery.
            var token = HtmlForm.Find(home, "/", "input[name=__af]").Value("__af")!;
            foreach (var handler in new[] { "Verification&code=railways-cancellation", "Deadline&code=final", "ReEvaluate" })
            {
                var post = await client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__af"] = token,
                    ["Verification.DescriptionJa"] = "改ざん",
                    ["Verification.DescriptionEn"] = "tampered",
                    ["Verification.MinTrainsCancelled"] = "99",
                    ["Verification.Version"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Deadline.Hours"] = "1",
                }));
                post.StatusCode.ShouldBe(HttpStatusCode.Forbidden, handler);
            }
        }

        var after = await VerificationRuleAsync(app.Admin(), "railways-cancellation");
        after.GetProperty("version").GetInt32().ShouldBe(before);
        after.GetProperty("minTrainsCancelled").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task VerificationForm_ChangesAThreshold_AsTheNextVersion()
    {
        var admin = app.Admin();
        var before = await VerificationRuleAsync(admin, "telecom-service");
        var version = before.GetProperty("version").GetInt32();
        var document = await HtmlForm.PageAsync(admin, Page);
        document.QuerySelector($"nav a[href='{Page}']").ShouldNotBeNull("platform admins find the page in the menu");
        (await HtmlForm.PageAsync(admin, "/Statistics/Reports")).QuerySelector($"main a[href='{Page}']").ShouldNotBeNull("and beside the verification-level statistics");
        var form = HtmlForm.Find(document, Page, "#verification-telecom-service-MinUsers");
        form.Value("Verification.MinUsers").ShouldBe("30000");
        form.Value("Verification.Version").ShouldBe(version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        form.Set("Verification.MinUsers", "50000").Set("Verification.Reason", "総務省の基準改定");
        var page = await FollowAsync(admin, await form.SubmitAsync(admin), $"{Page}#verification-telecom-service");

        var after = await VerificationRuleAsync(admin, "telecom-service");
        after.GetProperty("minUsers").GetInt64().ShouldBe(50000);
        after.GetProperty("version").GetInt32().ShouldBe(version + 1);
        after.GetProperty("minDurationMinutes").GetInt32().ShouldBe(120, "untouched fields keep their values");
        after.GetProperty("scopes").GetString().ShouldBe("telecommunications", "the ticked scopes are sent back as they were");
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reference-data/verification_rule/telecom-service/revisions");
        history[0].GetProperty("reason").GetString().ShouldBe("総務省の基準改定");
        page.QuerySelector(".flash")!.TextContent.ShouldContain($"第{version + 1}版として保存しました");
        page.QuerySelector("#verification-rules tr[data-rule='telecom-service'] .version")!.TextContent.ShouldBe($"{version + 1}");
        page.QuerySelector("#verification-rules tr[data-rule='telecom-service']")!.TextContent.ShouldContain("50,000");
    }

    [Fact]
    public async Task InvalidThreshold_ShowsTheErrorBesideItsField_InThatFormOnly_AndStoresNothing()
    {
        var admin = app.Admin();
        var version = (await VerificationRuleAsync(admin, "gas-supply")).GetProperty("version").GetInt32();
        var form = await HtmlForm.OpenAsync(admin, Page, "#verification-gas-supply-MinHouseholds");

        var response = await form.Set("Verification.MinHouseholds", "-5").Set("Verification.DescriptionEn", "Edited but not saved").SubmitAsync(admin);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the page comes back with the error");
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        var failed = page.QuerySelector("#verification-gas-supply")!;
        failed.HasAttribute("open").ShouldBeTrue("the failed form is open");
        failed.QuerySelector("[data-valmsg-for='Verification.MinHouseholds']")!.TextContent.ShouldContain("負の値は指定できません");
        var input = failed.QuerySelector("#verification-gas-supply-MinHouseholds")!;
        input.ClassList.ShouldContain("input-validation-error");
        input.GetAttribute("value").ShouldBe("-5", "what was typed is shown");
        failed.QuerySelector("#verification-gas-supply-DescriptionEn")!.GetAttribute("value").ShouldBe("Edited but not saved");
        page.QuerySelectorAll(".error").Length.ShouldBe(1, "no other rule's form shows the error");
        page.QuerySelector("#verification-electricity-supply-MinKw")!.GetAttribute("value").ShouldBe("100000", "the other forms show the stored rules");

        var stored = await VerificationRuleAsync(admin, "gas-supply");
        stored.GetProperty("version").GetInt32().ShouldBe(version);
        stored.GetProperty("minHouseholds").GetInt64().ShouldBe(30);
        stored.GetProperty("descriptionEn").GetString().ShouldBe("Supply outage affecting 30 or more households");
    }

    [Fact]
    public async Task UnreadableNumber_IsRefused_NotSavedAsNoThreshold()
    {
        var admin = app.Admin();
        var version = (await VerificationRuleAsync(admin, "aviation-cancellation")).GetProperty("version").GetInt32();
        var form = await HtmlForm.OpenAsync(admin, Page, "#verification-aviation-cancellation-MinFlightsCancelled");

        var response = await form.Set("Verification.MinFlightsCancelled", "１便").SubmitAsync(admin);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#verification-aviation-cancellation [data-valmsg-for='Verification.MinFlightsCancelled']")!.TextContent.ShouldContain("読み取れません");
        page.QuerySelector("#verification-aviation-cancellation-MinFlightsCancelled")!.GetAttribute("value").ShouldBe("１便");
        var stored = await VerificationRuleAsync(admin, "aviation-cancellation");
        stored.GetProperty("version").GetInt32().ShouldBe(version);
        stored.GetProperty("minFlightsCancelled").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task StaleVersion_ShowsTheConflictInThatForm_AndKeepsTheOtherAdminsChange()
    {
        var admin = app.Admin();
        var version = (await VerificationRuleAsync(admin, "water-supply")).GetProperty("version").GetInt32();
        var form = await HtmlForm.OpenAsync(admin, Page, "#verification-water-supply-DescriptionEn");
        // Another admin saves first, through the API.
        var other = await admin.PutAsJsonAsync("/api/v1/verification-rules/water-supply", new
        {
            descriptionJa = "断減水",
            descriptionEn = "Water cut or reduction",
            anyOutage = true,
            version,
            reason = "他の管理者の変更",
        });
        other.StatusCode.ShouldBe(HttpStatusCode.OK, await other.Content.ReadAsStringAsync());

        var response = await form.Set("Verification.DescriptionEn", "My stale edit").SubmitAsync(admin);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a conflict is shown on the form, not a server error");
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#verification-water-supply .errors")!.TextContent.ShouldContain($"他の人により変更されました（編集した版 {version}、現在の版 {version + 1}）");
        var stored = await VerificationRuleAsync(admin, "water-supply");
        stored.GetProperty("version").GetInt32().ShouldBe(version + 1);
        stored.GetProperty("descriptionEn").GetString().ShouldBe("Water cut or reduction");
    }

    [Fact]
    public async Task DeadlineForm_RefusesZeroHours_ThenChangesTheHours()
    {
        var admin = app.Admin();
        var version = (await DeadlineRuleAsync(admin, "near-miss-first")).GetProperty("version").GetInt32();
        var form = await HtmlForm.OpenAsync(admin, Page, "#deadline-near-miss-first-Hours");
        form.Value("Deadline.Hours").ShouldBe("168");

        var refused = await form.Set("Deadline.Hours", "0").SubmitAsync(admin);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await refused.Content.ReadAsStringAsync())
            .QuerySelector("#deadline-near-miss-first [data-valmsg-for='Deadline.Hours']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await DeadlineRuleAsync(admin, "near-miss-first")).GetProperty("hours").GetInt32().ShouldBe(168);

        form.Set("Deadline.Hours", "120").Set("Deadline.Reason", "運用見直し");
        var page = await FollowAsync(admin, await form.SubmitAsync(admin), $"{Page}#deadline-near-miss-first");

        var stored = await DeadlineRuleAsync(admin, "near-miss-first");
        stored.GetProperty("hours").GetInt32().ShouldBe(120);
        stored.GetProperty("version").GetInt32().ShouldBe(version + 1);
        page.QuerySelector("#deadline-rules tr[data-rule='near-miss-first'] .hours")!.TextContent.ShouldBe("120時間");
    }

    [Fact]
    public async Task ReEvaluateButton_AppliesAnEditedLevel_AndSaysHowManyChanged()
    {
        var admin = app.Admin();
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("verification").GetProperty("exceeded").GetBoolean()
            .ShouldBeTrue("150,000 kW for 45 minutes is beyond electricity's 100,000 kW");

        var edit = await HtmlForm.OpenAsync(admin, Page, "#verification-electricity-supply-MinKw");
        await FollowAsync(admin, await edit.Set("Verification.MinKw", "200000").SubmitAsync(admin), $"{Page}#verification-electricity-supply");
        (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("verification").GetProperty("exceeded").GetBoolean()
            .ShouldBeTrue("an edit alone does not touch evaluated reports");

        var button = await HtmlForm.OpenAsync(admin, Page, "#re-evaluate button");
        var page = await FollowAsync(admin, await button.SubmitAsync(admin, "すべての報告を再評価"), Page);

        int submitted;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            submitted = await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Reports.CountAsync(r => r.State != ReportState.Draft);
        }
        submitted.ShouldBeGreaterThan(0);
        // Only this test files reports in this class, so exactly its report changed.
        page.QuerySelector(".flash")!.TextContent.ShouldBe($"{submitted}件の報告を再評価しました。判定が変わった報告: 1件。");
        var verification = (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("verification");
        verification.GetProperty("exceeded").GetBoolean().ShouldBeFalse("150,000 kW is below the new 200,000 kW");
        verification.GetProperty("ruleVersion").GetInt32().ShouldBe((await VerificationRuleAsync(admin, "electricity-supply")).GetProperty("version").GetInt32());
    }
}

public sealed class ReportRulePageTests_Sqlite(SqliteApp app) : ReportRulePageTests<SqliteApp>(app);

public sealed class ReportRulePageTests_Postgres(PostgresApp app) : ReportRulePageTests<PostgresApp>(app);
