using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Advisories;
using Renkei.Indicators;
using Renkei.Storage;

namespace Renkei.Correlation;

/// <summary>A completed backfill: which version of the correlation rules it applied, and when.</summary>
public sealed class CorrelationBackfillRun
{
    public int Version { get; set; }
    public DateTime CompletedAt { get; set; }
}

/// <summary>
/// Rebuilds every occurrence from the records themselves: submitted reports (their versions),
/// published or withdrawn advisories (their revisions) and imported sets (their stored objects).
/// </summary>
/// <remarks>
/// Start-up runs it once per <see cref="RulesVersion"/> (records created before correlation
/// existed, or before the rules last changed); <c>renkei correlate</c> runs it on demand. It is
/// idempotent: first sightings are derived from the records' own history (the submission or
/// revision from which the indicator was kept without a break, the set's import), exactly as the
/// writes record them, so a rebuild leaves a consistent table unchanged. It replaces the table in
/// one transaction: readers see the old rows or the new ones, never a mix.
/// </remarks>
public sealed class CorrelationBackfill(RenkeiDbContext db, IndicatorOccurrences occurrences, TimeProvider time)
{
    /// <summary>Raise when what correlates changes (e.g. more pattern shapes), so the next start rebuilds.</summary>
    public const int RulesVersion = 1;

    private const int BackfillChunk = 10_000;

    public sealed record Outcome(bool Ran, int Reports, int Advisories, int IndicatorSets, int Occurrences);

    /// <summary>Rebuilds unless this rules version was already applied (or <paramref name="force"/>).</summary>
    public async Task<Outcome> RunAsync(bool force, CancellationToken ct = default)
    {
        if (!force && await db.CorrelationBackfills.AnyAsync(r => r.Version == RulesVersion, ct))
        {
            return new Outcome(false, 0, 0, 0, 0);
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        await db.IndicatorOccurrences.ExecuteDeleteAsync(ct);
        var rows = new List<IndicatorOccurrence>();

        var reports = await db.ReportVersions.AsNoTracking()
            .Select(v => new { v.ReportId, v.Number, v.SubmittedAt, v.Content })
            .ToListAsync(ct);
        foreach (var report in reports.GroupBy(v => v.ReportId))
        {
            rows.AddRange(FromHistory(OccurrenceSource.Report, report.Key, report.OrderBy(v => v.Number).Select(v => (v.SubmittedAt, v.Content.Indicators))));
        }
        // Drafts are not shared yet; a withdrawn advisory stays readable, and so does what it named.
        var published = db.Advisories.Where(a => a.State != AdvisoryState.Draft).Select(a => a.Id);
        var revisions = await db.AdvisoryRevisions.AsNoTracking()
            .Where(r => published.Contains(r.AdvisoryId))
            .Select(r => new { r.AdvisoryId, r.Number, r.PublishedAt, r.Content })
            .ToListAsync(ct);
        foreach (var advisory in revisions.GroupBy(r => r.AdvisoryId))
        {
            rows.AddRange(FromHistory(OccurrenceSource.Advisory, advisory.Key, advisory.OrderBy(r => r.Number).Select(r => (r.PublishedAt, r.Content.Indicators))));
        }
        await occurrences.InsertAsync(rows, ct);
        var total = rows.Count;

        var sets = await db.IndicatorSets.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.ImportedAt }).ToListAsync(ct);
        foreach (var set in sets)
        {
            // A chunk of a set at a time: one upload may hold 500,000 objects, a partner feed's
            // sets millions between them. Each object id has one latest row, so chunks never overlap.
            var after = 0L;
            while (true)
            {
                var chunk = await db.StixObjects.AsNoTracking()
                    .Where(o => o.SourceId == set.Id && o.IsLatest && o.Type == "indicator" && o.Seq > after)
                    .OrderBy(o => o.Seq).Take(BackfillChunk)
                    .Select(o => new { o.Seq, o.Json })
                    .ToListAsync(ct);
                if (chunk.Count == 0)
                {
                    break;
                }
                after = chunk[^1].Seq;
                var documents = chunk.Select(o => JsonDocument.Parse(o.Json)).ToList();
                try
                {
                    var setRows = IndicatorOccurrences.ForSet(set.Id, documents.Select(d => d.RootElement), set.ImportedAt);
                    await occurrences.InsertAsync(setRows, ct);
                    total += setRows.Count;
                }
                finally
                {
                    documents.ForEach(d => d.Dispose());
                }
            }
        }

        await db.CorrelationBackfills.Where(r => r.Version == RulesVersion).ExecuteDeleteAsync(ct);
        db.CorrelationBackfills.Add(new CorrelationBackfillRun { Version = RulesVersion, CompletedAt = Common.Clock.UtcNow(time) });
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        return new Outcome(true, reports.Select(r => r.ReportId).Distinct().Count(), revisions.Select(r => r.AdvisoryId).Distinct().Count(), sets.Count, total);
    }

    /// <summary>
    /// The rows for a record's latest content, each first seen at the earliest submission or
    /// revision from which every later one carried it (what <see cref="IndicatorOccurrences.StageAsync"/>
    /// records as the submissions happen).
    /// </summary>
    public static List<IndicatorOccurrence> FromHistory(OccurrenceSource kind, Guid sourceId, IEnumerable<(DateTime At, IReadOnlyList<IndicatorValue> Indicators)> history)
    {
        var steps = history.Select(h => (h.At, Keys: IndicatorOccurrences.Keys(h.Indicators))).ToList();
        if (steps.Count == 0)
        {
            return [];
        }
        var rows = new List<IndicatorOccurrence>();
        foreach (var key in steps[^1].Keys)
        {
            var first = steps.Count - 1;
            while (first > 0 && steps[first - 1].Keys.Contains(key))
            {
                first--;
            }
            rows.Add(new IndicatorOccurrence { IndicatorType = key.Type, Value = key.Value, SourceKind = kind, SourceId = sourceId, FirstSeenAt = steps[first].At });
        }
        return rows;
    }
}
