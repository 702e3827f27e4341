using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Common;

namespace Renkei.Reports;

/// <param name="Current">The alert level now, for what the caller may read.</param>
/// <param name="DerivedFrom">"reports" (an open report's severity), "advisories" (a current advisory's level) or "none" (the lowest level).</param>
/// <param name="OpenReports">Submitted reports not yet closed that the caller may read.</param>
/// <param name="HighestSeverity">The highest severity among them (the analyst's, else the figures' suggestion).</param>
/// <param name="CurrentAdvisories">Published advisories within their validity that the caller may read.</param>
/// <param name="HighestAdvisoryLevel">The highest alert level their issuers set.</param>
public sealed record CurrentAlertLevel(
    AlertLevel Current, string DerivedFrom, int OpenReports, int? HighestSeverity, int CurrentAdvisories, int? HighestAdvisoryLevel,
    IReadOnlyList<AlertLevel> Scale, IReadOnlyList<SeverityLevel> SeverityLevels);

/// <summary>
/// The current alert level (警戒レベル) as one caller sees it. Kept simple on purpose: an issuer may
/// set an alert level on an advisory (NISC announcing its posture), and an open report raises the
/// level its severity calls for (<c>Data/alert-levels.json</c>); the level shown is the higher of
/// the two over what is open now. Both reads go through <see cref="AccessPolicy"/>, so the desk
/// sees the level of the reports and advisories it may read and the public portal (no caller) that
/// of the TLP:CLEAR advisories only — nothing about reports it may not read leaks through the level.
/// </summary>
public sealed class AlertLevelQueries(AccessPolicy access, TimeProvider time)
{
    /// <summary>As <see cref="AdvisoryService.CurrentPublicAsync"/>: validity lives in the content, checked over the latest published.</summary>
    private const int AdvisoriesScanned = 500;

    public async Task<CurrentAlertLevel> CurrentAsync(Caller? caller, CancellationToken ct = default)
    {
        var open = access.Reports(caller).AsNoTracking().Where(r => r.State != ReportState.Draft && r.State != ReportState.Closed);
        var openCount = await open.CountAsync(ct);
        var highestSeverity = openCount == 0 ? null : await open.MaxAsync(r => r.Severity ?? r.SeveritySuggested, ct);

        var now = Clock.UtcNow(time);
        var contents = await access.Advisories(caller).AsNoTracking().Where(a => a.State == AdvisoryState.Published)
            .OrderByDescending(a => a.PublishedAt).Take(AdvisoriesScanned).Select(a => a.Content).ToListAsync(ct);
        var current = contents.Where(c => (c.ValidFrom is null || c.ValidFrom <= now) && (c.ValidUntil is null || c.ValidUntil >= now)).ToList();
        var highestAdvisory = current.Max(c => c.AlertLevel);

        var fromReports = SeverityScale.ForSeverity(highestSeverity);
        var fromAdvisories = SeverityScale.Alert(highestAdvisory);
        // The higher of the two wins; on a tie the reports' severity is named as the reason.
        var (level, source) = fromAdvisories is not null && fromAdvisories.Level > fromReports.Level ? (fromAdvisories, "advisories")
            : highestSeverity is not null ? (fromReports, "reports")
            : fromAdvisories is not null ? (fromAdvisories, "advisories")
            : (SeverityScale.Normal, "none");
        return new CurrentAlertLevel(level, source, openCount, highestSeverity, current.Count, highestAdvisory, SeverityScale.AlertLevels, SeverityScale.Levels);
    }
}
