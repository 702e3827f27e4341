using Renkei.Common;
using Renkei.Directory;
using Renkei.Notices;

namespace Renkei.Web.Pages;

public sealed class IndexModel(DirectoryQueries directory, NoticeService notices) : RenkeiPageModel
{
    public OrganisationDetail? Organisation { get; private set; }
    public Page<NoticeSummary> Notices { get; private set; } = new([], 0, 0, 0);
    public int Sectors { get; private set; }
    public int Ceptoars { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisation = await directory.OrganisationAsync(Caller, Caller.OrganisationId, ct);
        Notices = await notices.ListAsync(Caller, 0, 5, ct);
        Sectors = (await directory.SectorsAsync(Caller, ct)).Count;
        Ceptoars = (await directory.CeptoarsAsync(Caller, null, ct)).Count;
    }
}
