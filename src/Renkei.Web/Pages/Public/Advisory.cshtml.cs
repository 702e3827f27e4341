using Microsoft.AspNetCore.Mvc;
using Renkei.Advisories;

namespace Renkei.Web.Pages.Public;

/// <summary>One TLP:CLEAR advisory for anyone; anything else does not exist here (404).</summary>
public sealed class AdvisoryModel(AdvisoryService advisories) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public AdvisoryView Advisory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // No caller: the sharing policy admits TLP:CLEAR only, and never a draft.
        var advisory = await advisories.GetAsync(null, id, ct);
        if (advisory is null || advisory.State == AdvisoryState.Draft)
        {
            return NotFound();
        }
        Advisory = advisory;
        return Page();
    }
}
