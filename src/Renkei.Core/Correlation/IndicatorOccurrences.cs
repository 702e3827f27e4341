using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Renkei.Common;
using Renkei.Indicators;
using Renkei.Stix;
using Renkei.Stix.Patterns;
using Renkei.Storage;

namespace Renkei.Correlation;

/// <summary>
/// Keeps <see cref="IndicatorOccurrence"/> rows in step with the records they come from, inside
/// the write that changes the record's indicators (a report's submission, an advisory's
/// publication or revision, an import, a TAXII delete), so "seen before" is never out of date.
/// </summary>
public sealed class IndicatorOccurrences(RenkeiDbContext db)
{
    /// <summary>
    /// Longer values (in UTF-8 bytes) are not correlated: they exceed what a report or advisory
    /// may carry and would not fit a PostgreSQL index entry; they only arrive in STIX patterns.
    /// </summary>
    public const int MaxValueLength = 2048;

    public static bool Correlatable(string value) => value.Length <= MaxValueLength && System.Text.Encoding.UTF8.GetByteCount(value) <= MaxValueLength;

    /// <summary>
    /// Makes a report's or advisory's occurrences match <paramref name="indicators"/> (its latest
    /// submitted or published content): new ones seen <paramref name="now"/>, kept ones keep
    /// their first sighting, dropped ones go. Staged on the change tracker: the caller's
    /// <c>SaveChanges</c> writes them with the record.
    /// </summary>
    public async Task StageAsync(OccurrenceSource kind, Guid sourceId, IReadOnlyList<IndicatorValue> indicators, DateTime now, CancellationToken ct = default)
    {
        var existing = await db.IndicatorOccurrences.Where(o => o.SourceId == sourceId).ToListAsync(ct);
        var wanted = Keys(indicators);
        foreach (var row in existing.Where(r => !wanted.Contains((r.IndicatorType, r.Value))))
        {
            db.IndicatorOccurrences.Remove(row);
        }
        var kept = existing.Select(r => (r.IndicatorType, r.Value)).ToHashSet();
        foreach (var (type, value) in wanted.Where(k => !kept.Contains(k)))
        {
            db.IndicatorOccurrences.Add(new IndicatorOccurrence { IndicatorType = type, Value = value, SourceKind = kind, SourceId = sourceId, FirstSeenAt = now });
        }
    }

    /// <summary>
    /// After a TAXII delete removed versions of one object from a set: the object's row follows
    /// its newest remaining version (none left, no row).
    /// </summary>
    public async Task RefreshSetObjectAsync(Guid setId, string stixId, CancellationToken ct = default)
    {
        var importedAt = await db.IndicatorSets.Where(s => s.Id == setId).Select(s => s.ImportedAt).FirstAsync(ct);
        await db.IndicatorOccurrences.Where(o => o.SourceId == setId && o.StixId == stixId).ExecuteDeleteAsync(ct);
        var latest = await db.StixObjects.Where(o => o.SourceId == setId && o.StixId == stixId && o.IsLatest).Select(o => o.Json).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return;
        }
        using var document = JsonDocument.Parse(latest);
        if (FromObject(document.RootElement) is { } indicator)
        {
            await InsertAsync([new IndicatorOccurrence { IndicatorType = indicator.Type, Value = indicator.Value, SourceKind = OccurrenceSource.IndicatorSet, SourceId = setId, StixId = stixId, FirstSeenAt = importedAt }], ct);
        }
    }

    /// <summary>
    /// The typed indicator a STIX object stands for: an <c>indicator</c> whose STIX pattern has
    /// the one shape <see cref="IndicatorPatterns.FromPattern"/> understands (one observation,
    /// one equality on an address, domain, URL, e-mail address or file hash). Other indicators
    /// (compound patterns, qualifiers, other pattern languages) do not correlate.
    /// </summary>
    public static IndicatorValue? FromObject(JsonElement o)
    {
        if (StixParsing.Str(o, "type") != "indicator" || StixParsing.Str(o, "pattern_type") != "stix")
        {
            return null;
        }
        return IndicatorPatterns.FromPattern(StixParsing.Str(o, "pattern")) is { } indicator && Correlatable(indicator.Value) ? indicator : null;
    }

    /// <summary>
    /// A set's rows from its objects: one per indicator object that correlates, using the newest
    /// version of each object (the one the set shows).
    /// </summary>
    public static List<IndicatorOccurrence> ForSet(Guid setId, IEnumerable<JsonElement> objects, DateTime importedAt)
    {
        var newest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (StixParsing.Str(o, "type") != "indicator" || StixParsing.Str(o, "id") is not { } id)
            {
                continue;
            }
            // Versions are compared only for the rare object sent in several versions at once;
            // a version that is not stated means "when added", newer than any stated one.
            if (!newest.TryGetValue(id, out var seen) || (StixParsing.Version(seen) is { } old && (StixParsing.Version(o) is not { } version || version > old)))
            {
                newest[id] = o;
            }
        }
        var rows = new List<IndicatorOccurrence>();
        foreach (var (id, o) in newest)
        {
            if (FromObject(o) is { } indicator)
            {
                rows.Add(new IndicatorOccurrence { IndicatorType = indicator.Type, Value = indicator.Value, SourceKind = OccurrenceSource.IndicatorSet, SourceId = setId, StixId = id, FirstSeenAt = importedAt });
            }
        }
        return rows;
    }

    /// <summary>The distinct, correlatable keys of a list of indicators.</summary>
    public static HashSet<(IndicatorType Type, string Value)> Keys(IEnumerable<IndicatorValue> indicators) =>
        indicators.Where(i => Correlatable(i.Value)).Select(i => (i.Type, i.Value)).ToHashSet();

    /// <summary>
    /// Writes rows in bulk inside the caller's transaction: prepared inserts on SQLite, binary COPY
    /// on PostgreSQL (the change tracker would spend seconds on a 100,000-indicator set).
    /// </summary>
    public async Task InsertAsync(IReadOnlyList<IndicatorOccurrence> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0)
        {
            return;
        }
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Occurrences are written inside a write transaction.");
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var writer = await npgsql.BeginBinaryImportAsync(
                "COPY indicator_occurrences (indicator_type, value, source_kind, source_id, stix_id, first_seen_at) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var r in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(EnumText.ToText(r.IndicatorType), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(r.Value, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(EnumText.ToText(r.SourceKind), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(r.SourceId, NpgsqlDbType.Uuid, ct);
                if (r.StixId is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(r.StixId, NpgsqlDbType.Varchar, ct);
                }
                await writer.WriteAsync(r.FirstSeenAt, NpgsqlDbType.TimestampTz, ct);
            }
            await writer.CompleteAsync(ct);
            return;
        }
        await SqliteBulkInsert.WithPageCacheAsync(db, rows.Count, async () =>
        {
            var (command, p) = await SqliteBulkInsert.PrepareAsync(db, """
                INSERT INTO "indicator_occurrences" ("indicator_type", "value", "source_kind", "source_id", "stix_id", "first_seen_at")
                VALUES ($type, $value, $kind, $source, $stix, $seen)
                """, ["$type", "$value", "$kind", "$source", "$stix", "$seen"], ct);
            await using var insert = command;
            foreach (var r in rows)
            {
                p[0].Value = EnumText.ToText(r.IndicatorType);
                p[1].Value = r.Value;
                p[2].Value = EnumText.ToText(r.SourceKind);
                // The same text form EF Core writes for Guid and DateTime on SQLite, so queries compare alike.
                p[3].Value = r.SourceId.ToString("D").ToUpperInvariant();
                p[4].Value = (object?)r.StixId ?? DBNull.Value;
                p[5].Value = r.FirstSeenAt;
                await command.ExecuteNonQueryAsync(ct);
            }
        }, ct);
    }
}
