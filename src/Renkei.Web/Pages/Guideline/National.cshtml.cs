using Microsoft.AspNetCore.Mvc;
using Renkei.Guideline;

namespace Renkei.Web.Pages.Guideline;

/// <summary>
/// The national matrix: sectors × the items of a guideline version, where each sector stands and
/// the share covered per sector and per item — the sectors whose coverage the caller reads.
/// </summary>
public sealed class NationalModel(GuidelineCoverageService coverage, GuidelineService guideline) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Revision { get; set; }

    public NationalCoverageView? Matrix { get; private set; }

    public List<RevisionView> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var matrix = await coverage.NationalAsync(Caller, Revision, ct);
        if (!matrix.Ok)
        {
            return NotFound();
        }
        Matrix = matrix.Value!;
        Revisions = await guideline.RevisionsAsync(ct);
        return Page();
    }
}
