using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;

namespace Renkei.Web.Pages.Admin;

/// <summary>Create an organisation (platform admins) or edit one (its admins too, within their rights).</summary>
public sealed class OrganisationEditModel(DirectoryQueries directory, OrganisationService organisations) : RenkeiPageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];

    /// <summary>Placement in the sharing model (code, kind, sector, scope) is the platform admins' to change.</summary>
    public bool CanPlace => Access.Permissions.PlaceOrganisation(Caller);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        if (id is null)
        {
            return Access.Permissions.CreateOrganisation(Caller) ? Page() : Forbid();
        }
        var detail = await directory.OrganisationAsync(Caller, id.Value, ct);
        if (detail is null)
        {
            return NotFound();
        }
        if (!Access.Permissions.EditOrganisation(Caller, id.Value))
        {
            return Forbid();
        }
        Id = id;
        var o = detail.Organisation;
        Input = new OrganisationInput
        {
            Code = o.Code,
            NameJa = o.NameJa,
            NameEn = o.NameEn,
            Kind = o.Kind,
            SectorCode = o.SectorCode,
            BusinessScopeCode = o.BusinessScopeCode,
            Website = detail.Website,
            Version = o.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Sectors = await directory.SectorsAsync(Caller, ct);
        Id = id;
        var result = id is null
            ? await organisations.CreateAsync(Caller, Input, ct)
            : await organisations.UpdateAsync(Caller, id.Value, Input, ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!);
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Organisations/{result.Value!.Id}");
    }
}
