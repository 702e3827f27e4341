using Microsoft.AspNetCore.Mvc;
using Renkei.Taxii.Feeds;

namespace Renkei.Web.Pages.Admin.Feeds;

/// <summary>The organisation's partner TAXII feeds and how each is doing (連携フィード).</summary>
public sealed class IndexModel(TaxiiFeedService feeds) : RenkeiPageModel
{
    public List<TaxiiFeedView> Feeds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TaxiiFeedService.MayManage(Caller))
        {
            return Forbid();
        }
        Feeds = await feeds.ListAsync(Caller, ct);
        return Page();
    }
}
