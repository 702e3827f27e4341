using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.Standards;

namespace Renkei.Web.Pages.Standards;

/// <summary>
/// The registry of safety standards (安全基準等) the caller reads, filterable by sector and kind:
/// every sector's ①–③ documents and, for an operator, its own internal rules (④) only — the
/// service reads through AccessPolicy.SafetyStandards, so the page cannot show another's.
/// </summary>
public sealed class IndexModel(SafetyStandardService standards, DirectoryQueries directory) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public List<SafetyStandardView> Standards { get; private set; } = [];
    public List<SectorView> Sectors { get; private set; } = [];

    public bool MayCreate => SafetyStandardService.MayCreateAny(Caller);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        var result = await standards.ListAsync(Caller, new SafetyStandardFilter(Blank(Sector), null, Blank(Kind)), ct);
        if (result.Ok)
        {
            Standards = result.Value!;
            return;
        }
        foreach (var (field, reasons) in result.Problem!.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var reason in reasons)
            {
                ModelState.AddModelError(field, reason);
            }
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
