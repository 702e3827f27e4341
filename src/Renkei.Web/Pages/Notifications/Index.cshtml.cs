using Microsoft.AspNetCore.Mvc;
using Renkei.Notifications;

namespace Renkei.Web.Pages.Notifications;

/// <summary>
/// The signed-in user's inbox: what happened to the reports they handle, newest first. Only their
/// own notifications exist here (<see cref="Access.AccessPolicy.Notifications"/>); each is already
/// worded from the recipient's own view of the report, so nothing here can reveal more.
/// </summary>
public sealed class IndexModel(NotificationService notifications) : RenkeiPageModel
{
    public const int PageSize = 100;

    public NotificationPage Inbox { get; private set; } = new([], 0);

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Inbox = await notifications.ListAsync(Caller, Unread, null, PageSize, ct);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (!await notifications.MarkReadAsync(Caller, id, ct))
        {
            return NotFound();
        }
        return Redirect(Unread ? "/Notifications?unread=true" : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await notifications.MarkAllReadAsync(Caller, null, ct);
        Flash = L["Notifications.MarkedRead", marked];
        return Redirect("/Notifications");
    }
}
