using Microsoft.AspNetCore.Mvc;
using Renkei.ReferenceData;

namespace Renkei.Web.Pages.Directory;

/// <summary>Every version of a reference record, with what changed and who changed it.</summary>
public sealed class HistoryModel(ReferenceDataEditor editor) : RenkeiPageModel
{
    public List<RevisionView> Revisions { get; private set; } = [];
    public string Type { get; private set; } = "";
    public string Key { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string type, string key, CancellationToken ct)
    {
        Type = type;
        Key = key;
        Revisions = await editor.HistoryAsync(Caller, type, key, ct);
        return Revisions.Count == 0 ? NotFound() : Page();
    }
}
