using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Indicators;
using Renkei.Reports;

namespace Renkei.Correlation;

/// <summary>
/// "Seen before": where else an indicator appears, among the records the caller may read.
/// </summary>
/// <remarks>
/// Every place comes from <see cref="AccessPolicy.Reports"/>, <see cref="AccessPolicy.Advisories"/>
/// or <see cref="AccessPolicy.IndicatorSets"/>, and totals count only those: a record the caller
/// may not read leaves no trace, not even in a count (it could tell that an anonymised report or
/// a closed community's set names the indicator). Reporters are shown through
/// <see cref="ReportQueries.ReportersAsync"/>, so anonymity is decided where it always is.
/// </remarks>
public sealed class CorrelationQueries(AccessPolicy access, ReportQueries reports, AuditTrail audit)
{
    /// <summary>Places listed per indicator of a record; the total says how many the caller may read.</summary>
    public const int MaxPlaces = 20;

    /// <summary>Every place the caller may read that carries the indicator, newest first.</summary>
    public async Task<IndicatorLookup> LookupAsync(Caller caller, IndicatorType type, string normalised, int offset, int limit, CancellationToken ct = default)
    {
        var places = await PlacesAsync(caller, [(type, normalised)], null, ct);
        var list = places.GetValueOrDefault((type, normalised)) ?? [];
        return new IndicatorLookup(type, normalised, new Page<IndicatorPlace>(list.Skip(offset).Take(limit).ToList(), list.Count, offset, limit));
    }

    /// <summary>A report's indicators seen elsewhere.</summary>
    public async Task<Page<IndicatorCorrelation>> ForReportAsync(VisibleReport report, int offset, int limit, bool recordRead, CancellationToken ct = default)
    {
        if (recordRead)
        {
            // The answer names the report's indicators: reading it is reading the report.
            await reports.RecordReadAsync(report, "report_correlations", report.Id.ToString("D"), ct);
        }
        return await CorrelateAsync(report.Caller, report.Id, IndicatorOccurrences.Keys(report.Report.Content.Indicators), offset, limit, ct);
    }

    /// <summary>An advisory's indicators seen elsewhere; null when the caller may not read it.</summary>
    public async Task<Page<IndicatorCorrelation>?> ForAdvisoryAsync(Caller caller, Guid id, int offset, int limit, bool recordRead, CancellationToken ct = default) =>
        await access.AdvisoryAsync(caller, id, ct) is { } advisory ? await ForAdvisoryAsync(advisory, offset, limit, recordRead, ct) : null;

    /// <summary>An advisory's indicators seen elsewhere, for the caller the handle was made for.</summary>
    public async Task<Page<IndicatorCorrelation>> ForAdvisoryAsync(VisibleAdvisory advisory, int offset, int limit, bool recordRead, CancellationToken ct = default)
    {
        var caller = advisory.Caller ?? throw new ArgumentException("Correlations are for signed-in callers.", nameof(advisory));
        if (recordRead && advisory.Advisory.Tlp != Tlp.Clear)
        {
            await audit.ReadAsync("advisory_correlations", advisory.Id.ToString("D"), ct);
        }
        return await CorrelateAsync(caller, advisory.Id, IndicatorOccurrences.Keys(advisory.Advisory.Content.Indicators), offset, limit, ct);
    }

    /// <summary>
    /// An indicator set's indicators seen elsewhere, a page at a time (a set may hold 100,000);
    /// null when the caller may not read the set.
    /// </summary>
    public async Task<Page<IndicatorCorrelation>?> ForIndicatorSetAsync(Caller caller, Guid id, int offset, int limit, CancellationToken ct = default)
    {
        if (await access.IndicatorSetAsync(caller, id, ct) is not { } set)
        {
            return null;
        }
        var visible = Visible(caller);
        var matched = access.IndicatorOccurrences(set)
            .Where(m => visible.Any(v => v.IndicatorType == m.IndicatorType && v.Value == m.Value && v.SourceId != id))
            .Select(m => new { m.IndicatorType, m.Value })
            .Distinct();
        var total = await matched.CountAsync(ct);
        var keys = (await matched.OrderBy(m => m.Value).ThenBy(m => m.IndicatorType).Skip(offset).Take(limit).ToListAsync(ct))
            .Select(m => (m.IndicatorType, m.Value))
            .ToList();
        var places = await PlacesAsync(caller, keys, id, ct);
        var items = keys.Where(places.ContainsKey).Select(k => Correlation(k, places[k])).ToList();
        return new Page<IndicatorCorrelation>(items, total, offset, limit);
    }

    /// <summary>
    /// For a page of a set's objects (the set page): the objects, by STIX id, whose indicator is
    /// seen in other records the caller may read; empty when the caller may not read the set.
    /// </summary>
    public async Task<Dictionary<string, IndicatorCorrelation>> ForSetObjectsAsync(Caller caller, Guid setId, IReadOnlyList<string> stixIds, CancellationToken ct = default)
    {
        if (stixIds.Count == 0 || await access.IndicatorSetAsync(caller, setId, ct) is not { } set)
        {
            return [];
        }
        var own = await access.IndicatorOccurrences(set).Where(o => stixIds.Contains(o.StixId!))
            .Select(o => new { o.StixId, o.IndicatorType, o.Value })
            .ToListAsync(ct);
        var places = await PlacesAsync(caller, own.Select(o => (o.IndicatorType, o.Value)).Distinct().ToList(), setId, ct);
        return own.Where(o => places.ContainsKey((o.IndicatorType, o.Value)))
            .ToDictionary(o => o.StixId!, o => Correlation((o.IndicatorType, o.Value), places[(o.IndicatorType, o.Value)]), StringComparer.Ordinal);
    }

    private async Task<Page<IndicatorCorrelation>> CorrelateAsync(Caller caller, Guid sourceId, IReadOnlyCollection<(IndicatorType Type, string Value)> keys, int offset, int limit, CancellationToken ct)
    {
        var places = await PlacesAsync(caller, keys, sourceId, ct);
        var seen = keys.Where(places.ContainsKey).OrderBy(k => k.Value, StringComparer.Ordinal).ThenBy(k => k.Type).ToList();
        var items = seen.Skip(offset).Take(limit).Select(k => Correlation(k, places[k])).ToList();
        return new Page<IndicatorCorrelation>(items, seen.Count, offset, limit);
    }

    private static IndicatorCorrelation Correlation((IndicatorType Type, string Value) key, List<IndicatorPlace> places) =>
        new(key.Type, key.Value, places.Count, places.Take(MaxPlaces).ToList());

    /// <summary>The occurrences in records the caller may read — the only ones any answer is built from.</summary>
    private IQueryable<IndicatorOccurrence> Visible(Caller caller) => access.IndicatorOccurrences(caller);

    /// <summary>For each indicator, the readable records carrying it (one place per record), newest sighting first.</summary>
    private async Task<Dictionary<(IndicatorType Type, string Value), List<IndicatorPlace>>> PlacesAsync(
        Caller caller, IReadOnlyCollection<(IndicatorType Type, string Value)> keys, Guid? exclude, CancellationToken ct)
    {
        var result = new Dictionary<(IndicatorType, string), List<IndicatorPlace>>();
        if (keys.Count == 0)
        {
            return result;
        }
        var wanted = keys.ToHashSet();
        var values = keys.Select(k => k.Value).Distinct().ToList();
        var query = Visible(caller).Where(o => values.Contains(o.Value));
        if (exclude is { } excluded)
        {
            query = query.Where(o => o.SourceId != excluded);
        }
        var rows = (await query.Select(o => new { o.IndicatorType, o.Value, o.SourceKind, o.SourceId, o.StixId, o.FirstSeenAt }).ToListAsync(ct))
            .Where(o => wanted.Contains((o.IndicatorType, o.Value)))
            .GroupBy(o => (o.IndicatorType, o.Value, o.SourceId))
            .Select(g => g.OrderBy(o => o.FirstSeenAt).ThenBy(o => o.StixId, StringComparer.Ordinal).First())
            .ToList();
        var describe = await DescribeAsync(caller, rows.Select(r => (r.SourceKind, r.SourceId)).Distinct().ToList(), ct);
        foreach (var row in rows)
        {
            if (!describe.TryGetValue(row.SourceId, out var place))
            {
                continue;
            }
            var key = (row.IndicatorType, row.Value);
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }
            list.Add(place with { FirstSeenAt = row.FirstSeenAt, StixId = row.StixId });
        }
        foreach (var list in result.Values)
        {
            list.Sort((a, b) => b.FirstSeenAt.CompareTo(a.FirstSeenAt) is var c && c != 0 ? c : a.Id.CompareTo(b.Id));
        }
        return result;
    }

    /// <summary>Each record as the caller sees it, read again through the access policy.</summary>
    private async Task<Dictionary<Guid, IndicatorPlace>> DescribeAsync(Caller caller, IReadOnlyList<(OccurrenceSource Kind, Guid Id)> sources, CancellationToken ct)
    {
        var places = new Dictionary<Guid, IndicatorPlace>();
        var reportIds = sources.Where(s => s.Kind == OccurrenceSource.Report).Select(s => s.Id).ToList();
        if (reportIds.Count > 0)
        {
            var rows = await access.Reports(caller).AsNoTracking().Where(r => reportIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Title, r.Tlp, r.SubmittedAt, r.SectorCode })
                .ToListAsync(ct);
            var reporters = await reports.ReportersAsync(caller, rows.Select(r => r.Id).ToList(), ct);
            foreach (var r in rows)
            {
                var who = reporters[r.Id];
                places[r.Id] = new IndicatorPlace(OccurrenceSource.Report, r.Id, r.Title, r.Tlp, r.SubmittedAt, r.SectorCode, false,
                    new PlaceOrganisation(who.Disclosed, who.OrganisationId, who.NameJa, who.NameEn), default, null);
            }
        }
        var advisoryIds = sources.Where(s => s.Kind == OccurrenceSource.Advisory).Select(s => s.Id).ToList();
        if (advisoryIds.Count > 0)
        {
            var rows = await access.Advisories(caller).AsNoTracking().Where(a => advisoryIds.Contains(a.Id))
                .Join(access.Organisations(caller), a => a.OwnerOrganisationId, o => o.Id, (a, o) => new { a, o.NameJa, o.NameEn })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                places[r.a.Id] = new IndicatorPlace(OccurrenceSource.Advisory, r.a.Id, r.a.Content.Title, r.a.Tlp, r.a.PublishedAt, null, r.a.State == AdvisoryState.Withdrawn,
                    new PlaceOrganisation(true, r.a.OwnerOrganisationId, r.NameJa, r.NameEn), default, null);
            }
        }
        var setIds = sources.Where(s => s.Kind == OccurrenceSource.IndicatorSet).Select(s => s.Id).ToList();
        if (setIds.Count > 0)
        {
            var rows = await access.IndicatorSets(caller).AsNoTracking().Where(s => setIds.Contains(s.Id))
                .Join(access.Organisations(caller), s => s.OwnerOrganisationId, o => o.Id, (s, o) => new { s.Id, s.Title, s.Tlp, s.ImportedAt, s.OwnerOrganisationId, o.NameJa, o.NameEn })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                places[r.Id] = new IndicatorPlace(OccurrenceSource.IndicatorSet, r.Id, r.Title, r.Tlp, r.ImportedAt, null, false,
                    new PlaceOrganisation(true, r.OwnerOrganisationId, r.NameJa, r.NameEn), default, null);
            }
        }
        return places;
    }
}
