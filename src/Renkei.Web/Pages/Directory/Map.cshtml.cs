using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Directory;
using Renkei.ReferenceData;

namespace Renkei.Web.Pages.Directory;

/// <summary>A dated CEPTOAR map (2016年版 / 2023年版) as published: read-only reference data, not the directory's current records.</summary>
public sealed class MapModel(DirectoryQueries directory) : RenkeiPageModel
{
    public CeptoarMap Map { get; private set; } = null!;
    public IReadOnlyList<CeptoarMap> Maps { get; private set; } = [];
    public SectorSet? Set { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Maps = AccessPolicy.CeptoarMaps(Caller);
        if ((year is null ? (Maps.Count > 0 ? Maps[^1] : null) : Maps.FirstOrDefault(m => m.Year == year)) is not { } map)
        {
            return NotFound();
        }
        Map = map;
        Set = SectorSets.ByCode(map.SectorSet);
        Sectors = await directory.SectorsAsync(Caller, ct);
        return Page();
    }

    public string SectorName(string code) => Sectors.FirstOrDefault(s => s.Code == code) is { } s ? Infrastructure.Ui.Name(s.NameJa, s.NameEn) : code;

    public string ScopeName(string? code) => code is null ? "—"
        : Sectors.SelectMany(s => s.BusinessScopes).FirstOrDefault(b => b.Code == code) is { } b ? Infrastructure.Ui.Name(b.NameJa, b.NameEn) : code;
}
