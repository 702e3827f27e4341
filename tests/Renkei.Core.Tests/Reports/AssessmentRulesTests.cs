using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

public sealed class AssessmentRulesTests
{
    private static readonly VerificationRule[] Rules =
    [
        new() { Code = "electricity-supply", SectorCode = "electricity", DescriptionJa = "", DescriptionEn = "", MinKw = 100_000, MinDurationMinutes = 10 },
        new() { Code = "telecom-service", SectorCode = "telecom", Scopes = "telecommunications;cable-tv", DescriptionJa = "", DescriptionEn = "", MinUsers = 30_000, MinDurationMinutes = 120 },
        new() { Code = "broadcasting-stop", SectorCode = "telecom", Scopes = "broadcasting", DescriptionJa = "", DescriptionEn = "", AnyOutage = true },
    ];

    private static ReportContent Outage(string sector, string? scope, ImpactFigures impact, string category = "cyber_attack", ReportKind kind = ReportKind.ServiceOutage) =>
        new() { Kind = kind, SectorCode = sector, BusinessScopeCode = scope, ThreatCategory = category, Impact = impact, Title = "t" };

    [Fact]
    public void Electricity_BothThresholdsReached_Exceeds_WithReasons()
    {
        var result = VerificationLevels.Evaluate(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 150_000, DurationMinutes = 45 }), Rules);
        result.Exceeded.ShouldBe(true);
        result.Rule!.Code.ShouldBe("electricity-supply");
        result.Reason.ShouldBe("minutes: 45 ≥ 10; kW: 150,000 ≥ 100,000");
    }

    [Fact]
    public void Electricity_OneThresholdMissed_DoesNotExceed_EvenWithAFigureMissing()
    {
        VerificationLevels.Evaluate(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 50_000, DurationMinutes = 45 }), Rules).Exceeded.ShouldBe(false);
        VerificationLevels.Evaluate(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 50_000 }), Rules).Exceeded.ShouldBe(false);
    }

    [Fact]
    public void MissingFigure_LeavesTheAnswerOpen_ButStartAndEndGiveTheDuration()
    {
        var open = VerificationLevels.Evaluate(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 150_000 }), Rules);
        open.Exceeded.ShouldBeNull();
        open.Reason.ShouldContain("minutes: not reported");
        var timed = Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 150_000 }) with
        {
            StartedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            EndedAt = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc),
        };
        VerificationLevels.Evaluate(timed, Rules).Exceeded.ShouldBe(true);
    }

    [Fact]
    public void Telecom_RulePerScope_AndAnyOutageRules()
    {
        VerificationLevels.Evaluate(Outage("telecom", "telecommunications", new ImpactFigures { UsersAffected = 40_000, DurationMinutes = 180 }), Rules).Exceeded.ShouldBe(true);
        VerificationLevels.Evaluate(Outage("telecom", "cable-tv", new ImpactFigures { UsersAffected = 40_000, DurationMinutes = 60 }), Rules).Exceeded.ShouldBe(false);
        VerificationLevels.Evaluate(Outage("telecom", "broadcasting", new ImpactFigures()), Rules).Rule!.Code.ShouldBe("broadcasting-stop");
        VerificationLevels.Evaluate(Outage("telecom", null, new ImpactFigures()), Rules).Reason.ShouldContain("business scope is needed");
    }

    [Fact]
    public void OnlyServiceOutages_Count()
    {
        VerificationLevels.Evaluate(Outage("electricity", null, new ImpactFigures(), kind: ReportKind.NearMiss), Rules).Exceeded.ShouldBeNull();
        VerificationLevels.Evaluate(Outage("ports", null, new ImpactFigures()), Rules).Reason.ShouldContain("no verification level");
    }

    [Fact]
    public void Severity_SuggestionFollowsTheFigures_OverallIsTheHighest()
    {
        SeverityAdvisor.Suggest(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 1_500_000 }), true).Overall.ShouldBe(4);
        SeverityAdvisor.Suggest(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 150_000 }), true).Continuity.ShouldBe(3);
        SeverityAdvisor.Suggest(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 5_000 }), true).Continuity.ShouldBe(2);
        SeverityAdvisor.Suggest(Outage("electricity", null, new ImpactFigures { SupplyShortfallKw = 5_000 }), false).Continuity.ShouldBe(1);
        var leak = Outage("finance", "banking", new ImpactFigures(), kind: ReportKind.Attack) with { ThreatExamples = ["data_leak"] };
        var levels = SeverityAdvisor.Suggest(leak, null);
        (levels.Continuity, levels.Trust, levels.Overall).ShouldBe((0, 2, 2));
    }

    [Fact]
    public void Clocks_MostSpecificRuleWins_AndStatusesFollowTheTimes()
    {
        DeadlineRule[] rules =
        [
            new() { Code = "emergency", Route = ReportRoute.Emergency, Stage = ReportStage.First, Hours = 1, DescriptionJa = "", DescriptionEn = "" },
            new() { Code = "outage", Kind = ReportKind.ServiceOutage, Stage = ReportStage.First, Hours = 24, DescriptionJa = "", DescriptionEn = "" },
            new() { Code = "any-final", Stage = ReportStage.Final, Hours = 720, DescriptionJa = "", DescriptionEn = "" },
        ];
        ReportingClocks.RuleFor(rules, ReportKind.ServiceOutage, ReportRoute.Emergency, ReportStage.First)!.Code.ShouldBe("emergency");
        ReportingClocks.RuleFor(rules, ReportKind.ServiceOutage, ReportRoute.Ministry, ReportStage.First)!.Code.ShouldBe("outage");
        ReportingClocks.RuleFor(rules, ReportKind.NearMiss, ReportRoute.Ministry, ReportStage.First).ShouldBeNull();

        var aware = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var report = new Report { Kind = ReportKind.ServiceOutage, Route = ReportRoute.Ministry, AwareAt = aware, SubmittedAt = aware.AddHours(30) };
        var clocks = ReportingClocks.Clocks(rules, report, aware.AddDays(40));
        clocks.Single(c => c.Stage == ReportStage.First).Status.ShouldBe(ClockStatus.Late);
        clocks.Single(c => c.Stage == ReportStage.Final).Status.ShouldBe(ClockStatus.Overdue);
        ReportingClocks.Clocks(rules, report, aware.AddDays(1)).Single(c => c.Stage == ReportStage.Final).Status.ShouldBe(ClockStatus.Pending);
    }
}
