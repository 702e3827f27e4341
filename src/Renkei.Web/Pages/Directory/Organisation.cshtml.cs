using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.Web.Pages.Directory;

/// <summary>One organisation: profile, memberships, points of contact — each part as far as the caller may see it.</summary>
public sealed class OrganisationModel(
    DirectoryQueries directory,
    ContactService contacts,
    MembershipService memberships,
    OrganisationService organisations,
    CeptoarRecipientService recipients) : RenkeiPageModel
{
    public OrganisationDetail Detail { get; private set; } = null!;

    /// <summary>The CEPTOARs whose 展開先 lists hold this organisation, as far as the caller sees them.</summary>
    public List<CeptoarRecipientOf> RecipientOf { get; private set; } = [];

    /// <summary>The CEPTOARs and communities the caller keeps members of (for the add form).</summary>
    public List<(MembershipKind Kind, string Code, string Name)> Joinable { get; private set; } = [];

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public bool CanEdit => Permissions.EditOrganisation(Caller, Detail.Organisation.Id);
    public bool CanManageContacts => Permissions.ManageContacts(Caller, Detail.Organisation.Id);
    public bool CanDelete => Permissions.DeleteOrganisation(Caller);

    public bool CanRemove(MembershipView m) => Permissions.ChangeMembership(Caller, m.Kind, m.Code, m.Role);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddContactAsync(Guid id, CancellationToken ct)
    {
        var result = await contacts.AddAsync(Caller, id, Input, ct);
        if (!result.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Organisations/{id}#contacts");
    }

    public async Task<IActionResult> OnPostDeleteContactAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        var result = await contacts.DeleteAsync(Caller, id, contactId, ct);
        if (!result.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L["Flash.Deleted"];
        return Redirect($"/Directory/Organisations/{id}#contacts");
    }

    public async Task<IActionResult> OnPostAddMembershipAsync(Guid id, string membership, CancellationToken ct)
    {
        var parts = (membership ?? "").Split(':', 2);
        if (parts.Length != 2 || !EnumText.TryParse<MembershipKind>(parts[0], out var kind))
        {
            return await LoadAsync(id, ct) ? ShowProblem(Problem.Invalid("membership", L["Membership.Choose"])) : NotFound();
        }
        var result = await memberships.AddAsync(Caller, id, kind, parts[1], MembershipRole.Member, ct);
        if (!result.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Organisations/{id}#memberships");
    }

    public async Task<IActionResult> OnPostRemoveMembershipAsync(Guid id, MembershipKind kind, string code, CancellationToken ct)
    {
        var result = await memberships.RemoveAsync(Caller, id, kind, code, ct);
        if (!result.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L["Flash.Deleted"];
        return Redirect($"/Directory/Organisations/{id}#memberships");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await organisations.DeleteAsync(Caller, id, ct);
        if (!result.Ok)
        {
            return await LoadAsync(id, ct) ? ShowProblem(result.Problem!) : NotFound();
        }
        Flash = L["Flash.Deleted"];
        return Redirect("/Directory/Organisations");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await directory.OrganisationAsync(Caller, id, ct);
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        RecipientOf = await recipients.OfOrganisationAsync(Caller, id, ct);
        var current = detail.Memberships.Select(m => (m.Kind, m.Code)).ToHashSet();
        Joinable = (await directory.CeptoarsAsync(Caller, null, ct))
            .Where(c => Permissions.ManageCeptoarMembers(Caller, c.Code) && !current.Contains((MembershipKind.Ceptoar, c.Code)))
            .Select(c => (MembershipKind.Ceptoar, c.Code, Infrastructure.Ui.Name(c.NameJa, c.NameEn)))
            .Concat((await directory.CommunitiesAsync(Caller, ct))
                .Where(c => Permissions.ManageCommunityMembers(Caller, c.Code) && !current.Contains((MembershipKind.Community, c.Code)))
                .Select(c => (MembershipKind.Community, c.Code, Infrastructure.Ui.Name(c.NameJa, c.NameEn))))
            .ToList();
        return true;
    }
}
