using Microsoft.AspNetCore.Mvc;
using Renkei.Notices;

namespace Renkei.Web.Pages.Notices;

public sealed class DetailModel(NoticeService notices) : RenkeiPageModel
{
    public NoticeView Notice { get; private set; } = null!;

    public bool CanEdit => Notice.CreatedByUserId == Caller.UserId || (Notice.OwnerOrganisationId == Caller.OrganisationId && Caller.Has(Renkei.Identity.Role.Admin));

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
