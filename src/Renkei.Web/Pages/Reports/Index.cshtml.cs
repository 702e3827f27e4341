using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Reports;

namespace Renkei.Web.Pages.Reports;

/// <summary>Reports the caller may read: a reporter's own, a desk's queue; filters as the API has them.</summary>
public sealed class IndexModel(ReportQueries queries, DirectoryQueries directory, AlertLevelQueries alertLevels) : RenkeiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinSeverity { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Beyond { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportRoute? Route { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public Page<ReportSummary> Result { get; private set; } = new([], 0, 0, 0);
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>The alert level over the reports and advisories this desk may read.</summary>
    public CurrentAlertLevel? AlertLevel { get; private set; }

    public bool Filtered => Sector is not null || MinSeverity is not null || State is not null || Overdue is not null || Beyond is not null || Kind is not null || Route is not null || !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unreadable filter value is dropped rather than refused: the list stays usable.
        var minimum = MinSeverity is >= 0 and <= 4 ? MinSeverity : null;
        var filter = new ReportFilter(State, Kind, string.IsNullOrWhiteSpace(Sector) ? null : Sector, Route, null, Q, Overdue, Beyond, minimum);
        Result = await queries.ListAsync(Caller, filter, Math.Max(0, Offset), PageSize, ct);
        Sectors = await directory.SectorsAsync(Caller, ct);
        AlertLevel = await alertLevels.CurrentAsync(Caller, ct);
    }

    public string SectorName(string code) => Sectors.FirstOrDefault(s => s.Code == code) is { } s ? Infrastructure.Ui.Name(s.NameJa, s.NameEn) : code;
}
