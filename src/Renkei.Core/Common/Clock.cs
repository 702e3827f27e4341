namespace Renkei.Common;

/// <summary>Time rules shared by storage and display.</summary>
/// <remarks>
/// Storage is UTC with millisecond precision: PostgreSQL keeps microseconds and SQLite keeps text,
/// so anything finer would not survive a round trip on both, and hashes over timestamps (the audit
/// chain) must see the value that was stored. Display is Japan Standard Time, a fixed UTC+9 with no
/// daylight saving since 1951, so no time-zone database is needed on the server.
/// </remarks>
public static class Clock
{
    public static readonly TimeSpan JstOffset = TimeSpan.FromHours(9);

    public static DateTime UtcNow(TimeProvider time) => Truncate(time.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static DateTimeOffset ToJst(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(JstOffset);
}
