using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

public sealed class SectorModel(DirectoryQueries directory) : RenkeiPageModel
{
    public SectorView Sector { get; private set; } = null!;
    public List<CeptoarView> Ceptoars { get; private set; } = [];
    public Page<OrganisationSummary> Organisations { get; private set; } = new([], 0, 0, 0);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var sector = await directory.SectorAsync(Caller, code, ct);
        if (sector is null)
        {
            return NotFound();
        }
        Sector = sector;
        Ceptoars = await directory.CeptoarsAsync(Caller, code, ct);
        Organisations = await directory.OrganisationsAsync(Caller, new OrganisationFilter(SectorCode: code), 0, 200, ct);
        return Page();
    }
}
