using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

public sealed class CommunitiesModel(DirectoryQueries directory) : RenkeiPageModel
{
    public List<CommunityView> Communities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Communities = await directory.CommunitiesAsync(Caller, ct);
}
