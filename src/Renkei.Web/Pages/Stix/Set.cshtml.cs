using Microsoft.AspNetCore.Mvc;
using Renkei.Stix;

namespace Renkei.Web.Pages.Stix;

/// <summary>One indicator set: its provenance, its audience, its objects a page at a time, and the bundle to download.</summary>
/// <remarks>A set the caller may not read does not exist here (404), as in the API.</remarks>
public sealed class SetModel(IndicatorSetQueries sets) : RenkeiPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public IndicatorSetDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var detail = await sets.GetAsync(Caller, id, Math.Max(0, Offset), PageSize, ct);
        if (detail is null)
        {
            return NotFound();
        }
        Detail = detail;
        return Page();
    }
}
