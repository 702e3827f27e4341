using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Common;
using Renkei.Presets;

namespace Renkei.Web.Pages.Presets;

/// <summary>
/// One of the organisation's presets: a copy of Renkei's default to edit and keep (new), or the
/// organisation's own (edit, delete). Every rule is the service's.
/// </summary>
public sealed class EditModel(ContentPresetService presets) : RenkeiPageModel
{
    [BindProperty]
    public PresetForm Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? target, string? kind, string? language, CancellationToken ct)
    {
        if (!Permissions.ManageContentPresets(Caller, Caller.OrganisationId))
        {
            return Forbid();
        }
        if (id is not null)
        {
            var own = await presets.GetAsync(Caller, Caller.OrganisationId, id.Value, ct);
            if (!own.Ok)
            {
                return NotFound();
            }
            Id = id;
            Input = PresetForm.From(own.Value!);
            return Page();
        }
        if (!EnumText.TryParse<ContentPresetTarget>(target, out var t) || kind is null)
        {
            return NotFound();
        }
        var offered = await presets.OfferedAsync(Caller, t, kind, language == "en" ? "en" : "ja", ct);
        if (!offered.Ok || offered.Value!.FirstOrDefault() is not { } preset)
        {
            return NotFound();
        }
        if (preset.Id is { } existing)
        {
            return Redirect($"/Presets/Edit/{existing}");
        }
        Input = PresetForm.From(preset);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var input = Input.ToInput();
        var result = id is null
            ? await presets.CreateAsync(Caller, Caller.OrganisationId, input, ct)
            : await presets.UpdateAsync(Caller, Caller.OrganisationId, id.Value, input, ct);
        if (!result.Ok)
        {
            return result.Problem!.Kind == ProblemKind.Forbidden ? Forbid() : ShowProblem(result.Problem!);
        }
        Flash = L["Preset.Saved"];
        return Redirect("/Presets");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var result = await presets.DeleteAsync(Caller, Caller.OrganisationId, id, Input.Version, ct);
        if (!result.Ok)
        {
            return result.Problem!.Kind == ProblemKind.Forbidden ? Forbid() : ShowProblem(result.Problem!);
        }
        Flash = L["Preset.Deleted"];
        return Redirect("/Presets");
    }
}
