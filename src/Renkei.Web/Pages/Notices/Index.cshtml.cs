using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Notices;

namespace Renkei.Web.Pages.Notices;

public sealed class IndexModel(NoticeService notices) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public Page<NoticeSummary> Result { get; private set; } = new([], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) => Result = await notices.ListAsync(Caller, Math.Max(0, Offset), 50, ct);
}
