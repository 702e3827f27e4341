using System.Globalization;

namespace Renkei.Stix;

/// <summary>
/// A STIX timestamp (spec §2.16): RFC 3339 in UTC with <c>Z</c>, <c>YYYY-MM-DDTHH:mm:ss[.s+]Z</c>.
/// The sub-second digits are kept as text: STIX allows any precision, more than DateTime holds.
/// This is the one parser of STIX timestamps: the validator compares them exactly, storage and
/// TAXII take them as <see cref="DateTime"/> (<see cref="ParseUtc"/>).
/// </summary>
internal readonly record struct StixTimestamp(DateTime Seconds, string Fraction) : IComparable<StixTimestamp>
{
    public static bool TryParse(string? text, out StixTimestamp timestamp)
    {
        timestamp = default;
        if (text is null || text.Length < 20 || text[^1] != 'Z' || text[10] != 'T')
        {
            return false;
        }
        var fraction = "";
        if (text.Length > 20)
        {
            // A decimal point needs at least one digit after it (§2.16.1).
            if (text[19] != '.' || text.Length == 21)
            {
                return false;
            }
            fraction = text[20..^1];
            if (!fraction.All(char.IsAsciiDigit))
            {
                return false;
            }
        }
        var head = text[..19];
        for (var i = 0; i < head.Length; i++)
        {
            var expected = i switch { 4 or 7 => '-', 10 => 'T', 13 or 16 => ':', _ => '0' };
            if (expected == '0' ? !char.IsAsciiDigit(head[i]) : head[i] != expected)
            {
                return false;
            }
        }
        // RFC 3339 allows a leap second (:60); DateTime does not, so it is read as the next second.
        var leap = head.EndsWith(":60", StringComparison.Ordinal);
        if (leap)
        {
            head = head[..17] + "59";
        }
        if (!DateTime.TryParseExact(head, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var seconds))
        {
            return false;
        }
        if (leap && seconds.Ticks > DateTime.MaxValue.Ticks - TimeSpan.TicksPerSecond)
        {
            // The next second would be past the last instant DateTime holds.
            return false;
        }
        timestamp = new StixTimestamp(leap ? seconds.AddSeconds(1) : seconds, fraction.TrimEnd('0'));
        return true;
    }

    /// <summary>
    /// A STIX timestamp as a UTC <see cref="DateTime"/>, digits beyond its 100 ns ticks dropped
    /// (so two values that differ only there read as the same); null if the text is not one.
    /// </summary>
    public static DateTime? ParseUtc(string? text) => TryParse(text, out var timestamp) ? timestamp.ToUtc() : null;

    /// <summary>The instant in 100 ns ticks, truncated as <see cref="ParseUtc"/> says.</summary>
    public DateTime ToUtc()
    {
        var digits = Fraction.Length > 7 ? Fraction[..7] : Fraction.PadRight(7, '0');
        return DateTime.SpecifyKind(Seconds.AddTicks(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)), DateTimeKind.Utc);
    }

    /// <summary>Whether the text has at least millisecond precision, which §3.2 requires of created and modified.</summary>
    public static bool HasMilliseconds(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point > 0 && text.Length - point - 2 >= 3;
    }

    public int CompareTo(StixTimestamp other)
    {
        var bySeconds = Seconds.CompareTo(other.Seconds);
        if (bySeconds != 0)
        {
            return bySeconds;
        }
        var width = Math.Max(Fraction.Length, other.Fraction.Length);
        return string.CompareOrdinal(Fraction.PadRight(width, '0'), other.Fraction.PadRight(width, '0'));
    }

    public static bool operator <(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) < 0;

    public static bool operator >(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) > 0;

    public static bool operator <=(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) <= 0;

    public static bool operator >=(StixTimestamp a, StixTimestamp b) => a.CompareTo(b) >= 0;
}
