using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory.Csv;

namespace Renkei.Reports;

public sealed record CountRow(string Key, int Count);

public sealed record ReportStatisticsView(int Total, IReadOnlyList<CountRow> BySector, IReadOnlyList<CountRow> ByThreatCategory, IReadOnlyList<CountRow> BySeverity,
    IReadOnlyList<CountRow> ByMonth);

/// <summary>
/// One fiscal year's count of IT failures beyond each sector's verification level, and the same
/// count by cause (threat category: cyber attack, unintentional, disaster, spill-over).
/// </summary>
public sealed record VerificationYearRow(int FiscalYear, string SectorCode, int Count, IReadOnlyList<CountRow> ByCause);

/// <summary>
/// Statistics of submitted reports the caller may read (counts only: they name no reporter).
/// Months and fiscal years (April to March, as the action plan is evaluated) are in JST.
/// </summary>
public sealed class ReportStatistics(AccessPolicy access)
{
    public async Task<ReportStatisticsView> SummaryAsync(Caller caller, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct = default)
    {
        var rows = await Submitted(caller, fromUtc, toUtc)
            .Select(r => new { r.SectorCode, r.ThreatCategory, Severity = r.Severity ?? r.SeveritySuggested, r.SubmittedAt })
            .ToListAsync(ct);
        static List<CountRow> Count<T>(IEnumerable<T> keys, Func<T, string> text) =>
            keys.GroupBy(k => text(k)).Select(g => new CountRow(g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        return new ReportStatisticsView(
            rows.Count,
            Count(rows.Select(r => r.SectorCode), s => s),
            Count(rows.Select(r => r.ThreatCategory), s => s),
            Count(rows.Select(r => r.Severity), s => s?.ToString(CultureInfo.InvariantCulture) ?? "unassessed"),
            Count(rows.Select(r => Clock.ToJst(r.SubmittedAt!.Value)), d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The figure the action plan is evaluated on: outages beyond the verification level, per
    /// fiscal year and sector, with the breakdown by cause. An outage counts in the year it became
    /// known (awareness), or of its first report when the report gives no awareness time.
    /// </summary>
    public async Task<List<VerificationYearRow>> BeyondVerificationLevelAsync(Caller caller, CancellationToken ct = default)
    {
        var rows = await Submitted(caller, null, null).Where(r => r.VerificationExceeded == true)
            .Select(r => new { r.SectorCode, r.ThreatCategory, At = r.AwareAt ?? r.SubmittedAt })
            .ToListAsync(ct);
        return rows.GroupBy(r => (FiscalYear(r.At!.Value), r.SectorCode))
            .Select(g => new VerificationYearRow(g.Key.Item1, g.Key.SectorCode, g.Count(), ByCause(g.Select(r => r.ThreatCategory))))
            .OrderBy(r => r.FiscalYear).ThenBy(r => r.SectorCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The CSV: one column per cause (threat category, in the taxonomy's order) after the total.</summary>
    public async Task<byte[]> BeyondVerificationLevelCsvAsync(Caller caller, CancellationToken ct = default)
    {
        var causes = ThreatTaxonomy.Instance.Categories.Select(c => c.Code).ToList();
        return CsvFile.Write(["fiscal_year", "sector", "outages_beyond_verification_level", .. causes.Select(c => "cause_" + c)],
            (await BeyondVerificationLevelAsync(caller, ct)).Select(r => (IReadOnlyList<string?>)[r.FiscalYear.ToString(CultureInfo.InvariantCulture), r.SectorCode, r.Count.ToString(CultureInfo.InvariantCulture),
                .. causes.Select(c => (r.ByCause.FirstOrDefault(b => b.Key == c)?.Count ?? 0).ToString(CultureInfo.InvariantCulture))]));
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
