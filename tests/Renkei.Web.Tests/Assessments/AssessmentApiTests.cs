using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Assessments;

/// <summary>
/// The assessment engine (issue 16): framework import refuses bad documents whole, answers are
/// type-checked, a closed campaign takes no answers, and aggregates never give away one
/// operator's answers (k-threshold, complementary suppression, no raw answers for ministries).
/// </summary>
public abstract class AssessmentApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Api = "/api/v1/assessments";

    private static object Framework(string code, object[] items) => new { code, version = 1, titleJa = "浸透状況調査", titleEn = "Penetration survey", kind = "survey", items };

    private static readonly object[] Items =
    [
        new { code = "A", textJa = "認知", textEn = "Awareness", answerType = "yes_no_partly", scores = new Dictionary<string, double> { ["yes"] = 2, ["partly"] = 1, ["no"] = 0 } },
        new { code = "A.1", parent = "A", textJa = "内規", textEn = "Internal rules", answerType = "choice", choices = new[] { new { code = "set", labelJa = "制定済", labelEn = "Set" }, new { code = "none", labelJa = "未制定", labelEn = "None" } } },
        new { code = "B", textJa = "演習", textEn = "Drills", answerType = "number" },
        new { code = "C", textJa = "監査", textEn = "Audits", answerType = "multi_choice", choices = new[] { new { code = "internal", labelJa = "内部", labelEn = "Internal" }, new { code = "external", labelJa = "外部", labelEn = "External" } } },
    ];

    private async Task<(HttpClient Nisc, Guid FrameworkId)> FrameworkAsync()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var code = "t" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await nisc.PostAsJsonAsync($"{Api}/frameworks", Framework(code, Items)), HttpStatusCode.Created);
        var list = await OkAsync(await nisc.GetAsync($"{Api}/frameworks"));
        return (nisc, list.EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> CampaignAsync(HttpClient owner, Guid frameworkId, string sector)
    {
        var c = await OkAsync(await owner.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId,
            titleJa = "令和8年度調査",
            titleEn = "FY2026 survey",
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "sector", key = sector } },
        }), HttpStatusCode.Created);
        var id = c.GetProperty("id").GetGuid();
        (await OkAsync(await owner.PostAsync($"{Api}/campaigns/{id}/open", null))).GetProperty("acceptsAnswers").GetBoolean().ShouldBeTrue();
        return id;
    }

    private static async Task SubmitAsync(HttpClient op, Guid campaign, string a, string choice = "set", double drills = 2)
    {
        await OkAsync(await op.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new
        {
            answers = new object[]
            {
                new { item = "A", value = a }, new { item = "A.1", value = choice }, new { item = "B", value = drills }, new { item = "C", value = new[] { "internal" } },
            },
        }));
        (await OkAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/submit", null))).GetProperty("state").GetString().ShouldBe("submitted");
    }

    [Fact]
    public async Task FrameworkImport_RefusesDuplicatesCyclesUnknownParentsAndBadCsv_Whole()
    {
        var (nisc, id) = await FrameworkAsync();
        var code = "bad" + Guid.NewGuid().ToString("N")[..8];
        var errors = await ErrorsAsync(await nisc.PostAsJsonAsync($"{Api}/frameworks", Framework(code, [
            new { code = "X", parent = "Y", textJa = "x", textEn = "x", answerType = "text" },
            new { code = "Y", parent = "X", textJa = "y", textEn = "y", answerType = "text" },
            new { code = "Y", textJa = "y", textEn = "y", answerType = "colour" },
            new { code = "Z", parent = "nowhere", textJa = "z", textEn = "z", answerType = "text" },
        ])));
        errors.ShouldContainKey("items[2].code");
        errors.ShouldContainKey("items[2].answerType");
        errors.ShouldContainKey("items[0].parent");
        errors.ShouldContainKey("items[3].parent");
        (await OkAsync(await nisc.GetAsync($"{Api}/frameworks"))).EnumerateArray().ShouldNotContain(f => f.GetProperty("code").GetString() == code, "nothing half-applied");

        // CSV: a round trip, then wrong columns and a bad line.
        var csv = await nisc.GetByteArrayAsync($"{Api}/frameworks/{id}/csv");
        var copy = await nisc.PostAsync($"{Api}/frameworks/csv?code={code}&version=1&titleJa=t&titleEn=t&kind=survey", new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } });
        (await OkAsync(copy, HttpStatusCode.Created)).GetProperty("items").GetArrayLength().ShouldBe(4);
        var wrong = await ErrorsAsync(await nisc.PostAsync($"{Api}/frameworks/csv?code={code}x&version=1&titleJa=t&titleEn=t&kind=survey",
            new StringContent("code,colour\nA,red\n", Encoding.UTF8, "text/csv")));
        wrong.ShouldContainKey("file");
        var badLine = await ErrorsAsync(await nisc.PostAsync($"{Api}/frameworks/csv?code={code}y&version=1&titleJa=t&titleEn=t&kind=survey",
            new StringContent("code,answer_type,text_ja,text_en\nA,text,a,a\nA,number,b,b\n", Encoding.UTF8, "text/csv")));
        badLine.ShouldContainKey("line 3.code");
        (await nisc.PostAsJsonAsync($"{Api}/frameworks", Framework(code, Items))).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a version is never changed");
    }

    [Fact]
    public async Task Answers_AreTypeChecked_Versioned_AndRefusedOnceClosed()
    {
        var (nisc, fw) = await FrameworkAsync();
        var campaign = await CampaignAsync(nisc, fw, "water");
        var (op, _, _) = await app.OperatorAsync("water", null, Role.Coordinator);
        var errors = await ErrorsAsync(await op.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new
        {
            answers = new object[] { new { item = "A", value = "maybe" }, new { item = "B", value = "three" }, new { item = "C", value = new[] { "other" } }, new { item = "Q9", value = "yes" } },
        }));
        errors.Keys.ShouldBe(["answers[0].value", "answers[1].value", "answers[2].value", "answers[3].item"], ignoreOrder: true);
        (await op.GetAsync($"{Api}/campaigns/{campaign}/response")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nothing half-applied");

        await OkAsync(await op.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new { answers = new[] { new { item = "A", value = "no" } } }));
        var r = await OkAsync(await op.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new { answers = new[] { new { item = "A", value = "yes" } } }));
        r.GetProperty("answers")[0].GetProperty("version").GetInt32().ShouldBe(2);
        var history = await OkAsync(await op.GetAsync($"{Api}/campaigns/{campaign}/responses/{r.GetProperty("id").GetGuid()}/history"));
        history.EnumerateArray().Select(h => h.GetProperty("value").GetString()).ShouldBe(["no", "yes"]);

        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/close", null));
        (await op.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new { answers = new[] { new { item = "A", value = "no" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Aggregates_WithholdSmallCells_AndAMinistryNeverGetsOneOperatorsAnswers()
    {
        var (nisc, fw) = await FrameworkAsync();
        var campaign = await CampaignAsync(nisc, fw, "gas");
        var operators = new List<(HttpClient Client, Organisation Org)>();
        for (var i = 0; i < 5; i++)
        {
            var (c, _, o) = await app.OperatorAsync("gas", null, Role.Coordinator);
            operators.Add((c, o));
            await SubmitAsync(c, campaign, i < 3 ? "yes" : "partly", drills: i);
        }
        var ministry = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.Ministry, null)).Id, Role.Coordinator)).Client;
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/close", null));
        var agg = await OkAsync(await ministry.GetAsync($"{Api}/campaigns/{campaign}/aggregates"));
        agg.GetProperty("published").GetBoolean().ShouldBeTrue();
        var gasA = agg.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("sectorCode").GetString() == "gas" && c.GetProperty("item").GetString() == "A");
        gasA.GetProperty("withheld").GetBoolean().ShouldBeFalse();
        gasA.GetProperty("respondents").GetInt32().ShouldBe(5);
        gasA.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("key").GetString(), v.GetProperty("count").GetInt32())).ShouldBe([("partly", 2), ("yes", 3)]);

        // A sixth operator in another sector alone: its cell is withheld, and so is one more, so
        // that the national figure minus the shown sectors does not give it away.
        var (lone, _, _) = await app.OperatorAsync("chemicals", null, Role.Coordinator);
        var allCi = await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = fw,
            titleJa = "全分野",
            titleEn = "All",
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(3),
            audience = new object[] { new { kind = "sector", key = "gas" }, new { kind = "sector", key = "chemicals" } },
        }), HttpStatusCode.Created);
        var both = allCi.GetProperty("id").GetGuid();
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{both}/open", null));
        foreach (var (c, _) in operators)
        {
            await SubmitAsync(c, both, "yes");
        }
        await SubmitAsync(lone, both, "no");
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{both}/close", null));
        var cells = (await OkAsync(await ministry.GetAsync($"{Api}/campaigns/{both}/aggregates"))).GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("item").GetString() == "A").ToList();
        cells.Single(c => c.GetProperty("sectorCode").GetString() == "chemicals").GetProperty("withheld").GetBoolean().ShouldBeTrue();
        var national = cells.Single(c => c.GetProperty("sectorCode").ValueKind == JsonValueKind.Null);
        var gas = cells.Single(c => c.GetProperty("sectorCode").GetString() == "gas");
        (national.GetProperty("withheld").GetBoolean() || gas.GetProperty("withheld").GetBoolean())
            .ShouldBeTrue("national minus gas would be the lone chemical operator's answer");
        var csv = await ministry.GetStringAsync($"{Api}/campaigns/{both}/aggregates.csv");
        csv.ShouldContain("chemicals,A,withheld");
        csv.ShouldNotContain("chemicals,A,shown");

        // No surface hands the ministry or NISC one operator's answers.
        var own = await OkAsync(await lone.GetAsync($"{Api}/campaigns/{both}/response"));
        var responseId = own.GetProperty("id").GetGuid();
        foreach (var reader in new[] { ministry, nisc, app.Admin() })
        {
            (await reader.GetAsync($"{Api}/campaigns/{both}/responses/{responseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await reader.GetAsync($"{Api}/campaigns/{both}/responses/{responseId}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await reader.GetAsync($"{Api}/campaigns/{both}/response")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await lone.GetAsync($"{Api}/campaigns/{both}/aggregates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a respondent reads its gap view, not all sectors");

        // Shared with the owner: then (and only then) the owner reads it.
        await OkAsync(await lone.PostAsync($"{Api}/campaigns/{both}/response/share", null));
        await OkAsync(await nisc.GetAsync($"{Api}/campaigns/{both}/responses/{responseId}"));
        (await ministry.GetAsync($"{Api}/campaigns/{both}/responses/{responseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "shared with the owner, not the ministry");

        // Response rate: the owner sees who has not answered.
        var (_, _, lateOrg) = await app.OperatorAsync("gas", null, Role.Coordinator);
        var rate = await OkAsync(await nisc.GetAsync($"{Api}/campaigns/{both}/response-rate"));
        rate.GetProperty("notSubmitted").EnumerateArray().ShouldContain(o => o.GetProperty("organisationId").GetGuid() == lateOrg.Id);
        (await OkAsync(await ministry.GetAsync($"{Api}/campaigns/{both}/response-rate"))).GetProperty("notSubmitted").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Aggregates_PublishedOnlyAtClose_SoNeitherTricklingAnswersNorTwoFiltersIsolateOneOperator()
    {
        var (nisc, fw) = await FrameworkAsync();
        var c = await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = fw,
            titleJa = "差分攻撃",
            titleEn = "Differencing",
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new object[] { new { kind = "sector", key = "electricity" }, new { kind = "sector", key = "petroleum" } },
        }), HttpStatusCode.Created);
        var campaign = c.GetProperty("id").GetGuid();
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/open", null));
        var ministry = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.Ministry, null)).Id, Role.Coordinator)).Client;
        var operators = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            operators.Add((await app.OperatorAsync("electricity", null, Role.Coordinator)).Client);
        }
        var (lone, _, _) = await app.OperatorAsync("petroleum", null, Role.Coordinator);

        // Reads before and after each submission are the same: nothing is published while answers come in.
        var reads = new List<string>();
        for (var i = 0; i < operators.Count; i++)
        {
            reads.Add(await ministry.GetStringAsync($"{Api}/campaigns/{campaign}/aggregates"));
            await SubmitAsync(operators[i], campaign, i == 5 ? "no" : "yes", drills: i == 5 ? 100 : 1);
        }
        await SubmitAsync(lone, campaign, "partly", drills: 7);
        reads.Add(await ministry.GetStringAsync($"{Api}/campaigns/{campaign}/aggregates"));
        reads.Distinct().Count().ShouldBe(1, "a difference between two reads would be the answer submitted in between");
        foreach (var reader in new[] { ministry, nisc })
        {
            var unpublished = await OkAsync(await reader.GetAsync($"{Api}/campaigns/{campaign}/aggregates"));
            unpublished.GetProperty("published").GetBoolean().ShouldBeFalse();
            unpublished.GetProperty("cells").GetArrayLength().ShouldBe(0);
            var csv = await reader.GetAsync($"{Api}/campaigns/{campaign}/aggregates.csv");
            csv.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            csv.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        // The owner follows the response rate all along.
        (await OkAsync(await nisc.GetAsync($"{Api}/campaigns/{campaign}/response-rate"))).GetProperty("sectors").EnumerateArray()
            .Single(s => s.GetProperty("sectorCode").GetString() == "electricity").GetProperty("submitted").GetInt32().ShouldBe(6);

        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/close", null));
        var published = await ministry.GetStringAsync($"{Api}/campaigns/{campaign}/aggregates");
        // There are no filters to difference: whatever a reader adds to the query, the same cells come back.
        foreach (var filter in new[] { "?sector=electricity", "?sector=petroleum&item=A", "?ceptoar=electricity", "?organisationId=" + Guid.NewGuid() })
        {
            (await ministry.GetStringAsync($"{Api}/campaigns/{campaign}/aggregates{filter}")).ShouldBe(published, filter);
        }
        var view = JsonDocument.Parse(published).RootElement;
        view.GetProperty("published").GetBoolean().ShouldBeTrue();
        foreach (var item in new[] { "A", "A.1", "B", "C" })
        {
            var cells = view.GetProperty("cells").EnumerateArray().Where(x => x.GetProperty("item").GetString() == item).ToList();
            cells.Where(x => !x.GetProperty("withheld").GetBoolean()).ShouldAllBe(x => x.GetProperty("respondents").GetInt32() >= 5, "no shown cell is below k");
            cells.Single(x => x.GetProperty("sectorCode").GetString() == "petroleum").GetProperty("withheld").GetBoolean().ShouldBeTrue();
            var national = cells.Single(x => x.GetProperty("sectorCode").ValueKind == JsonValueKind.Null);
            if (!national.GetProperty("withheld").GetBoolean())
            {
                // National minus every shown sector is what the withheld sectors hold together: never 1 to k-1 respondents.
                var rest = national.GetProperty("respondents").GetInt32() - cells.Where(x => x.GetProperty("sectorCode").ValueKind != JsonValueKind.Null && !x.GetProperty("withheld").GetBoolean())
                    .Sum(x => x.GetProperty("respondents").GetInt32());
                (rest == 0 || rest >= 5).ShouldBeTrue($"item {item}: national minus the shown sectors leaves {rest} respondents");
            }
        }
        // Closed, the figures no longer move: a late answer is refused and the next read is the same.
        (await lone.PutAsJsonAsync($"{Api}/campaigns/{campaign}/response/answers", new { answers = new[] { new { item = "A", value = "yes" } } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ministry.GetStringAsync($"{Api}/campaigns/{campaign}/aggregates")).ShouldBe(published);
        (await ministry.GetStringAsync($"{Api}/campaigns/{campaign}/aggregates.csv")).ShouldNotContain("petroleum,A,shown");
    }

    [Fact]
    public async Task YearOnYear_CarriesThePreviousClosedCampaignsShares_ProtectedTheSameWay()
    {
        var (nisc, fw) = await FrameworkAsync();
        var operators = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            operators.Add((await app.OperatorAsync("railways", null, Role.Coordinator)).Client);
        }
        async Task<Guid> YearAsync(int year, Guid? previousCampaignId)
        {
            var c = await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
            {
                frameworkId = fw,
                titleJa = $"{year}年度調査",
                titleEn = $"FY{year} survey",
                opensAt = DateTime.UtcNow.AddDays(year - 2031),
                closesAt = DateTime.UtcNow.AddDays(30),
                audience = new[] { new { kind = "sector", key = "railways" } },
                previousCampaignId,
            }), HttpStatusCode.Created);
            var id = c.GetProperty("id").GetGuid();
            await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{id}/open", null));
            return id;
        }
        var first = await YearAsync(2026, null);
        for (var i = 0; i < 4; i++)
        {
            await SubmitAsync(operators[i], first, "no");
        }
        // The fifth answers item A only: last year's B cell had four respondents.
        await OkAsync(await operators[4].PutAsJsonAsync($"{Api}/campaigns/{first}/response/answers", new { answers = new[] { new { item = "A", value = "yes" } } }));
        await OkAsync(await operators[4].PostAsync($"{Api}/campaigns/{first}/response/submit", null));
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{first}/close", null));

        // The next year names no previous campaign: the owner's latest closed one of the framework is used.
        var second = await YearAsync(2027, null);
        foreach (var op in operators)
        {
            await SubmitAsync(op, second, "yes");
        }
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{second}/close", null));
        var ministry = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.Ministry, null)).Id, Role.Coordinator)).Client;
        var agg = await OkAsync(await ministry.GetAsync($"{Api}/campaigns/{second}/aggregates"));
        agg.GetProperty("previousCampaignId").GetGuid().ShouldBe(first);
        var railA = agg.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("sectorCode").GetString() == "railways" && c.GetProperty("item").GetString() == "A");
        railA.GetProperty("values").EnumerateArray().Single().GetProperty("share").GetDouble().ShouldBe(1);
        var before = railA.GetProperty("previous");
        before.GetProperty("withheld").GetBoolean().ShouldBeFalse();
        before.GetProperty("respondents").GetInt32().ShouldBe(5);
        before.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("key").GetString(), v.GetProperty("share").GetDouble())).ShouldBe([("no", 0.8), ("yes", 0.2)]);
        // Last year's B cell was below k: this year's is shown, last year's stays withheld beside it.
        var railB = agg.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("sectorCode").GetString() == "railways" && c.GetProperty("item").GetString() == "B");
        railB.GetProperty("withheld").GetBoolean().ShouldBeFalse();
        railB.GetProperty("previous").GetProperty("withheld").GetBoolean().ShouldBeTrue();
        railB.GetProperty("previous").GetProperty("respondents").ValueKind.ShouldBe(JsonValueKind.Null);
        railB.GetProperty("previous").GetProperty("mean").ValueKind.ShouldBe(JsonValueKind.Null);

        // The gap view sets last year's sector shares beside this year's.
        var gap = await OkAsync(await operators[0].GetAsync($"{Api}/campaigns/{second}/gap-view"));
        gap.GetProperty("previousCampaignId").GetGuid().ShouldBe(first);
        gap.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "A").GetProperty("sector").GetProperty("previous")
            .GetProperty("respondents").GetInt32().ShouldBe(5);

        // A named previous campaign must be of the same framework code, opened earlier.
        var (_, other) = await FrameworkAsync();
        var wrong = await ErrorsAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = other,
            titleJa = "別調査",
            titleEn = "Other",
            opensAt = DateTime.UtcNow,
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "sector", key = "railways" } },
            previousCampaignId = first,
        }));
        wrong.ShouldContainKey("previousCampaignId");
        var named = await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = fw,
            titleJa = "2028年度調査",
            titleEn = "FY2028 survey",
            opensAt = DateTime.UtcNow.AddDays(1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "sector", key = "railways" } },
            previousCampaignId = first,
        }), HttpStatusCode.Created);
        named.GetProperty("previousCampaignId").GetGuid().ShouldBe(first);
    }

    [Fact]
    public async Task GapView_SetsOwnAnswersBesideTheSectorDistribution()
    {
        var (nisc, fw) = await FrameworkAsync();
        var campaign = await CampaignAsync(nisc, fw, "aviation");
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            var (c, _, _) = await app.OperatorAsync("aviation", null, Role.Coordinator);
            clients.Add(c);
            await SubmitAsync(c, campaign, i == 0 ? "no" : "yes");
        }
        // While the campaign is open the sector's figures are not published; the own answers are there.
        var open = await OkAsync(await clients[0].GetAsync($"{Api}/campaigns/{campaign}/gap-view"));
        open.GetProperty("published").GetBoolean().ShouldBeFalse();
        var openA = open.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "A");
        openA.GetProperty("own").GetString().ShouldBe("no");
        openA.GetProperty("sector").GetProperty("withheld").GetBoolean().ShouldBeTrue();
        openA.GetProperty("sector").GetProperty("values").ValueKind.ShouldBe(JsonValueKind.Null);
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/close", null));
        var gap = await OkAsync(await clients[0].GetAsync($"{Api}/campaigns/{campaign}/gap-view"));
        gap.GetProperty("sectorCode").GetString().ShouldBe("aviation");
        var a = gap.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "A");
        a.GetProperty("own").GetString().ShouldBe("no");
        a.GetProperty("sector").GetProperty("values").EnumerateArray().Single(v => v.GetProperty("key").GetString() == "yes").GetProperty("count").GetInt32().ShouldBe(4);
        var b = gap.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "B");
        b.GetProperty("sector").GetProperty("mean").GetDouble().ShouldBe(2);
    }
}

public sealed class AssessmentApiTests_Sqlite(SqliteApp app) : AssessmentApiTests<SqliteApp>(app);

public sealed class AssessmentApiTests_Postgres(PostgresApp app) : AssessmentApiTests<PostgresApp>(app);
