using Renkei.Stix;

namespace Renkei.Core.Tests.Stix;

/// <summary>The one STIX timestamp parser: what the validator accepts is what storage and TAXII read.</summary>
public sealed class StixTimestampTests
{
    [Theory]
    [InlineData("2026-04-01T09:30:00Z", "2026-04-01T09:30:00.0000000Z")]
    [InlineData("2026-04-01T09:30:00.5Z", "2026-04-01T09:30:00.5000000Z")]
    [InlineData("2026-04-01T09:30:00.123Z", "2026-04-01T09:30:00.1230000Z")]
    [InlineData("2026-04-01T09:30:00.123456Z", "2026-04-01T09:30:00.1234560Z")]
    // Beyond DateTime's 100 ns: the extra digits are dropped, not rounded.
    [InlineData("2026-04-01T09:30:00.123456789Z", "2026-04-01T09:30:00.1234567Z")]
    // RFC 3339's leap second reads as the next second.
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00.0000000Z")]
    public void ParseUtc_ValidTimestamps_ReadAsUtc(string text, string expected)
    {
        var value = StixTimestamp.ParseUtc(text);
        value.ShouldNotBeNull();
        value.Value.Kind.ShouldBe(DateTimeKind.Utc);
        value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-04-01T09:30:00")]
    [InlineData("2026-04-01T09:30:00+09:00")]
    [InlineData("2026-04-01 09:30:00Z")]
    [InlineData("2026-04-01t09:30:00z")]
    [InlineData("2026-04-01T09:30:00.Z")]
    [InlineData("2026-04-01T09:30:00,5Z")]
    [InlineData("2026-13-01T09:30:00Z")]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("+2026-04-01T09:30:00Z")]
    [InlineData("2026-04-01T09:30:00.12a4Z")]
    // A leap second at the end of time has no next second to be read as: refused, not a crash.
    [InlineData("9999-12-31T23:59:60Z")]
    public void ParseUtc_NotStixTimestamps_Null(string? text)
    {
        StixTimestamp.ParseUtc(text).ShouldBeNull();
        StixTimestamp.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Compare_UsesEveryDigit_WhereDateTimeCannot()
    {
        StixTimestamp.TryParse("2026-04-01T09:30:00.12345678Z", out var a).ShouldBeTrue();
        StixTimestamp.TryParse("2026-04-01T09:30:00.12345679Z", out var b).ShouldBeTrue();
        (a < b).ShouldBeTrue();
        a.ToUtc().ShouldBe(b.ToUtc());
        StixTimestamp.TryParse("2026-04-01T09:30:00.1Z", out var c).ShouldBeTrue();
        StixTimestamp.TryParse("2026-04-01T09:30:00.100Z", out var d).ShouldBeTrue();
        c.CompareTo(d).ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-04-01T09:30:00.123Z", true)]
    [InlineData("2026-04-01T09:30:00.1234Z", true)]
    [InlineData("2026-04-01T09:30:00.12Z", false)]
    [InlineData("2026-04-01T09:30:00Z", false)]
    public void HasMilliseconds_ThreeDigitsOrMore(string text, bool expected) =>
        StixTimestamp.HasMilliseconds(text).ShouldBe(expected);
}
