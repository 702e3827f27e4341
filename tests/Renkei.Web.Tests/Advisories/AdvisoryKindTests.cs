using System.Text.Json;
using Renkei.Identity;
using Renkei.Stix.Validation;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Advisories;

/// <summary>
/// The advisory kinds the seeds name beyond the first set: DDoS attack announcements, abnormal
/// traffic and software faults (seed 002:1637-1641, 1704-1709; seed 000:1804-1815).
/// </summary>
public abstract class AdvisoryKindTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static object Advisory(string kind, string title) => new
    {
        kind,
        title,
        summary = "関係機関から提供された情報です。",
        body = "詳細は本文のとおり。",
        tlp = "green",
        urgency = "normal",
        distribution = "direct",
        audience = new object[] { new { kind = "sector", key = "water" } },
    };

    [Theory]
    [InlineData("ddos_announcement", "threat-report")]
    [InlineData("abnormal_traffic", "observed-data")]
    [InlineData("software_fault", "threat-report")]
    public async Task NewKinds_ArePublished_AndExportAsStixWithTheirLabel(string kind, string reportType)
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        var published = await PublishedAsync(nisc, Advisory(kind, "情報提供 " + kind));
        published.GetProperty("content").GetProperty("kind").GetString().ShouldBe(kind);

        var text = await nisc.GetStringAsync($"/api/v1/advisories/{published.GetProperty("id").GetGuid()}/stix");
        (await OasisStixSchemas.ValidateAsync(text)).ShouldBeEmpty();
        using var document = JsonDocument.Parse(text);
        StixBundleValidator.Validate(document.RootElement).Errors.ShouldBeEmpty();
        var report = document.RootElement.GetProperty("objects").EnumerateArray().Single(o => o.GetProperty("type").GetString() == "report");
        report.GetProperty("report_types").EnumerateArray().Select(t => t.GetString()).ShouldBe([reportType]);
        report.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldContain("renkei-" + kind.Replace('_', '-'));
    }

    [Fact]
    public async Task AdvisoryForm_OffersTheNewKinds_InJapanese()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;
        var html = await nisc.GetStringAsync("/Advisories/New");
        html.ShouldContain(">DDoS攻撃予告情報</option>");
        html.ShouldContain(">異常通信情報</option>");
        html.ShouldContain(">ソフトウェアの不具合情報</option>");
    }
}

public sealed class AdvisoryKindTests_Sqlite(SqliteApp app) : AdvisoryKindTests<SqliteApp>(app);
