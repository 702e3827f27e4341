using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Web.Pages.Admin;

/// <summary>Create a user, or edit, reset, deactivate and reactivate one.</summary>
public sealed class UserEditModel(UserAdminService users, DirectoryQueries directory) : RenkeiPageModel
{
    [BindProperty]
    public UserForm Input { get; set; } = new();

    public UserView? Existing { get; private set; }

    /// <summary>A one-time password to hand over, shown once after create or reset.</summary>
    public string? TemporaryPassword { get; private set; }

    public List<OrganisationSummary> Organisations { get; private set; } = [];

    public sealed class UserForm
    {
        [Display(Name = "User.Email")]
        public string Email { get; set; } = "";

        [Display(Name = "User.DisplayName")]
        public string DisplayName { get; set; } = "";

        public Guid? OrganisationId { get; set; }

        public List<Role> Roles { get; set; } = [];

        public string PreferredLanguage { get; set; } = "ja";

        public string? ConcurrencyStamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? organisation, CancellationToken ct)
    {
        if (id is null)
        {
            var orgId = organisation ?? Caller.OrganisationId;
            if (!Permissions.ManageUsers(Caller, orgId))
            {
                return Forbid();
            }
            Input.OrganisationId = orgId;
            Input.Roles = [Role.Viewer];
            await LoadOrganisationsAsync(ct);
            return Page();
        }
        return await LoadAsync(id.Value, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            var created = await users.CreateAsync(Caller, new UserInput
            {
                Email = Input.Email,
                DisplayName = Input.DisplayName,
                OrganisationId = Input.OrganisationId,
                Roles = Input.Roles,
                PreferredLanguage = Input.PreferredLanguage,
            }, ct);
            if (!created.Ok)
            {
                await LoadOrganisationsAsync(ct);
                return ShowProblem(created.Problem!);
            }
            Existing = created.Value!.User;
            TemporaryPassword = created.Value.TemporaryPassword;
            Input = FormOf(Existing);
            await LoadOrganisationsAsync(ct);
            return Page();
        }
        var updated = await users.UpdateAsync(Caller, id.Value, new UserUpdate
        {
            DisplayName = Input.DisplayName,
            Roles = Input.Roles,
            PreferredLanguage = Input.PreferredLanguage,
            OrganisationId = Permissions.PlaceUsers(Caller) ? Input.OrganisationId : null,
            ConcurrencyStamp = Input.ConcurrencyStamp,
        }, ct);
        if (!updated.Ok)
        {
            return await LoadAsync(id.Value, ct, keepInput: true) ? ShowProblem(updated.Problem!) : NotFound();
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Admin/Users/{id}");
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, bool resetTwoFactor, CancellationToken ct)
    {
        var reset = await users.ResetAsync(Caller, id, resetTwoFactor, ct);
        if (!reset.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(reset.Problem!) : NotFound();
        }
        await LoadAsync(id, ct);
        TemporaryPassword = reset.Value!.TemporaryPassword;
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var result = await users.SetActiveAsync(Caller, id, active, ct);
        if (!result.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L[active ? "User.Reactivated" : "User.DeactivatedFlash"];
        return Redirect($"/Admin/Users/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool keepInput = false)
    {
        Existing = await users.ViewAsync(Caller, id, ct);
        if (Existing is null)
        {
            return false;
        }
        if (!keepInput)
        {
            Input = FormOf(Existing);
        }
        await LoadOrganisationsAsync(ct);
        return true;
    }

    private async Task LoadOrganisationsAsync(CancellationToken ct)
    {
        // Only platform admins choose the organisation; others create users of their own.
        Organisations = Permissions.PlaceUsers(Caller)
            ? (await directory.OrganisationsAsync(Caller, new OrganisationFilter(), 0, 10_000, ct)).Items.ToList()
            : [];
    }

    private static UserForm FormOf(UserView u) => new()
    {
        Email = u.Email,
        DisplayName = u.DisplayName,
        OrganisationId = u.OrganisationId,
        Roles = [.. u.Roles],
        PreferredLanguage = u.PreferredLanguage,
        ConcurrencyStamp = u.ConcurrencyStamp,
    };

    public string RoleValue(Role role) => role.ToString();

    public static string Text(Role role) => EnumText.ToText(role);
}
