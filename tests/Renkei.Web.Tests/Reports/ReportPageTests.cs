using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Common;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// The report pages as a browser without JavaScript uses them: forms with antiforgery tokens,
/// errors beside their fields, desk actions only where the service allows them, and the
/// anonymised reporter absent from every page but the secretariat's.
/// </summary>
public abstract class ReportPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static string Jst(DateTime utc) => Clock.ToJst(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The new-report form filled as the operator would: an electricity outage via the CEPTOAR.</summary>
    private static async Task<HtmlForm> FilledFormAsync(HttpClient reporter, string title = "変電所制御系の不正アクセスによる供給支障")
    {
        var form = await HtmlForm.OpenAsync(reporter, "/Reports/New", "#Input_Content_Title");
        form.Value("Input.Content.SectorCode").ShouldBe("electricity", "the reporter's sector is the default");
        return form
            .Set("Input.Content.Title", title)
            .Set("Input.Content.Kind", "ServiceOutage")
            .Set("Input.Content.ThreatCategory", "cyber_attack")
            .Set("Input.Content.ThreatSubtype", "on_service_systems")
            .Check("Input.Content.ThreatExamples", "intrusion")
            .Check("Input.Content.ThreatExamples", "malware")
            .Check("Input.Content.AffectedSystems", "Ot")
            .Set("Input.Content.Service", "電力供給")
            .Set("Input.Content.BusinessScopeCode", "electricity")
            .Set("Input.Content.Status", "一部地域で供給支障")
            .Set("Input.Content.InterimMeasures", "系統切替")
            .Set("Input.Content.Cause", "調査中")
            .Set("Input.Content.Countermeasures", "該当端末の隔離")
            .Set("Input.Content.RecoveryOutlook", "本日中")
            .Set("Input.Content.Impact.SupplyShortfallKw", "150000")
            .Set("Input.Content.Impact.DurationMinutes", "45")
            .Set("Input.Content.AwareAt", Jst(DateTime.UtcNow.AddHours(-2)))
            .Set("Input.Content.StartedAt", Jst(DateTime.UtcNow.AddHours(-3)))
            .Set("Input.Content.Indicators[0].Type", "Ipv4")
            .Set("Input.Content.Indicators[0].Value", "203.0.113.7")
            .Set("Input.Content.Indicators[1].Type", "Domain")
            .Set("Input.Content.Indicators[1].Value", "Evil.Example.COM.")
            .Set("Input.Route", "Ceptoar")
            .Set("Input.ViaCeptoar", "electricity")
            .Set("Input.Tlp", "Amber");
    }

    private static Guid IdFrom(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/Reports/");
        return Guid.Parse(location["/Reports/".Length..]);
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Submitted via the CEPTOAR, forwarded by the secretariat and METI: at NISC.</summary>
    private static async Task<Guid> AtNiscAsync(ReportChain chain, string title = "制御システムの不正アクセスによる供給支障")
    {
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity", content: ReportChain.Content(title))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{id}/forward", new { annotation = "事務局確認済み" });
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");
        return id;
    }

    [Fact]
    public async Task NewReportForm_WithoutJavaScript_SubmitsTheFirstReport_TimesTakenAsJst()
    {
        var chain = await ReportChain.CreateAsync(app);
        var form = await FilledFormAsync(chain.Reporter);
        var aware = DateTime.UtcNow.AddHours(-2);
        form.Set("Input.Content.AwareAt", Jst(aware));

        var id = IdFrom(await form.SubmitAsync(chain.Reporter, "速報として提出"));

        var report = (await ReportChain.GetAsync(chain.Reporter, id))!.Value;
        report.GetProperty("state").GetString().ShouldBe("submitted");
        report.GetProperty("stage").GetString().ShouldBe("first");
        report.GetProperty("route").GetString().ShouldBe("ceptoar");
        report.GetProperty("anonymous").GetBoolean().ShouldBeTrue();
        var content = report.GetProperty("content");
        content.GetProperty("status").GetString().ShouldBe("一部地域で供給支障");
        content.GetProperty("impact").GetProperty("supplyShortfallKw").GetInt64().ShouldBe(150000);
        content.GetProperty("threatExamples").EnumerateArray().Select(e => e.GetString()).ShouldBe(["intrusion", "malware"], ignoreOrder: true);
        content.GetProperty("legallyRequired").GetBoolean().ShouldBeFalse("anonymised routes are for reports outside legal obligation");
        (content.GetProperty("awareAt").GetDateTime().ToUniversalTime() - aware).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1), "the form's time is JST, stored as UTC");
        var indicators = content.GetProperty("indicators").EnumerateArray().Select(i => (i.GetProperty("type").GetString(), i.GetProperty("value").GetString())).ToList();
        indicators.ShouldBe([("ipv4", "203.0.113.7"), ("domain", "evil.example.com")], "typed, normalised, blank rows dropped");
        report.GetProperty("verification").GetProperty("exceeded").GetBoolean().ShouldBeTrue("150,000 kW for 45 minutes is beyond electricity's level");

        var html = await HtmlAsync(chain.Reporter, $"/Reports/{id}");
        html.ShouldContain("速報");
        html.ShouldContain("検証レベルを超える障害です。");
        html.ShouldContain(Clock.ToJst(aware).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST");
    }

    [Fact]
    public async Task LawObligedReport_ViaCeptoar_FormSaysItCannotBeAnonymised_UntickedGoesNamed()
    {
        var chain = await ReportChain.CreateAsync(app);
        var form = (await FilledFormAsync(chain.Reporter, "法令報告対象の供給支障"))
            .Check("Input.Content.LegallyRequired")
            .Set("Input.Content.LegalBasis", "電気事業法");
        form.Value("Input.Anonymise").ShouldBe("true", "anonymisation is ticked by default");

        var refused = await form.SubmitAsync(chain.Reporter, "速報として提出");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with the rule");
        var page = HtmlForm.Parse(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Input.Anonymise']")!.TextContent.ShouldContain("法令等に基づく報告は匿名化できません");
        (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/reports")).GetProperty("total").GetInt32().ShouldBe(0);

        var id = IdFrom(await form.Set("Input.Anonymise", "false").SubmitAsync(chain.Reporter, "速報として提出"));
        var report = (await ReportChain.GetAsync(chain.Ministry, id))!.Value;
        report.GetProperty("anonymous").GetBoolean().ShouldBeFalse();
        report.GetProperty("reporter").GetProperty("organisationId").GetGuid().ShouldBe(chain.ReporterOrganisation, "the ministry in charge receives it at once, named");
    }

    [Fact]
    public async Task InvalidForm_ShowsEachErrorBesideItsField_AndStoresNothing()
    {
        var chain = await ReportChain.CreateAsync(app);
        var form = (await FilledFormAsync(chain.Reporter))
            .Set("Input.Content.Impact.UsersAffected", "-5")
            .Set("Input.Content.EndedAt", Jst(DateTime.UtcNow.AddHours(-4)))
            .Set("Input.Content.Indicators[1].Value", "not a domain")
            .Set("Input.Content.ThreatSubtype", "natural_disaster");

        var response = await form.SubmitAsync(chain.Reporter, "速報として提出");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form comes back with the errors");
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Input.Content.Impact.UsersAffected']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("input[name='Input.Content.Impact.UsersAffected']")!.ClassList.ShouldContain("input-validation-error");
        page.QuerySelector("input[name='Input.Content.EndedAt']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldContain("発生日時");
        page.QuerySelector("[data-valmsg-for='Input.Content.ThreatSubtype']")!.TextContent.ShouldContain("natural_disaster");
        // The indicator error sits in the row that was typed (row 2), not in the row the service counted.
        var row = page.QuerySelector("input[name='Input.Content.Indicators[1].Value']")!.ParentElement!;
        row.QuerySelector(".error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.QuerySelector("input[name='Input.Content.Indicators[0].Value']")!.ParentElement!.QuerySelector(".error").ShouldBeNull();
        page.QuerySelector("input[name='Input.Content.Title']")!.GetAttribute("value").ShouldBe("変電所制御系の不正アクセスによる供給支障", "what was typed is kept");

        var mine = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/reports");
        mine.GetProperty("total").GetInt32().ShouldBe(0, "nothing half-stored");
    }

    [Fact]
    public async Task UnreadableValues_AreRefusedBeforeTheService_NotStoredAsEmpty()
    {
        var chain = await ReportChain.CreateAsync(app);
        var form = (await FilledFormAsync(chain.Reporter))
            .Set("Input.Content.AwareAt", "昨日の朝")
            .Set("Input.Content.Impact.HouseholdsAffected", "たくさん");
        var response = await form.SubmitAsync(chain.Reporter, "下書き保存");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForm.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("input[name='Input.Content.AwareAt']")!.ParentElement!.QuerySelector(".error")!.TextContent.ShouldContain("日時として読み取れません");
        page.QuerySelector("[data-valmsg-for='Input.Content.Impact.HouseholdsAffected']")!.TextContent.ShouldContain("読み取れません");
        (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/reports")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Posts_WithoutTheAntiforgeryToken_AreRefused()
    {
        var chain = await ReportChain.CreateAsync(app);
        var form = (await FilledFormAsync(chain.Reporter)).Without("__af");
        (await form.SubmitAsync(chain.Reporter, "速報として提出")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/reports")).GetProperty("total").GetInt32().ShouldBe(0);

        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var forward = (await HtmlForm.OpenAsync(chain.Secretariat, $"/Reports/{id}", "#Forward_Annotation")).Without("__af");
        (await forward.SubmitAsync(chain.Secretariat)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReportChain.GetAsync(chain.Secretariat, id))!.Value.GetProperty("hops")[0].GetProperty("forwardedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task DeskActions_AppearOnlyWhereTheServiceAllowsThem_AndForwardWithAnnotation()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = IdFrom(await (await FilledFormAsync(chain.Reporter)).SubmitAsync(chain.Reporter, "速報として提出"));

        var atReporter = await HtmlAsync(chain.Reporter, $"/Reports/{id}");
        atReporter.ShouldNotContain("Forward.Annotation");
        atReporter.ShouldContain("— 警察庁", customMessage: "the referral form names the agency from the directory");
        atReporter.ShouldNotContain("— NPA");
        (await chain.Ministry.GetAsync($"/Reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "METI has not received it yet");

        var forward = await HtmlForm.OpenAsync(chain.Secretariat, $"/Reports/{id}", "#Forward_Annotation");
        forward.Set("Forward.Annotation", "事務局で内容を確認しました。");
        var done = await forward.SubmitAsync(chain.Secretariat, "へ転送");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await HtmlAsync(chain.Secretariat, $"/Reports/{id}")).ShouldNotContain("Forward.Annotation", customMessage: "forwarded once");
        var atMinistry = await HtmlAsync(chain.Ministry, $"/Reports/{id}");
        atMinistry.ShouldContain("事務局で内容を確認しました。");
        atMinistry.ShouldContain("Forward.Annotation");
        atMinistry.ShouldContain("受領を確認");
    }

    [Fact]
    public async Task AnonymisedReporter_NeverAppearsInMinistryOrNiscPages_ButDoesForTheSecretariat()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain);
        foreach (var (client, body, onBehalf) in new[] { (chain.Nisc, "影響範囲は？", false), (chain.Secretariat, "連絡元に確認しました。", true), (chain.Reporter, "補足します。", false) })
        {
            (await client.PostAsJsonAsync($"/api/v1/reports/{id}/messages", new { body, onBehalfOfReporter = onBehalf })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var version = (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("version").GetInt32();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/updates", new { stage = "update", version, content = ReportChain.Content("続報: 供給支障") });
        var incident = await chain.Nisc.PostAsJsonAsync("/api/v1/incidents", new { title = "匿名報告を含む事案", reportIds = new[] { id } });
        var incidentId = (await incident.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var me = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var orgName = me.GetProperty("organisation").GetProperty("nameJa").GetString()!;
        var email = me.GetProperty("email").GetString()!;

        foreach (var (who, client) in new[] { ("ministry", chain.Ministry), ("NISC", chain.Nisc), ("NISC auditor", chain.NiscAuditor) })
        {
            var pages = new List<string>();
            foreach (var path in new[] { "/Reports", $"/Reports/{id}", "/Reports?q=%E4%BE%9B%E7%B5%A6", "/Incidents", $"/Incidents/{incidentId}", "/Statistics/Reports" })
            {
                var response = await client.GetAsync(path);
                pages.Add(await response.Content.ReadAsStringAsync());
            }
            var everything = string.Join("\n", pages);
            everything.ShouldNotContain(orgName, customMessage: who);
            everything.ShouldNotContain(email, customMessage: who);
            everything.ShouldNotContain(chain.ReporterOrganisation.ToString(), customMessage: who);
            everything.ShouldNotContain(chain.ReporterUser.ToString(), customMessage: who);
        }
        var atNisc = await HtmlAsync(chain.Nisc, $"/Reports/{id}");
        atNisc.ShouldContain("電力 CEPTOARの構成員");
        atNisc.ShouldContain("連絡元に代わって回答");
        var incidentPage = await HtmlAsync(chain.Nisc, $"/Incidents/{incidentId}");
        incidentPage.ShouldContain("電力 CEPTOARの構成員");
        // The incident's STIX bundle is a download away, and what it downloads keeps the pseudonym too.
        var download = HtmlForm.Parse(incidentPage).QuerySelector("#stix-download")!.GetAttribute("href")!;
        download.ShouldBe($"/api/v1/incidents/{incidentId}/stix");
        var bundle = await chain.Nisc.GetAsync(download);
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Read as text, not as escaped JSON, so that a name in it would be found.
        var bundleText = System.Text.Json.Nodes.JsonNode.Parse(await bundle.Content.ReadAsStringAsync())!
            .ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        bundleText.ShouldContain("電力 CEPTOARの構成員");
        bundleText.ShouldNotContain(orgName);

        var atSecretariat = await HtmlAsync(chain.Secretariat, $"/Reports/{id}");
        atSecretariat.ShouldContain(orgName);
        (await HtmlAsync(chain.Secretariat, "/Reports")).ShouldContain(orgName);
        (await HtmlAsync(chain.Reporter, $"/Reports/{id}")).ShouldContain(orgName);
    }

    [Fact]
    public async Task Attachments_ReporterUploadsThroughThePage_DesksDownloadThem_UploaderShownAsTheReporterIs()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain);
        var orgName = (await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("organisation").GetProperty("nameJa").GetString()!;

        var empty = await HtmlForm.OpenAsync(chain.Reporter, $"/Reports/{id}", "#Attach_File");
        var refused = await empty.Attach("Attach.File", "empty.log", []).SubmitAsync(chain.Reporter);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Attach.File']")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        var content = "2026-11-20 03:12:44 vpn: login admin from 198.51.100.23\n"u8.ToArray();
        var upload = await HtmlForm.OpenAsync(chain.Reporter, $"/Reports/{id}", "#Attach_File");
        var uploaded = await upload.Attach("Attach.File", "vpn.log", content).SubmitAsync(chain.Reporter);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        uploaded.Headers.Location!.ToString().ShouldBe($"/Reports/{id}#attachments");

        var atNisc = HtmlForm.Parse(await HtmlAsync(chain.Nisc, $"/Reports/{id}"));
        var row = atNisc.QuerySelector("#attachments tr[data-attachment-id]")!;
        row.TextContent.ShouldContain("電力 CEPTOARの構成員");
        row.TextContent.ShouldNotContain(orgName);
        atNisc.QuerySelector("#Attach_File").ShouldBeNull("only the reporting side attaches files");
        var link = row.QuerySelector("a")!.GetAttribute("href")!;
        var download = await chain.Nisc.GetAsync(link);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        var atSecretariat = HtmlForm.Parse(await HtmlAsync(chain.Secretariat, $"/Reports/{id}"));
        atSecretariat.QuerySelector("#attachments tr[data-attachment-id]")!.TextContent.ShouldContain(orgName);
    }

    [Fact]
    public async Task Thread_NiscAsks_SecretariatAnswersOnTheReportersBehalf_ThroughThePage()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain);

        var atMinistry = await HtmlAsync(chain.Ministry, $"/Reports/{id}");
        atMinistry.ShouldContain("id=\"report-thread\"");
        atMinistry.ShouldNotContain("Message.OnBehalfOfReporter", customMessage: "only the relaying secretariat answers for the reporter");

        var ask = await HtmlForm.OpenAsync(chain.Nisc, $"/Reports/{id}", "#Message_Body");
        (await ask.Set("Message.Body", "侵入経路は特定できていますか。").SubmitAsync(chain.Nisc)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var answer = await HtmlForm.OpenAsync(chain.Secretariat, $"/Reports/{id}", "#Message_OnBehalfOfReporter");
        (await answer.Set("Message.Body", "連絡元によるとVPN機器経由です。").Check("Message.OnBehalfOfReporter").SubmitAsync(chain.Secretariat)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = HtmlForm.Parse(await HtmlAsync(chain.Nisc, $"/Reports/{id}"));
        var messages = page.QuerySelectorAll("#report-thread li.message").ToList();
        messages.Count.ShouldBe(2);
        messages[0].TextContent.ShouldContain("侵入経路は特定できていますか。");
        messages[1].ClassList.ShouldContain("side-on_behalf_of_reporter");
        messages[1].TextContent.ShouldContain("連絡元に代わって回答");
        page.QuerySelector("[data-report-id]")!.GetAttribute("data-report-id").ShouldBe(id.ToString());

        var empty = await HtmlForm.OpenAsync(chain.Nisc, $"/Reports/{id}", "#Message_Body");
        var refused = await empty.Set("Message.Body", "").SubmitAsync(chain.Nisc);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Message.Body']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UpdateAndFinal_ThroughTheForm_KeepVersionsWithTheChangedFields()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain);

        var update = await HtmlForm.OpenAsync(chain.Reporter, $"/Reports/{id}/Update?stage=update", "#Input_Content_Status");
        update.Value("Input.Content.Status").ShouldBe("一部地域で供給支障", "the form starts from the current content");
        (await update.Set("Input.Content.Status", "全域で復旧作業中").SubmitAsync(chain.Reporter)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var final = await HtmlForm.OpenAsync(chain.Reporter, $"/Reports/{id}/Update?stage=final", "#Input_Content_Status");
        final.Value("Input.Stage").ShouldBe("Final");
        (await final.Set("Input.Content.Cause", "VPN機器の脆弱性").Set("Input.Content.Impact.SupplyShortfallKw", "-1").SubmitAsync(chain.Reporter)).StatusCode.ShouldBe(HttpStatusCode.OK, "a negative figure is refused");
        (await final.Set("Input.Content.Impact.SupplyShortfallKw", "150000").SubmitAsync(chain.Reporter)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = HtmlForm.Parse(await HtmlAsync(chain.Nisc, $"/Reports/{id}"));
        var versions = page.QuerySelectorAll("#versions ol.versions > li").ToList();
        versions.Count.ShouldBe(3);
        versions[1].TextContent.ShouldContain("続報");
        versions[1].QuerySelector("table.diff")!.TextContent.ShouldContain("障害の状況");
        versions[1].QuerySelector("table.diff del")!.TextContent.ShouldBe("一部地域で供給支障");
        versions[1].QuerySelector("table.diff ins")!.TextContent.ShouldBe("全域で復旧作業中");
        versions[2].TextContent.ShouldContain("確報");
        versions[2].QuerySelector("table.diff")!.TextContent.ShouldContain("発生原因");
        (await chain.Reporter.GetAsync($"/Reports/{id}/Update")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "nothing follows the final report");
    }

    [Fact]
    public async Task Assessment_ReasonIsRequiredWhenDifferent_ShownBesideTheField_ThenRecorded()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain);
        (await HtmlAsync(chain.Secretariat, $"/Reports/{id}")).ShouldNotContain("Assess.Reason", customMessage: "a secretariat does not assess severity");

        var assess = await HtmlForm.OpenAsync(chain.Nisc, $"/Reports/{id}", "#Assess_Reason");
        assess.Set("Assess.Continuity", "4").Set("Assess.Safety", "2").Set("Assess.Trust", "1");
        var refused = await assess.SubmitAsync(chain.Nisc, "評価を記録");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        HtmlForm.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Assess.Reason']")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        (await assess.Set("Assess.Reason", "広域停電に発展").SubmitAsync(chain.Nisc, "評価を記録")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(chain.Nisc, $"/Reports/{id}");
        page.ShouldContain("広域停電に発展");
        page.ShouldContain("レベル4（危機）");
    }

    [Fact]
    public async Task Emergency_ShowsTheHotlineNumberFromTheDirectory_OrSaysNoneIsOnFile()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "emergency")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var meti = await app.Data.ReferenceOrganisationAsync("meti");
        var contacts = await app.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{meti.Id}/contacts");
        if (contacts.GetArrayLength() == 0)
        {
            (await HtmlAsync(chain.Nisc, $"/Reports/{id}")).ShouldContain("ホットラインの電話番号は登録されていません");
        }

        var added = await app.Admin().PostAsJsonAsync($"/api/v1/organisations/{meti.Id}/contacts",
            new { priority = "primary", name = "サイバーセキュリティ課 当番", email = "desk@meti.example.jp", phone = "03-0000-0000", hours = "24時間365日" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        var atNisc = HtmlForm.Parse(await HtmlAsync(chain.Nisc, $"/Reports/{id}"));
        atNisc.QuerySelector(".hotline .hotline-number")!.TextContent.ShouldBe("03-0000-0000");
        atNisc.QuerySelector(".hotline")!.TextContent.ShouldContain("24時間365日");
        // The reporter, who must call, sees the desks' numbers: government desks' contacts are open to every member.
        var atReporter = HtmlForm.Parse(await HtmlAsync(chain.Reporter, $"/Reports/{id}"));
        atReporter.QuerySelectorAll(".hotline .hotline-number").Select(n => n.TextContent).ShouldContain("03-0000-0000");
    }

    [Fact]
    public async Task Incident_CreatedFromThePage_DrawsItsTimeline_AndCloses()
    {
        var chain = await ReportChain.CreateAsync(app);
        var first = await AtNiscAsync(chain, "北部変電所の供給支障");
        var second = await AtNiscAsync(chain, "南部変電所の供給支障");

        var create = await HtmlForm.OpenAsync(chain.Nisc, $"/Incidents?report={first}", "#Input_Title");
        create.Value("Input.ReportIds").ShouldBe(first.ToString(), "the report the desk came from is picked");
        var refused = await create.SubmitAsync(chain.Nisc);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the title is required");
        HtmlForm.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        var created = await create.Set("Input.Title", "電力の広域障害").Check("Input.ReportIds", second.ToString()).SubmitAsync(chain.Nisc);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = created.Headers.Location!.ToString();

        var page = HtmlForm.Parse(await HtmlAsync(chain.Nisc, path));
        page.QuerySelectorAll("#incident-reports tbody tr").Length.ShouldBe(2);
        page.QuerySelector("#timeline svg").ShouldNotBeNull();
        page.QuerySelectorAll("#timeline svg .tl-mark").Length.ShouldBeGreaterThanOrEqualTo(2 * 5, "aware, first report, three desks received, two forwarded per report");
        page.QuerySelectorAll("#timeline svg .tl-first_report").Length.ShouldBe(2);

        var close = HtmlForm.Find(page, path, "button[name=state]");
        (await close.SubmitAsync(chain.Nisc, "事案を終結")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlAsync(chain.Nisc, path)).ShouldContain("事案を再開");
        (await chain.Reporter.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "incidents are the desks' work");
    }

    [Fact]
    public async Task Statistics_CountTheOutageBeyondTheVerificationLevel_AsTableChartAndCsv()
    {
        var chain = await ReportChain.CreateAsync(app);
        await AtNiscAsync(chain);
        var page = HtmlForm.Parse(await HtmlAsync(chain.Nisc, "/Statistics/Reports"));
        var fiscalYear = Renkei.Reports.ReportStatistics.FiscalYear(DateTime.UtcNow.AddHours(-2));
        var row = page.QuerySelectorAll("#beyond-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList())
            .FirstOrDefault(c => c[0] == $"{fiscalYear}年度" && c[1] == "電力");
        row.ShouldNotBeNull();
        int.Parse(row[2], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        page.QuerySelector("#chart-verification svg rect.bar").ShouldNotBeNull();
        page.QuerySelector("#by-sector")!.TextContent.ShouldContain("電力");

        var csv = await chain.Nisc.GetAsync("/Statistics/Reports?handler=Csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain($"{fiscalYear},electricity,");
    }

    [Fact]
    public async Task Pages_SpeakEnglish_WhenChosen()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain);
        var switcher = await HtmlForm.OpenAsync(chain.Nisc, $"/Reports/{id}", "form.lang-switch button[value=en]");
        (await switcher.SubmitAsync(chain.Nisc, "English")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await HtmlAsync(chain.Nisc, $"/Reports/{id}");
        page.ShouldContain("a member of Electricity CEPTOAR");
        page.ShouldContain("First report");
        page.ShouldContain("Questions and answers");
        (await HtmlAsync(chain.Nisc, "/Reports")).ShouldContain("Incident reports");
    }

    [Fact]
    public async Task Queue_FiltersBySectorStateAndOverdue_AndHasAStableId()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = await AtNiscAsync(chain, "フィルタ確認用の供給支障");
        var page = HtmlForm.Parse(await HtmlAsync(chain.Nisc, "/Reports?sector=electricity&state=Acknowledged&q=%E3%83%95%E3%82%A3%E3%83%AB%E3%82%BF"));
        page.QuerySelectorAll($"#report-queue tr[data-report-id='{id}']").Length.ShouldBe(1);
        (await HtmlAsync(chain.Nisc, "/Reports?sector=gas&q=%E3%83%95%E3%82%A3%E3%83%AB%E3%82%BF")).ShouldNotContain(id.ToString());
        (await HtmlAsync(chain.Nisc, "/Reports?overdue=true&q=%E3%83%95%E3%82%A3%E3%83%AB%E3%82%BF")).ShouldNotContain(id.ToString());
        (await HtmlAsync(chain.Nisc, "/Reports?minSeverity=4&q=%E3%83%95%E3%82%A3%E3%83%AB%E3%82%BF")).ShouldNotContain(id.ToString());
    }
}

public sealed class ReportPageTests_Sqlite(SqliteApp app) : ReportPageTests<SqliteApp>(app);

public sealed class ReportPageTests_Postgres(PostgresApp app) : ReportPageTests<PostgresApp>(app);
