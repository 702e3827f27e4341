using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.ReferenceData;

namespace Renkei.Web.Pages.Admin;

/// <summary>Create or edit a community (ISAC, council, framework, event group) — platform admins.</summary>
public sealed class CommunityEditModel(DirectoryQueries directory, ReferenceDataEditor editor) : RenkeiPageModel
{
    [BindProperty]
    public CommunityInput Input { get; set; } = new();

    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (ReferenceDataEditor.Refusal(Caller) is not null)
        {
            return Forbid();
        }
        if (code is null)
        {
            return Page();
        }
        var c = await directory.CommunityAsync(Caller, code, ct);
        if (c is null)
        {
            return NotFound();
        }
        Code = code;
        Input = new CommunityInput { Code = c.Code, Kind = c.Kind, NameJa = c.NameJa, NameEn = c.NameEn, DescriptionJa = c.DescriptionJa, DescriptionEn = c.DescriptionEn, Version = c.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        Code = code;
        var result = code is null
            ? await editor.CreateCommunityAsync(Caller, Input, ct)
            : await editor.UpdateCommunityAsync(Caller, code, Input, ct);
        if (!result.Ok)
        {
            return ShowProblem(result.Problem!);
        }
        Flash = L["Flash.Saved"];
        return Redirect($"/Directory/Communities/{result.Value!.Code}");
    }
}
