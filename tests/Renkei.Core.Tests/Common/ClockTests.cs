using Renkei.Common;

namespace Renkei.Core.Tests.Common;

public sealed class ClockTests
{
    [Fact]
    public void ToJst_IsUtcPlusNine_WithoutDaylightSaving()
    {
        Clock.ToJst(new DateTime(2026, 7, 1, 15, 30, 0, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("2026-07-02 00:30 +09:00");
        Clock.ToJst(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Hour.ShouldBe(9);
    }

    [Fact]
    public void Truncate_DropsBelowMilliseconds_AndKeepsUtc()
    {
        var t = new DateTime(2026, 11, 22, 1, 2, 3, DateTimeKind.Utc).AddTicks(1_234_567);
        var truncated = Clock.Truncate(t);
        truncated.Ticks.ShouldBe(t.Ticks - 4_567);
        truncated.Kind.ShouldBe(DateTimeKind.Utc);
    }
}
