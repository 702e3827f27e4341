using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory.Csv;
using Renkei.ReferenceData;

namespace Renkei.Reports;

public sealed record CountRow(string Key, int Count);

/// <summary>A dated sector set, named in statistics so a reader knows which sectors the rows are.</summary>
public sealed record SectorSetRef(string Code, int FromFiscalYear, string PlanJa, string PlanEn, int SectorCount)
{
    public static SectorSetRef Of(SectorSet set) => new(set.Code, set.FromFiscalYear, set.PlanJa, set.PlanEn, set.Sectors.Count);
}

/// <param name="FiscalYear">The fiscal year asked for, or null for the whole period (or from/to).</param>
/// <param name="SectorSet">The sector set the by-sector rows use: the fiscal year's, or the current one.</param>
/// <param name="OutsideSectorSet">Reports filed under a sector that was not in the fiscal year's set (and maps to none of its sectors).</param>
public sealed record ReportStatisticsView(int Total, IReadOnlyList<CountRow> BySector, IReadOnlyList<CountRow> ByThreatCategory, IReadOnlyList<CountRow> BySeverity,
    IReadOnlyList<CountRow> ByMonth, int? FiscalYear = null, SectorSetRef? SectorSet = null, int OutsideSectorSet = 0);

/// <summary>
/// One fiscal year's count of IT failures beyond each sector's verification level, and the same
/// count by cause (threat category: cyber attack, unintentional, disaster, spill-over).
/// </summary>
/// <param name="SectorSet">Code of the fiscal year's sector set; <see cref="SectorCode"/> is a sector of it.</param>
/// <param name="InSectorSet">False for outages filed under a sector the year's set did not have (kept, not dropped).</param>
public sealed record VerificationYearRow(int FiscalYear, string SectorCode, int Count, IReadOnlyList<CountRow> ByCause, string SectorSet = "", bool InSectorSet = true);

/// <summary>
/// Statistics of submitted reports the caller may read (counts only: they name no reporter).
/// Months and fiscal years (April to March, as the action plan is evaluated) are in JST.
/// </summary>
/// <remarks>
/// A fiscal year is counted by that year's sector set (sector-sets.json): only its sectors get
/// rows, and a report filed under a sector that was later split off is counted under the sector
/// it belonged to then (airports under aviation before FY2022). Without a fiscal year the rows are
/// today's sector codes, as before.
/// </remarks>
public sealed class ReportStatistics(AccessPolicy access)
{
    public Task<ReportStatisticsView> SummaryAsync(Caller caller, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct = default) =>
        SummaryAsync(caller, fromUtc, toUtc, null, ct);

    /// <param name="fiscalYear">Counts the reports submitted in that fiscal year (JST), within from/to when also given, by its sector set.</param>
    public async Task<ReportStatisticsView> SummaryAsync(Caller caller, DateTime? fromUtc, DateTime? toUtc, int? fiscalYear, CancellationToken ct = default)
    {
        if (fiscalYear is { } year)
        {
            var (start, end) = FiscalYearBounds(year);
            fromUtc = fromUtc is { } f && f > start ? f : start;
            toUtc = toUtc is { } t && t < end ? t : end;
        }
        var rows = await Submitted(caller, fromUtc, toUtc)
            .Select(r => new { r.SectorCode, r.ThreatCategory, Severity = r.Severity ?? r.SeveritySuggested, r.SubmittedAt })
            .ToListAsync(ct);
        static List<CountRow> Count<T>(IEnumerable<T> keys, Func<T, string> text) =>
            keys.GroupBy(k => text(k)).Select(g => new CountRow(g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var set = fiscalYear is { } y ? SectorSets.For(y) : SectorSets.Current;
        List<CountRow> bySector;
        var outside = 0;
        if (fiscalYear is null)
        {
            bySector = Count(rows.Select(r => r.SectorCode), s => s);
        }
        else
        {
            var mapped = rows.Select(r => set.SectorFor(r.SectorCode)).ToList();
            outside = mapped.Count(m => m is null);
            // Every sector of the year's set, zeros included: a sector that did not exist yet has no row.
            bySector = set.Sectors.Select(code => new CountRow(code, mapped.Count(m => m == code))).ToList();
        }
        return new ReportStatisticsView(
            rows.Count,
            bySector,
            Count(rows.Select(r => r.ThreatCategory), s => s),
            Count(rows.Select(r => r.Severity), s => s?.ToString(CultureInfo.InvariantCulture) ?? "unassessed"),
            Count(rows.Select(r => Clock.ToJst(r.SubmittedAt!.Value)), d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            fiscalYear, SectorSetRef.Of(set), outside);
    }

    /// <summary>
    /// The figure the action plan is evaluated on: outages beyond the verification level, per
    /// fiscal year and sector, with the breakdown by cause. An outage counts in the year it became
    /// known (awareness), or of its first report when the report gives no awareness time.
    /// </summary>
    public Task<List<VerificationYearRow>> BeyondVerificationLevelAsync(Caller caller, CancellationToken ct = default) => BeyondVerificationLevelAsync(caller, null, ct);

    /// <param name="fiscalYear">Only that year, with a row for every sector of its set (zeros included).</param>
    public async Task<List<VerificationYearRow>> BeyondVerificationLevelAsync(Caller caller, int? fiscalYear, CancellationToken ct = default)
    {
        var rows = (await Submitted(caller, null, null).Where(r => r.VerificationExceeded == true)
            .Select(r => new { r.SectorCode, r.ThreatCategory, At = r.AwareAt ?? r.SubmittedAt })
            .ToListAsync(ct))
            .Select(r => (Year: FiscalYear(r.At!.Value), r.SectorCode, r.ThreatCategory))
            .Where(r => fiscalYear is null || r.Year == fiscalYear)
            .Select(r => (r.Year, Set: SectorSets.For(r.Year), r.SectorCode, r.ThreatCategory))
            .Select(r => (r.Year, r.Set, Sector: r.Set.SectorFor(r.SectorCode) ?? r.SectorCode, InSet: r.Set.SectorFor(r.SectorCode) is not null, r.ThreatCategory))
            .ToList();
        var result = rows.GroupBy(r => (r.Year, r.Sector))
            .Select(g => new VerificationYearRow(g.Key.Year, g.Key.Sector, g.Count(), ByCause(g.Select(r => r.ThreatCategory)), g.First().Set.Code, g.First().InSet))
            .ToList();
        if (fiscalYear is { } year)
        {
            var set = SectorSets.For(year);
            result.AddRange(set.Sectors.Where(code => !result.Any(r => r.SectorCode == code)).Select(code => new VerificationYearRow(year, code, 0, [], set.Code)));
        }
        return result.OrderBy(r => r.FiscalYear).ThenBy(r => r.SectorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The CSV: one column per cause (threat category, in the taxonomy's order) after the total, then the sector set the row's year uses.</summary>
    public Task<byte[]> BeyondVerificationLevelCsvAsync(Caller caller, CancellationToken ct = default) => BeyondVerificationLevelCsvAsync(caller, null, ct);

    public async Task<byte[]> BeyondVerificationLevelCsvAsync(Caller caller, int? fiscalYear, CancellationToken ct = default)
    {
        var causes = ThreatTaxonomy.Instance.Categories.Select(c => c.Code).ToList();
        return CsvFile.Write(["fiscal_year", "sector", "outages_beyond_verification_level", .. causes.Select(c => "cause_" + c), "sector_set"],
            (await BeyondVerificationLevelAsync(caller, fiscalYear, ct)).Select(r => (IReadOnlyList<string?>)[r.FiscalYear.ToString(CultureInfo.InvariantCulture), r.SectorCode, r.Count.ToString(CultureInfo.InvariantCulture),
                .. causes.Select(c => (r.ByCause.FirstOrDefault(b => b.Key == c)?.Count ?? 0).ToString(CultureInfo.InvariantCulture)), r.SectorSet]));
    }

    /// <summary>Counts by threat category in the taxonomy's order; categories with no outage are left out.</summary>
    private static List<CountRow> ByCause(IEnumerable<string> categories)
    {
        var order = ThreatTaxonomy.Instance.Categories.Select(c => c.Code).ToList();
        return categories.GroupBy(c => c).Select(g => new CountRow(g.Key, g.Count()))
            .OrderBy(c => order.IndexOf(c.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Japanese fiscal year (年度): April to March, by the JST date.</summary>
    public static int FiscalYear(DateTime utc)
    {
        var jst = Clock.ToJst(utc);
        return jst.Month >= 4 ? jst.Year : jst.Year - 1;
    }

    /// <summary>The fiscal year's first instant and the next one's, in UTC (1 April 00:00 JST).</summary>
    public static (DateTime Start, DateTime End) FiscalYearBounds(int fiscalYear)
    {
        static DateTime AprilFirst(int year) => DateTime.SpecifyKind(new DateTime(year, 4, 1, 0, 0, 0, DateTimeKind.Unspecified) - Clock.JstOffset, DateTimeKind.Utc);
        return (AprilFirst(fiscalYear), AprilFirst(fiscalYear + 1));
    }

    private IQueryable<Report> Submitted(Caller caller, DateTime? fromUtc, DateTime? toUtc)
    {
        var query = access.Reports(caller).AsNoTracking().Where(r => r.SubmittedAt != null);
        if (fromUtc is { } from)
        {
            query = query.Where(r => r.SubmittedAt >= from);
        }
        if (toUtc is { } to)
        {
            query = query.Where(r => r.SubmittedAt < to);
        }
        return query;
    }
}
