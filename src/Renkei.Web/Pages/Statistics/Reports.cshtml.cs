using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;
using Renkei.ReferenceData;
using Renkei.Reports;
using Renkei.Web.Pages.Reports;

namespace Renkei.Web.Pages.Statistics;

/// <summary>
/// Report statistics of what the caller may read (counts only, no reporter), and the fiscal-year
/// count of outages beyond the verification level, as tables, charts and CSV.
/// </summary>
public sealed class ReportsModel(ReportStatistics statistics, DirectoryQueries directory, TimeProvider time) : RenkeiPageModel
{
    /// <summary>First day counted (JST date).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day counted (JST date, inclusive).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>A fiscal year (年度): counts it by that year's sector set.</summary>
    [BindProperty(SupportsGet = true)]
    public int? FiscalYear { get; set; }

    /// <summary>The fiscal years the selector offers: from the first sector set's to the current one.</summary>
    public IReadOnlyList<int> FiscalYears => Enumerable.Range(SectorSets.All[0].FromFiscalYear,
        ReportStatistics.FiscalYear(Clock.UtcNow(time)) - SectorSets.All[0].FromFiscalYear + 1).Reverse().ToList();

    public ReportStatisticsView Summary { get; private set; } = new(0, [], [], [], []);
    public List<VerificationYearRow> Beyond { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    public BarChart BySector => new("chart-sector", L["Statistics.BySector"], Summary.BySector.Select(r => new Bar(ReportText.Sector(Sectors, r.Key), r.Count)).ToList());

    public BarChart ByThreat => new("chart-threat", L["Statistics.ByThreat"], Summary.ByThreatCategory.Select(r => new Bar(ThreatName(r.Key), r.Count)).ToList());

    public BarChart BySeverity => new("chart-severity", L["Statistics.BySeverity"], Summary.BySeverity.Select(r => new Bar(SeverityName(r.Key), r.Count)).ToList());

    public BarChart ByMonth => new("chart-month", L["Statistics.ByMonth"], Summary.ByMonth.Select(r => new Bar(r.Key, r.Count)).ToList());

    public BarChart BeyondByYear => new("chart-verification", L["Statistics.BeyondChart"],
        Beyond.GroupBy(r => r.FiscalYear).OrderBy(g => g.Key).Select(g => new Bar(L["Statistics.FiscalYear", g.Key], g.Sum(r => r.Count))).ToList());

    /// <summary>Outages beyond the verification level by cause (threat category), all years together.</summary>
    public BarChart BeyondByCause => new("chart-verification-cause", L["Statistics.BeyondByCause"],
        ThreatTaxonomy.Instance.Categories.Select(c => new Bar(ThreatName(c.Code), Beyond.Sum(r => CauseCount(r, c.Code)))).Where(b => b.Value > 0).ToList());

    public static int CauseCount(VerificationYearRow row, string cause) => row.ByCause.FirstOrDefault(b => b.Key == cause)?.Count ?? 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        FiscalYear = FiscalYear is < 1990 or > 2999 ? null : FiscalYear;
        Summary = await statistics.SummaryAsync(Caller, Utc(From), Utc(To?.AddDays(1)), FiscalYear, ct);
        Beyond = await statistics.BeyondVerificationLevelAsync(Caller, FiscalYear, ct);
        Sectors = await directory.SectorsAsync(Caller, ct);
    }

    /// <summary>The same CSV as the API's, for people: counts per fiscal year and sector.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await statistics.BeyondVerificationLevelCsvAsync(Caller, FiscalYear is < 1990 or > 2999 ? null : FiscalYear, ct), "text/csv; charset=utf-8", "verification-levels.csv");

    public string ThreatName(string code) => ThreatTaxonomy.Instance.Category(code) is { } c ? Infrastructure.Ui.Name(c.NameJa, c.NameEn) : code;

    public string SeverityName(string key) => int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var level) ? ReportText.Severity(L, level) : L["Severity.None"];

    /// <summary>Midnight JST of the date, in UTC.</summary>
    private static DateTime? Utc(DateOnly? date) => date is { } d ? DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue) - Clock.JstOffset, DateTimeKind.Utc) : null;
}
