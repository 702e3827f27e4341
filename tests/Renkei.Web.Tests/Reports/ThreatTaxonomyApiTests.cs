using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>
/// The threat taxonomy through the API and the report form: the same array of categories as
/// before with the seed's groupings, responders and Renkei's own additions added to it.
/// </summary>
public abstract class ThreatTaxonomyApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    [Fact]
    public async Task Taxonomy_KeepsItsShape_AndAddsGroupingResponderAndRenkeiOwn()
    {
        var (client, _, _) = await app.OperatorAsync("electricity", null, Role.Reporter);
        var categories = await client.GetFromJsonAsync<JsonElement>("/api/v1/threat-taxonomy");
        categories.ValueKind.ShouldBe(JsonValueKind.Array);
        var byCode = categories.EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        byCode.Keys.ShouldBe(["cyber_attack", "unintentional", "disaster", "spill_over"]);
        foreach (var c in byCode.Values)
        {
            foreach (var field in new[] { "code", "nameJa", "nameEn", "subtypes", "examples" })
            {
                c.TryGetProperty(field, out _).ShouldBeTrue(field);
            }
        }
        byCode["spill_over"].GetProperty("grouping").GetString().ShouldBe("caused_to_others");
        byCode["cyber_attack"].GetProperty("grouping").GetString().ShouldBe("received");
        var malware = byCode["cyber_attack"].GetProperty("examples").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "malware");
        malware.GetProperty("nameJa").GetString().ShouldBe("ウィルス攻撃");
        malware.GetProperty("responder").GetString().ShouldBe("operator");
        malware.GetProperty("renkeiOwn").GetBoolean().ShouldBeFalse();
        byCode["spill_over"].GetProperty("subtypes").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "other_sector_outage")
            .GetProperty("renkeiOwn").GetBoolean().ShouldBeTrue();

        var groupings = await client.GetFromJsonAsync<JsonElement>("/api/v1/threat-taxonomy/groupings");
        groupings.EnumerateArray().Select(g => (g.GetProperty("code").GetString(), g.GetProperty("nameJa").GetString()))
            .ShouldBe([("received", "自ら受ける脅威"), ("caused_to_others", "他に与える脅威")]);
        var responders = await client.GetFromJsonAsync<JsonElement>("/api/v1/threat-taxonomy/responders");
        responders.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldBe(["society", "operator"]);
    }

    [Fact]
    public async Task ReportForm_GroupsThreats_ByGroupingAndResponder_AndMarksRenkeisOwn()
    {
        var (client, _, _) = await app.OperatorAsync("electricity", null, Role.Reporter);
        var html = await client.GetStringAsync("/Reports/New");
        html.ShouldContain("<optgroup label=\"自ら受ける脅威\">");
        html.ShouldContain("<optgroup label=\"他に与える脅威\">");
        html.ShouldContain("社会全体で対応が望まれる脅威");
        html.ShouldContain("個別の重要インフラ事業者等が中心となって対応する脅威");
        html.ShouldContain("重要情報の搾取");
        html.ShouldContain("その他の分野の障害の波及 ［Renkei独自］");
    }
}

public sealed class ThreatTaxonomyApiTests_Sqlite(SqliteApp app) : ThreatTaxonomyApiTests<SqliteApp>(app);
