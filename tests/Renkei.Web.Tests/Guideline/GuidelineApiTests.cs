using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Guideline;

/// <summary>
/// The guideline (指針) on the assessment engine: the shipped versions (initial, revision 改定,
/// addendum 追補版) compare item by item; NISC publishes the next with the kind that fits what
/// changed; the ministry in charge records how its sector's standards cover each item, all or
/// nothing, versioned; a later version shows what it leaves uncovered or stale.
/// </summary>
public abstract class GuidelineApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Api = "/api/v1/guideline";

    private async Task<HttpClient> AtAsync(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    private static async Task<List<JsonElement>> RevisionsAsync(HttpClient client) => (await OkAsync(await client.GetAsync($"{Api}/revisions"))).EnumerateArray().ToList();

    private static async Task<Guid> RevisionIdAsync(HttpClient client, int version) =>
        (await RevisionsAsync(client)).Single(r => r.GetProperty("version").GetInt32() == version).GetProperty("id").GetGuid();

    /// <summary>A new telecom document of MIC's, so each test's coverage is its own.</summary>
    private static async Task<Guid> StandardAsync(HttpClient ministry, string sector, string title) =>
        (await OkAsync(await ministry.PostAsJsonAsync("/api/v1/standards", new { sector, kind = "recommended", titleJa = title }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static List<object> ItemsOf(JsonElement detail, Func<JsonElement, object>? change = null) =>
        detail.GetProperty("items").EnumerateArray().Select(i => change?.Invoke(i) ?? Item(i)).ToList();

    private static object Item(JsonElement i, string? textJa = null, string? concreteJa = null) => new
    {
        code = i.GetProperty("code").GetString(),
        parent = i.GetProperty("parent").GetString(),
        classification = i.GetProperty("classification").GetString(),
        textJa = textJa ?? i.GetProperty("textJa").GetString(),
        textEn = i.GetProperty("textEn").GetString(),
        concreteJa = concreteJa ?? Text(i, "concreteJa"),
        concreteEn = Text(i, "concreteEn"),
        guidanceJa = Text(i, "guidanceJa"),
        guidanceEn = Text(i, "guidanceEn"),
        answerType = "yes_no_partly",
    };

    private static string? Text(JsonElement i, string name) => i.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public async Task ShippedVersions_AreListed_AndCompareItemByItem()
    {
        var viewer = (await app.OperatorAsync("electricity", null, Role.Viewer)).Client;
        var revisions = await RevisionsAsync(viewer);
        revisions.Take(3).Select(r => r.GetProperty("kind").GetString()).ShouldBe(["initial", "revision", "addendum"]);
        revisions[0].GetProperty("seed").GetString()!.ShouldContain("002");

        var v2 = revisions[1].GetProperty("id").GetGuid();
        var diff = await OkAsync(await viewer.GetAsync($"{Api}/revisions/{v2}/diff"));
        diff.GetProperty("fromVersion").GetInt32().ShouldBe(1);
        diff.GetProperty("added").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["II-lessons"]);
        var changed = diff.GetProperty("changed").EnumerateArray().Single();
        changed.GetProperty("code").GetString().ShouldBe("II-3-4-2-a-2");
        changed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["textJa", "textEn", "concreteJa", "concreteEn"]);
        diff.GetProperty("frameChanged").GetBoolean().ShouldBeTrue();

        var v3 = revisions[2].GetProperty("id").GetGuid();
        var addendum = await OkAsync(await viewer.GetAsync($"{Api}/revisions/{v3}/diff?from={revisions[0].GetProperty("id").GetGuid()}"));
        addendum.GetProperty("added").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["II-lessons", "R-emergency", "R-bcp-guidelines"]);
        var detail = await OkAsync(await viewer.GetAsync($"{Api}/revisions/{v3}"));
        var reference = detail.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "R-emergency");
        reference.GetProperty("classification").GetString().ShouldBe("reference");
        reference.GetProperty("concreteJa").GetString()!.ShouldContain("非常時");

        (await viewer.GetAsync($"{Api}/revisions/{v2}/diff?from={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await viewer.GetAsync($"{Api}/revisions/{Guid.NewGuid()}/diff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nisc_Publishes_WithTheKindThatFits_OthersMayNot()
    {
        var nisc = await AtAsync("nisc", Role.Coordinator);
        var before = await RevisionsAsync(nisc);
        var latest = before[^1];
        var detail = await OkAsync(await nisc.GetAsync($"{Api}/revisions/{latest.GetProperty("id").GetGuid()}"));
        var frameChange = ItemsOf(detail, i => i.GetProperty("code").GetString() == "II-lessons" ? Item(i, textJa: "相互依存性解析の成果を踏まえた対策（改）" + Guid.NewGuid()) : Item(i));
        object Publish(string kind, List<object> items, int? previous) => new { kind, publishedOn = "2030-04-01", noteJa = "テスト", noteEn = "Test", previous, items };
        var version = latest.GetProperty("version").GetInt32();

        foreach (var other in new[] { await AtAsync("mic", Role.Coordinator), (await app.OperatorAsync("telecom", null, Role.Admin)).Client, await AtAsync("nisc", Role.Analyst) })
        {
            (await other.PostAsJsonAsync($"{Api}/revisions", Publish("revision", frameChange, version))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await ErrorsAsync(await nisc.PostAsJsonAsync($"{Api}/revisions", Publish("addendum", frameChange, version)))).ShouldContainKey("kind");
        (await ErrorsAsync(await nisc.PostAsJsonAsync($"{Api}/revisions", Publish("revision", ItemsOf(detail), version)))).ShouldContainKey("items");
        var unclassified = ItemsOf(detail, i => new { code = i.GetProperty("code").GetString(), textJa = "x", textEn = "x", answerType = "yes_no_partly", classification = i.GetProperty("code").GetString() == "II" ? "must" : null });
        var errors = await ErrorsAsync(await nisc.PostAsJsonAsync($"{Api}/revisions", Publish("revision", unclassified, version)));
        errors.ShouldContainKey("items[0].classification");
        errors.ShouldContainKey("items[1].classification");
        (await ErrorsAsync(await nisc.PostAsJsonAsync($"{Api}/revisions", Publish("revision", frameChange, null)))).ShouldContainKey("previous");
        var stale = await nisc.PostAsJsonAsync($"{Api}/revisions", Publish("revision", frameChange, version - 1));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("previous", out _).ShouldBeTrue();
        (await RevisionsAsync(nisc)).Count.ShouldBe(before.Count, "nothing was half-published");

        var published = await OkAsync(await nisc.PostAsJsonAsync($"{Api}/revisions", Publish("revision", frameChange, version)), HttpStatusCode.Created);
        published.GetProperty("version").GetInt32().ShouldBe(version + 1);
        published.GetProperty("kind").GetString().ShouldBe("revision");
        var diff = await OkAsync(await nisc.GetAsync($"{Api}/revisions/{published.GetProperty("id").GetGuid()}/diff"));
        diff.GetProperty("changed").EnumerateArray().Single().GetProperty("code").GetString().ShouldBe("II-lessons");

        // The guideline's framework is published here only, never imported as an ordinary framework.
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/assessments/frameworks", new
        {
            code = "nisc-guideline",
            version = 99,
            titleJa = "x",
            titleEn = "x",
            kind = "guideline",
            items = new[] { new { code = "a", textJa = "a", textEn = "a", answerType = "yes_no_partly" } },
        }))).ShouldContainKey("code");
    }

    [Fact]
    public async Task MinistryInCharge_RecordsCoverage_AndTheMatricesShowIt()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var standard = await StandardAsync(mic, "telecom", "テスト 指針対応文書 " + Guid.NewGuid());
        var v3 = await RevisionIdAsync(mic, 3);
        var saved = await OkAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new
        {
            standardId = standard,
            revision = v3,
            entries = new object[]
            {
                new { item = "II-3-4-2-a-2", level = "measures_and_checklist", note = "対策チェックシートあり" },
                new { item = "R-emergency", level = "not_required" },
                new { item = "II-lessons", level = "not_covered" },
            },
        }));
        saved.GetArrayLength().ShouldBe(3);

        var matrix = await OkAsync(await mic.GetAsync($"{Api}/coverage/telecom?revision={v3}"));
        matrix.GetProperty("mayRecord").GetBoolean().ShouldBeTrue();
        var column = matrix.GetProperty("standards").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList().IndexOf(standard);
        column.ShouldBeGreaterThanOrEqualTo(0);
        JsonElement Row(string code) => matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("item").GetProperty("code").GetString() == code);
        Row("II-3-4-2-a-2").GetProperty("status").GetString().ShouldBe("covered");
        var cell = Row("II-3-4-2-a-2").GetProperty("cells")[column].GetProperty("coverage");
        cell.GetProperty("note").GetString().ShouldBe("対策チェックシートあり");
        cell.GetProperty("assessedVersion").GetInt32().ShouldBe(3);

        var national = await OkAsync(await (await AtAsync("nisc", Role.Viewer)).GetAsync($"{Api}/coverage?revision={v3}"));
        var telecom = national.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("sectorCode").GetString() == "telecom");
        telecom.GetProperty("covered").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        telecom.GetProperty("share").GetDouble().ShouldBeGreaterThan(0);

        // An operator of the sector reads its sector's coverage; one of another sector does not.
        var ownSector = (await app.OperatorAsync("telecom", null, Role.Viewer)).Client;
        (await OkAsync(await ownSector.GetAsync($"{Api}/coverage/telecom?revision={v3}"))).GetProperty("mayRecord").GetBoolean().ShouldBeFalse();
        var elsewhere = await OkAsync(await (await app.OperatorAsync("electricity", null, Role.Viewer)).Client.GetAsync($"{Api}/coverage/telecom?revision={v3}"));
        elsewhere.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray())
            .ShouldAllBe(c => c.GetProperty("coverage").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task OnlyTheMinistryInCharge_OrNisc_Record()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var standard = await StandardAsync(mic, "telecom", "テスト 権限 " + Guid.NewGuid());
        object Body() => new { standardId = standard, entries = new[] { new { item = "II", level = "included" } } };
        foreach (var other in new[] { await AtAsync("fsa", Role.Coordinator), (await app.OperatorAsync("telecom", null, Role.Admin)).Client, await AtAsync("mic", Role.Viewer) })
        {
            (await other.PutAsJsonAsync($"{Api}/coverage", Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await (await AtAsync("nisc", Role.Coordinator)).PutAsJsonAsync($"{Api}/coverage", Body())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BadCoverage_NamesTheField_AndNothingIsHalfApplied()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var standard = await StandardAsync(mic, "telecom", "テスト 入力誤り " + Guid.NewGuid());
        var v3 = await RevisionIdAsync(mic, 3);
        var first = await OkAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new { standardId = standard, revision = v3, entries = new[] { new { item = "II", level = "included" } } }));
        var version = first[0].GetProperty("version").GetInt32();

        var unknownItem = await ErrorsAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new
        {
            standardId = standard,
            revision = v3,
            entries = new object[] { new { item = "II", level = "not_covered", version }, new { item = "no-such-item", level = "included" } },
        }));
        unknownItem.ShouldContainKey("entries[1].item");
        (await ErrorsAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new { standardId = standard, revision = v3, entries = new[] { new { item = "II-lessons", level = "mostly" } } })))
            .ShouldContainKey("entries[0].level");
        (await ErrorsAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new { standardId = standard, revision = v3, entries = new[] { new { item = "II", level = "not_covered" } } })))
            .ShouldContainKey("entries[0].version");
        (await ErrorsAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new { standardId = Guid.NewGuid(), entries = new[] { new { item = "II", level = "included" } } })))
            .ShouldContainKey("standardId");
        (await ErrorsAsync(await mic.PutAsJsonAsync($"{Api}/coverage", new { standardId = standard, revision = Guid.NewGuid(), entries = new[] { new { item = "II", level = "included" } } })))
            .ShouldContainKey("revision");

        var stale = await mic.PutAsJsonAsync($"{Api}/coverage", new
        {
            standardId = standard,
            revision = v3,
            entries = new object[] { new { item = "II-lessons", level = "included" }, new { item = "II", level = "not_covered", version = version + 5 } },
        });
        var body = await stale.Content.ReadAsStringAsync();
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("entries[1].version", out _).ShouldBeTrue(body);

        var matrix = await OkAsync(await mic.GetAsync($"{Api}/coverage/telecom?revision={v3}"));
        var column = matrix.GetProperty("standards").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList().IndexOf(standard);
        var cells = matrix.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("item").GetProperty("code").GetString()!, r => r.GetProperty("cells")[column].GetProperty("coverage"));
        cells["II"].GetProperty("level").GetString().ShouldBe("included");
        cells["II"].GetProperty("version").GetInt32().ShouldBe(version);
        cells["II-lessons"].ValueKind.ShouldBe(JsonValueKind.Null, "the valid entry of a refused request is not stored");
    }

    [Fact]
    public async Task LaterVersion_ShowsWhatItLeavesUncoveredOrStale()
    {
        var mhlw = await AtAsync("mhlw", Role.Coordinator);
        var standard = await StandardAsync(mhlw, "water", "テスト 水道 指針対応 " + Guid.NewGuid());
        var v1 = await RevisionIdAsync(mhlw, 1);
        var v3 = await RevisionIdAsync(mhlw, 3);
        await OkAsync(await mhlw.PutAsJsonAsync($"{Api}/coverage", new
        {
            standardId = standard,
            revision = v1,
            entries = new object[] { new { item = "II", level = "included" }, new { item = "II-3-4-2", level = "included" }, new { item = "II-3-4-2-a", level = "included" }, new { item = "II-3-4-2-a-2", level = "included" } },
        }));
        var v1Report = await OkAsync(await mhlw.GetAsync($"{Api}/revisions/{v1}/uncovered?sector=water"));
        v1Report.GetProperty("stale").GetArrayLength().ShouldBe(0);

        var report = await OkAsync(await mhlw.GetAsync($"{Api}/revisions/{v3}/uncovered?sector=water"));
        var stale = report.GetProperty("stale").EnumerateArray().Where(s => s.GetProperty("standardId").GetGuid() == standard).ToList();
        stale.Select(s => s.GetProperty("item").GetString()).ShouldBe(["II-3-4-2-a-2"]);
        stale[0].GetProperty("assessedVersion").GetInt32().ShouldBe(1);
        stale[0].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldContain("textJa");
        var uncovered = report.GetProperty("uncovered").EnumerateArray().Select(u => u.GetProperty("item").GetProperty("code").GetString()).ToList();
        uncovered.ShouldContain("II-lessons");
        uncovered.ShouldContain("R-emergency");
        uncovered.ShouldNotContain("II");
        report.GetProperty("uncovered").EnumerateArray().Single(u => u.GetProperty("item").GetProperty("code").GetString() == "R-emergency").GetProperty("new").GetBoolean().ShouldBeTrue();

        (await ErrorsAsync(await mhlw.GetAsync($"{Api}/revisions/{v3}/uncovered"))).ShouldContainKey("sector");
        (await ErrorsAsync(await mhlw.GetAsync($"{Api}/revisions/{v3}/uncovered?sector=nowhere"))).ShouldContainKey("sector");
        var levels = await OkAsync(await mhlw.GetAsync($"{Api}/coverage-levels"));
        levels.EnumerateArray().Select(l => l.GetProperty("code").GetString()).ShouldContain("not_required");
    }

    [Fact]
    public async Task TheApi_IsInTheOpenApiDocument()
    {
        var doc = await OkAsync(await app.Admin().GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/guideline/revisions/{id}/diff");
        paths.ShouldContain("/api/v1/guideline/coverage/{sector}");
        paths.ShouldContain("/api/v1/guideline/coverage");
    }
}

public sealed class GuidelineApiTests_Sqlite(SqliteApp app) : GuidelineApiTests<SqliteApp>(app);

public sealed class GuidelineApiTests_Postgres(PostgresApp app) : GuidelineApiTests<PostgresApp>(app);
