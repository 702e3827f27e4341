using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Standards;

namespace Renkei.Web.Pages.Standards;

/// <summary>
/// A new document or an edit of one, for those who keep it (platform admins and the ministry in
/// charge for ①–③, an operator for its own internal rules ④); who may and what is valid is the
/// service's (SafetyStandardService, Permissions.EditSafetyStandard).
/// </summary>
public sealed class EditModel(SafetyStandardService standards, DirectoryQueries directory) : RenkeiPageModel
{
    [BindProperty]
    public SafetyStandardInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<SectorView> Sectors { get; private set; } = [];

    public string PageTitle => Id is null ? L["Standards.New"] : L["Standards.Edit"];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            if (!SafetyStandardService.MayCreateAny(Caller))
            {
                return Forbid();
            }
            Input = new SafetyStandardInput
            {
                Sector = Caller.MinistryOfSectors.Count > 0 ? Caller.MinistryOfSectors.Order(StringComparer.Ordinal).First() : Caller.SectorCode,
                Kind = Caller.OrganisationKind == OrganisationKind.Operator ? EnumText.ToText(StandardKind.Internal) : null,
            };
        }
        else
        {
            var detail = await standards.GetAsync(Caller, id.Value, ct);
            if (!detail.Ok)
            {
                return NotFound();
            }
            var s = detail.Value!.Standard;
            if (!s.MayEdit)
            {
                return Redirect($"/Standards/{s.Id}");
            }
            Id = id;
            Input = new SafetyStandardInput
            {
                Sector = s.Sector,
                Scope = s.Scope,
                Kind = EnumText.ToText(s.Kind),
                TitleJa = s.TitleJa,
                TitleEn = s.TitleEn,
                IssuerName = s.IssuerName,
                IssuerOrganisationId = s.IssuerOrganisationId,
                Edition = s.Edition,
                IssuedOn = s.IssuedOn,
                RevisedOn = s.RevisedOn,
                Url = s.Url,
                Status = EnumText.ToText(s.Status),
                Notes = s.Notes,
                Version = s.Version,
            };
        }
        Sectors = await directory.SectorsAsync(Caller, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var result = id is null ? await standards.CreateAsync(Caller, Input, ct) : await standards.UpdateAsync(Caller, id.Value, Input, ct);
        if (result.Ok)
        {
            Flash = L["Standards.SavedFlash"];
            return Redirect($"/Standards/{result.Value!.Id}");
        }
        Id = id;
        Sectors = await directory.SectorsAsync(Caller, ct);
        return ShowProblem(result.Problem!);
    }
}
