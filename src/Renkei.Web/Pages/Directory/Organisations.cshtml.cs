using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

/// <summary>Directory search: text and filters, all through the access policy.</summary>
public sealed class OrganisationsModel(DirectoryQueries directory) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Ceptoar { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public Page<OrganisationSummary> Result { get; private set; } = new([], 0, 0, 0);
    public List<SectorView> Sectors { get; private set; } = [];
    public List<CeptoarView> Ceptoars { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        Ceptoars = await directory.CeptoarsAsync(Caller, null, ct);
        OrganisationKind? kind = EnumText.TryParse<OrganisationKind>(Kind, out var k) ? k : null;
        Result = await directory.OrganisationsAsync(Caller, new OrganisationFilter(Q, kind, Sector, null, Ceptoar), Math.Max(0, Offset), 50, ct);
    }
}
