using Microsoft.AspNetCore.Mvc;
using Renkei.Stix;

namespace Renkei.Web.Pages.Stix;

/// <summary>One indicator set: its provenance, its audience, its objects a page at a time, and the bundle to download.</summary>
/// <remarks>A set the caller may not read does not exist here (404), as in the API.</remarks>
public sealed class SetModel(IndicatorSetQueries sets, Renkei.Correlation.CorrelationQueries correlations) : RenkeiPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public IndicatorSetDetail Detail { get; private set; } = null!;

    /// <summary>This page's indicator objects (by STIX id) seen in other records the caller may read ("既出").</summary>
    public Dictionary<string, Renkei.Correlation.IndicatorCorrelation> SeenBefore { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var detail = await sets.GetAsync(Caller, id, Math.Max(0, Offset), PageSize, ct);
        if (detail is null)
        {
            return NotFound();
        }
        Detail = detail;
        SeenBefore = await correlations.ForSetObjectsAsync(Caller, id, detail.Objects.Items.Select(o => o.Id).ToList(), ct);
        return Page();
    }
}
