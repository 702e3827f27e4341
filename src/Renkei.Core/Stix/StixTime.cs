using System.Globalization;

namespace Renkei.Stix;

/// <summary>
/// STIX timestamps as Renkei writes them: UTC, RFC 3339, with the precision a value needs. Reading
/// one is <see cref="StixTimestamp"/>'s job, the same parser for storage, TAXII and the validator.
/// </summary>
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
}
