using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

public sealed class CeptoarModel(DirectoryQueries directory) : RenkeiPageModel
{
    public CeptoarView Ceptoar { get; private set; } = null!;
    public Page<OrganisationSummary> Members { get; private set; } = new([], 0, 0, 0);

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public bool CanManageMembers => Access.Permissions.ManageCeptoarMembers(Caller, Ceptoar.Code);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var ceptoar = await directory.CeptoarAsync(Caller, code, ct);
        if (ceptoar is null)
        {
            return NotFound();
        }
        Ceptoar = ceptoar;
        Members = await directory.OrganisationsAsync(Caller, new OrganisationFilter(CeptoarCode: code), Math.Max(0, Offset), 100, ct);
        return Page();
    }
}
