using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

/// <summary>The threat taxonomy in the seed's words (seed 002, 対応主体に注目したIT障害への脅威の例示).</summary>
public sealed class ThreatTaxonomyTests
{
    private static ThreatTerm Example(string category, string code) =>
        ThreatTaxonomy.Instance.Category(category)!.Examples.Single(e => e.Code == code);

    [Theory]
    [InlineData("cyber_attack", "malware", "ウィルス攻撃")]
    [InlineData("cyber_attack", "key_information_theft", "重要情報の搾取")]
    [InlineData("cyber_attack", "dos", "サービス不能攻撃（DoS: Denial of Service）")]
    [InlineData("unintentional", "poor_maintenance", "メンテナンス不備")]
    [InlineData("unintentional", "management_failure", "マネジメントの欠陥")]
    [InlineData("unintentional", "poor_outsourcing_management", "外部委託管理の不備")]
    [InlineData("unintentional", "weak_audit", "内部・外部監査機能の不備")]
    [InlineData("unintentional", "bug", "プログラム上の欠陥（バグ）")]
    public void Examples_UseTheSeedsTerms_UnderTheirStableCodes(string category, string code, string nameJa) =>
        Example(category, code).NameJa.ShouldBe(nameJa);

    [Fact]
    public void Categories_AreGrouped_ReceivedOrCausedToOthers()
    {
        var groupings = ThreatTaxonomy.Instance.Groupings.ToDictionary(g => g.Code);
        groupings["received"].NameJa.ShouldBe("自ら受ける脅威");
        groupings["received"].Categories.ShouldBe(["cyber_attack", "unintentional", "disaster"]);
        groupings["caused_to_others"].NameJa.ShouldBe("他に与える脅威");
        groupings["caused_to_others"].Categories.ShouldBe(["spill_over"]);
        ThreatTaxonomy.Instance.Category("spill_over")!.NameJa.ShouldBe("他分野への波及");
    }

    [Fact]
    public void Examples_NameTheirResponder_SocietyOrOperator()
    {
        ThreatTaxonomy.Instance.Categories.SelectMany(c => c.Examples).ShouldAllBe(e => e.Responder == "society" || e.Responder == "operator");
        Example("cyber_attack", "cross_sector_dos").Responder.ShouldBe("society");
        Example("cyber_attack", "intrusion").Responder.ShouldBe("operator");
        Example("disaster", "pandemic").Responder.ShouldBe("society");
        ThreatTaxonomy.Instance.Responder("society")!.NameJa.ShouldBe("社会全体で対応が望まれる脅威");
        foreach (var category in ThreatTaxonomy.Instance.Categories)
        {
            category.Examples.Select(e => e.Responder ?? "").Distinct().Order().ToList().ShouldBe(["operator", "society"], customMessage: category.Code);
        }
    }

    [Fact]
    public void RenkeisOwnTerms_AreFlagged_EverythingElseCitesTheSeed()
    {
        var terms = ThreatTaxonomy.Instance.Categories.SelectMany(c => c.Subtypes.Concat(c.Examples)).ToList();
        terms.Where(t => t.RenkeiOwn).Select(t => t.Code).ShouldBe(["other_sector_outage"]);
        terms.Where(t => !t.RenkeiOwn).ShouldAllBe(t => t.Seed != null && t.Seed.StartsWith("002:"));
    }

    [Fact]
    public void EveryCodeStoredBefore_StillResolves()
    {
        string[] examples = ["intrusion", "tampering", "illicit_command", "malware", "dos", "data_leak", "key_information_theft", "insider_fraud",
            "operation_error", "bug", "poor_maintenance", "weak_audit", "poor_outsourcing_management", "management_failure",
            "earthquake", "flood", "lightning", "fire", "pandemic"];
        string[] subtypes = ["on_service_systems", "hitting_operator", "on_internet_core", "error_fault_mistake", "institutional_change",
            "natural_disaster", "pandemic", "power_outage", "telecom_outage", "water_outage", "other_sector_outage"];
        var all = ThreatTaxonomy.Instance.Categories;
        all.Select(c => c.Code).ShouldBe(["cyber_attack", "unintentional", "disaster", "spill_over"]);
        examples.ShouldAllBe(code => all.Any(c => c.Examples.Any(e => e.Code == code)));
        subtypes.ShouldAllBe(code => all.Any(c => c.Subtypes.Any(s => s.Code == code)));
    }
}
