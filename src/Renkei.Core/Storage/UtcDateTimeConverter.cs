using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Renkei.Storage;

/// <summary>
/// All timestamps are UTC. SQLite hands back unspecified kinds; this restores the kind so that
/// code (and the audit hash) sees the same value on both providers.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
