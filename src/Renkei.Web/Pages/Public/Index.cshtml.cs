using Renkei.Advisories;
using Renkei.Common;
using Renkei.Reports;

namespace Renkei.Web.Pages.Public;

/// <summary>
/// The public portal: TLP:CLEAR advisories without sign-in, and a short "cyber weather" of what is
/// current. Everything comes through <see cref="AdvisoryService"/> with no caller, so the sharing
/// policy admits TLP:CLEAR and nothing else.
/// </summary>
public sealed class IndexModel(AdvisoryService advisories, AlertLevelQueries alertLevels, TimeProvider time) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public const int Shown = 50;

    public List<AdvisorySummary> Published { get; private set; } = [];

    /// <summary>Current = published and not past its validity; by kind, emergencies first.</summary>
    public List<(AdvisoryKind Kind, int Count, int Emergencies)> Weather { get; private set; } = [];

    /// <summary>Read with no caller: only TLP:CLEAR advisories set it; no report can raise it here.</summary>
    public CurrentAlertLevel AlertLevel { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await advisories.ListAsync(null, 0, Shown, ct);
        Published = page.Items.Where(a => a.State == AdvisoryState.Published).ToList();
        var now = Clock.UtcNow(time);
        var current = await advisories.CurrentPublicAsync(now, ct);
        Weather = current.GroupBy(a => a.Kind)
            .Select(g => (g.Key, g.Count(), g.Count(a => a.Urgency == AdvisoryUrgency.Emergency)))
            .OrderByDescending(w => w.Item3).ThenByDescending(w => w.Item2).ToList();
        AlertLevel = await alertLevels.CurrentAsync(null, ct);
    }
}
