using Microsoft.AspNetCore.Mvc;
using Renkei.Notices;

namespace Renkei.Web.Pages.Notices;

public sealed class DetailModel(NoticeService notices) : RenkeiPageModel
{
    public NoticeView Notice { get; private set; } = null!;

    public bool CanEdit => Access.Permissions.EditNotice(Caller, Notice.CreatedByUserId, Notice.OwnerOrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var notice = await notices.GetAsync(Caller, id, ct);
        if (notice is null)
        {
            return NotFound();
        }
        Notice = notice;
        return Page();
    }
}
