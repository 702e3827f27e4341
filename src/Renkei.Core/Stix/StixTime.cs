using System.Globalization;

namespace Renkei.Stix;

/// <summary>STIX timestamps: UTC, RFC 3339, with the precision a value needs.</summary>
public static class StixTime
{
    public const string SpecVersion = "2.1";

    /// <summary>Millisecond precision, which STIX 2.1 requires of <c>created</c> and <c>modified</c> we produce.</summary>
    public static string Millis(DateTime utc) =>
        Truncate(utc, TimeSpan.TicksPerMillisecond).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Microsecond precision for TAXII's <c>date_added</c>, so consecutive additions stay distinct.</summary>
    public static string Micros(DateTime utc) =>
        Truncate(utc, 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTime Truncate(DateTime utc, long ticks) =>
        new(utc.Ticks - (utc.Ticks % ticks), DateTimeKind.Utc);

    /// <summary>Parses an RFC 3339 UTC timestamp ("Z" required, any fraction up to 7 digits); null if it is not one.</summary>
    public static DateTime? Parse(string? text)
    {
        if (text is null || text.Length < 20 || text[^1] != 'Z' || text[10] != 'T')
        {
            return null;
        }
        return DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : null;
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.F'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];
}
