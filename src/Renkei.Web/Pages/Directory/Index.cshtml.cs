using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

/// <summary>The map: sectors with their ministry, business scopes and CEPTOARs.</summary>
public sealed class IndexModel(DirectoryQueries directory) : RenkeiPageModel
{
    public List<SectorView> Sectors { get; private set; } = [];
    public Dictionary<string, CeptoarView> Ceptoars { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        Ceptoars = (await directory.CeptoarsAsync(Caller, null, ct)).ToDictionary(c => c.Code);
    }
}
