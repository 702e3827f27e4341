using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Presets;

namespace Renkei.Web.Pages.Presets;

/// <summary>
/// The organisation's presets: for every advisory kind and report threat category, the one its
/// members' forms apply — its own where it keeps one, else Renkei's default, which it may copy
/// and edit.
/// </summary>
public sealed class IndexModel(ContentPresetService presets) : RenkeiPageModel
{
    public List<ContentPresetTarget> Targets { get; private set; } = [];

    public List<ContentPresetView> Offered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Permissions.ManageContentPresets(Caller, Caller.OrganisationId))
        {
            return Forbid();
        }
        Targets = Enum.GetValues<ContentPresetTarget>().Where(t => Permissions.UseContentPresets(Caller, t)).ToList();
        var offered = await presets.OfferedAsync(Caller, null, null, null, ct);
        Offered = offered.Value!.Where(p => Targets.Contains(p.Target)).ToList();
        return Page();
    }
}
