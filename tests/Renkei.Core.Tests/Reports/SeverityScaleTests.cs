using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

/// <summary>The severity scale is NISC's published labels; the alert levels follow it and are marked Renkei's own.</summary>
public sealed class SeverityScaleTests
{
    [Fact]
    public void SeverityLabels_AreNiscsScale()
    {
        SeverityScale.Levels.Select(l => l.NameJa).ShouldBe(["なし", "低", "中", "高", "危機"]);
        SeverityScale.Levels.Select(l => l.NameEn).ShouldBe(["None", "Low", "Medium", "High", "Crisis"]);
        SeverityScale.Levels.ShouldAllBe(l => !string.IsNullOrWhiteSpace(l.Source));
    }

    [Fact]
    public void AlertLevels_FollowSeverity_AndAreMarkedRenkeisOwn()
    {
        SeverityScale.ForSeverity(null).ShouldBe(SeverityScale.Normal);
        SeverityScale.ForSeverity(0).Level.ShouldBe(1);
        SeverityScale.ForSeverity(1).Level.ShouldBe(1);
        SeverityScale.ForSeverity(2).Level.ShouldBe(2);
        SeverityScale.ForSeverity(3).Level.ShouldBe(3);
        SeverityScale.ForSeverity(4).NameJa.ShouldBe("厳重警戒");
        SeverityScale.AlertLevels.ShouldAllBe(l => l.RenkeiOwn && l.Source.Contains("seed 000 l.1458"));
    }
}
