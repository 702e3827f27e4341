using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

/// <summary>
/// The verification level counts IT failures whatever their cause (seed 004: an IT failure is
/// defined by its mechanism), and its qualitative conditions are facts the reporter states.
/// </summary>
public sealed class VerificationConditionsTests
{
    private static readonly VerificationRule[] Rules =
    [
        new() { Code = "electricity-supply", SectorCode = "electricity", DescriptionJa = "", DescriptionEn = "", MinKw = 100_000, MinDurationMinutes = 10 },
        new() { Code = "water-supply", SectorCode = "water", DescriptionJa = "", DescriptionEn = "", AnyOutage = true },
        new() { Code = "government-service", SectorCode = "government", DescriptionJa = "", DescriptionEn = "", AnyOutage = true },
        new() { Code = "medical-records", SectorCode = "medical", DescriptionJa = "", DescriptionEn = "", AnyOutage = true },
        new() { Code = "logistics-cargo", SectorCode = "logistics", DescriptionJa = "", DescriptionEn = "", AnyOutage = true },
    ];

    private static ReportContent Outage(string sector, string category = "cyber_attack", ImpactFigures? impact = null, params VerificationFact[] facts) =>
        new() { Kind = ReportKind.ServiceOutage, SectorCode = sector, ThreatCategory = category, Impact = impact ?? new ImpactFigures(), Title = "t", VerificationFacts = facts };

    [Theory]
    [InlineData("disaster")]
    [InlineData("spill_over")]
    [InlineData("unintentional")]
    public void DisasterAndSpillOver_AreCausesOfItFailures_AndCount(string category)
    {
        var result = VerificationLevels.Evaluate(Outage("electricity", category, new ImpactFigures { SupplyShortfallKw = 900_000, DurationMinutes = 600 }), Rules);
        result.Exceeded.ShouldBe(true);
        result.Rule!.Code.ShouldBe("electricity-supply");
    }

    [Fact]
    public void Water_AnOutageThatDidNotImpedeSupply_DoesNotCount_UnknownStaysOpen()
    {
        VerificationLevels.Evaluate(Outage("water", facts: new VerificationFact("water_supply_impeded", FactAnswer.No)), Rules).Exceeded.ShouldBe(false);
        VerificationLevels.Evaluate(Outage("water", facts: new VerificationFact("water_supply_impeded", FactAnswer.Yes)), Rules).Exceeded.ShouldBe(true);
        var unknown = VerificationLevels.Evaluate(Outage("water", facts: new VerificationFact("water_supply_impeded", FactAnswer.Unknown)), Rules);
        unknown.Exceeded.ShouldBeNull("unknown must not count as yes");
        unknown.Reason.ShouldContain("water_supply_impeded: not stated");
        VerificationLevels.Evaluate(Outage("water"), Rules).Exceeded.ShouldBeNull("no answer at all is unknown, not 'any outage'");
    }

    [Fact]
    public void Government_EitherConditionCounts_AllNoDoesNot_SomeUnknownStaysOpen()
    {
        VerificationLevels.Evaluate(Outage("government", facts: [new("residents_rights_harmed", FactAnswer.No), new("recovery_beyond_safe_time", FactAnswer.Yes)]), Rules).Exceeded.ShouldBe(true);
        VerificationLevels.Evaluate(Outage("government", facts: [new("residents_rights_harmed", FactAnswer.No), new("recovery_beyond_safe_time", FactAnswer.No)]), Rules).Exceeded.ShouldBe(false);
        var open = VerificationLevels.Evaluate(Outage("government", facts: new VerificationFact("residents_rights_harmed", FactAnswer.No)), Rules);
        open.Exceeded.ShouldBeNull();
        open.Reason.ShouldBe("residents_rights_harmed: no; recovery_beyond_safe_time: not stated (needs yes or no)");
    }

    [Fact]
    public void Medical_RecordsPreservation_IsTheTest()
    {
        VerificationLevels.Evaluate(Outage("medical", facts: new VerificationFact("records_preservation_impaired", FactAnswer.Yes)), Rules).Exceeded.ShouldBe(true);
        VerificationLevels.Evaluate(Outage("medical", facts: new VerificationFact("records_preservation_impaired", FactAnswer.No)), Rules).Exceeded.ShouldBe(false);
        VerificationLevels.Evaluate(Outage("medical"), Rules).Exceeded.ShouldBeNull();
    }

    [Fact]
    public void RulesWithoutConditions_StillCountAnyOutage()
    {
        var result = VerificationLevels.Evaluate(Outage("logistics"), Rules);
        result.Exceeded.ShouldBe(true);
        result.Reason.ShouldBe("any outage of this service counts");
    }

    [Fact]
    public void Conditions_ComeFromTheDataFile_WithSeedCitations()
    {
        VerificationConditions.For("government-service").Select(c => c.Code).ShouldBe(["residents_rights_harmed", "recovery_beyond_safe_time"]);
        VerificationConditions.For("water-supply").Single().Code.ShouldBe("water_supply_impeded");
        VerificationConditions.For("medical-records").Single().QuestionJa.ShouldContain("診療録等の保存");
        VerificationConditions.All.ShouldAllBe(c => c.Condition.Seed!.StartsWith("004:"));
        VerificationConditions.OfSector("electricity").ShouldBeEmpty();
    }
}
