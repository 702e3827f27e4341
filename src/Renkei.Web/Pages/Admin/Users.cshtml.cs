using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Identity;

namespace Renkei.Web.Pages.Admin;

/// <summary>The accounts the caller may see: their own organisation's, or all for platform admins.</summary>
public sealed class UsersModel(UserAdminService users) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public Page<UserView> Result { get; private set; } = new([], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await users.ListAsync(Caller, Organisation, Q, Math.Max(0, Offset), 50, ct);
}
