using Microsoft.AspNetCore.Mvc;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Assessments;

/// <summary>
/// Consented good practices for the national centre and the ministries, to feed the next guideline
/// revision: the item and the sector, never the organisation (the service does not even read it).
/// </summary>
public sealed class GoodPracticesModel(GoodPractices practices, DirectoryQueries directory) : RenkeiPageModel
{
    public List<PublishedGoodPractice> Practices { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>The item code to filter by (exact), or none.</summary>
    [BindProperty(SupportsGet = true, Name = "item")]
    public string? ItemCode { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(ItemCode) ? null : ItemCode.Trim();
        var result = await practices.PublishedAsync(Caller, code, null, ct);
        if (!result.Ok)
        {
            return result.Problem!.Kind == ProblemKind.Forbidden ? Forbid() : NotFound();
        }
        Practices = result.Value!;
        Sectors = await directory.SectorsAsync(Caller, ct);
        return Page();
    }
}
