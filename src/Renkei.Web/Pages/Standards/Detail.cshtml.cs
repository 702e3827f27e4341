using Microsoft.AspNetCore.Mvc;
using Renkei.Standards;

namespace Renkei.Web.Pages.Standards;

/// <summary>One document with its relations to documents the caller reads; those who keep it relate it to others.</summary>
public sealed class DetailModel(SafetyStandardService standards) : RenkeiPageModel
{
    public SafetyStandardDetail Detail { get; private set; } = null!;

    /// <summary>Documents this one may be related to (what the caller reads, itself left out).</summary>
    public List<SafetyStandardView> Others { get; private set; } = [];

    [BindProperty]
    public RelationForm Relation { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRelateAsync(Guid id, CancellationToken ct)
    {
        var result = await standards.AddRelationAsync(Caller, id, new SafetyStandardRelationInput { Kind = Relation.Kind, To = Relation.To }, ct);
        if (result.Ok)
        {
            Flash = L["Standards.RelatedFlash"];
            return Redirect($"/Standards/{id}");
        }
        var shown = ShowProblem(result.Problem!, nameof(Relation));
        return shown is NotFoundResult || !await LoadAsync(id, ct) ? NotFound() : shown;
    }

    public async Task<IActionResult> OnPostUnrelateAsync(Guid id, Guid relationId, CancellationToken ct)
    {
        var result = await standards.RemoveRelationAsync(Caller, id, relationId, ct);
        if (result.Ok)
        {
            Flash = L["Standards.UnrelatedFlash"];
            return Redirect($"/Standards/{id}");
        }
        var shown = ShowProblem(result.Problem!, nameof(Relation));
        return shown is NotFoundResult || !await LoadAsync(id, ct) ? NotFound() : shown;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await standards.GetAsync(Caller, id, ct);
        if (!detail.Ok)
        {
            return false;
        }
        Detail = detail.Value!;
        if (Detail.Standard.MayEdit)
        {
            var all = await standards.ListAsync(Caller, new SafetyStandardFilter(), ct);
            Others = all.Ok ? all.Value!.Where(s => s.Id != id).ToList() : [];
        }
        return true;
    }
}

public sealed class RelationForm
{
    public string? Kind { get; set; }
    public Guid? To { get; set; }
}
