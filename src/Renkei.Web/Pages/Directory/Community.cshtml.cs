using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

public sealed class CommunityModel(DirectoryQueries directory) : RenkeiPageModel
{
    public CommunityView Community { get; private set; } = null!;
    public Page<OrganisationSummary> Members { get; private set; } = new([], 0, 0, 0);

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var community = await directory.CommunityAsync(Caller, code, ct);
        if (community is null)
        {
            return NotFound();
        }
        Community = community;
        Members = await directory.OrganisationsAsync(Caller, new OrganisationFilter(CommunityCode: code), Math.Max(0, Offset), 100, ct);
        return Page();
    }
}
