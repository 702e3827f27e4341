using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.ReferenceData;

namespace Renkei.Web.Pages.Admin;

/// <summary>Edit a sector's names and ministry in charge (platform admins); every save is a new version.</summary>
public sealed class SectorEditModel(DirectoryQueries directory, ReferenceDataEditor editor) : RenkeiPageModel
{
    [BindProperty]
    public SectorEdit Input { get; set; } = new();

    public SectorView Sector { get; private set; } = null!;
    public List<BusinessScopeView> Scopes { get; private set; } = [];
    public List<OrganisationSummary> Ministries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        if (ReferenceDataEditor.Refusal(Caller) is not null)
        {
            return Forbid();
        }
        Input = new SectorEdit { NameJa = Sector.NameJa, NameEn = Sector.NameEn, MinistryId = Sector.Ministry?.Id, Version = Sector.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        var result = await editor.UpdateSectorAsync(Caller, code, Input, ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!);
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Sectors/{code}");
    }

    /// <summary>Renames one business scope of the sector; versioned like the sector itself.</summary>
    public async Task<IActionResult> OnPostScopeAsync(string code, string scope, BusinessScopeEdit scopeEdit, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        if (Scopes.All(s => s.Code != scope))
        {
            return NotFound();
        }
        var result = await editor.UpdateBusinessScopeAsync(Caller, scope, scopeEdit, ct);
        if (!result.Ok)
        {
            Input = new SectorEdit { NameJa = Sector.NameJa, NameEn = Sector.NameEn, MinistryId = Sector.Ministry?.Id, Version = Sector.Version };
            return ShowProblem(result.Problem!, prefix: "");
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Admin/Sectors/{code}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var sector = await directory.SectorAsync(Caller, code, ct);
        if (sector is null)
        {
            return false;
        }
        Sector = sector;
        Scopes = await directory.BusinessScopesAsync(Caller, code, ct);
        Ministries = (await directory.OrganisationsAsync(Caller, new OrganisationFilter(Kind: OrganisationKind.Ministry), 0, 100, ct)).Items.ToList();
        return true;
    }
}
