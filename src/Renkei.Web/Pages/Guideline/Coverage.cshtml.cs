using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Guideline;

namespace Renkei.Web.Pages.Guideline;

/// <summary>One row of the edit form: an item's level (empty: leave as it is), note and the version edited.</summary>
public sealed class CoverageFormEntry
{
    public string? Item { get; set; }
    public string? Level { get; set; }
    public string? Note { get; set; }
    public int? Version { get; set; }
}

public sealed class CoverageForm
{
    public Guid? StandardId { get; set; }
    public Guid? Revision { get; set; }
    public List<CoverageFormEntry> Entries { get; set; } = [];
}

/// <summary>
/// A sector's coverage of the guideline: its current documents (①–③) × the items of a version,
/// each cell's level (stale when the item changed since it was assessed), where the sector stands
/// per item and the share covered; for the ministry in charge (and NISC) the form recording one
/// document's coverage, all entries or none.
/// </summary>
public sealed class CoverageModel(GuidelineCoverageService coverage, GuidelineService guideline) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Sector { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public Guid? Revision { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Standard { get; set; }

    [BindProperty]
    public CoverageForm Input { get; set; } = new();

    public SectorCoverageView? Matrix { get; private set; }

    public List<RevisionView> Revisions { get; private set; } = [];

    /// <summary>The document the form edits.</summary>
    public StandardColumn? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var entries = Input.Entries.Where(e => !string.IsNullOrWhiteSpace(e.Level))
            .Select(e => new CoverageEntryInput { Item = e.Item, Level = e.Level, Note = e.Note, Version = e.Version }).ToList();
        var result = await coverage.RecordAsync(Caller, new CoverageInput { StandardId = Input.StandardId, Revision = Input.Revision, Entries = entries }, ct);
        if (!result.Ok)
        {
            if (result.Problem!.Kind == ProblemKind.Forbidden)
            {
                return Forbid();
            }
            Revision = Input.Revision;
            Standard = Input.StandardId;
            var loaded = await LoadAsync(ct, keepInput: true);
            return loaded ?? ShowProblem(FormFields(result.Problem, entries));
        }
        Flash = L["Guideline.CoverageSaved", result.Value!.Count];
        return Redirect($"/Guideline/Coverage/{Uri.EscapeDataString(Sector)}?revision={Input.Revision:D}&standard={Input.StandardId:D}");
    }

    /// <summary>The service names entries by their place among those sent; the form's rows include the ones left empty.</summary>
    private Problem FormFields(Problem problem, List<CoverageEntryInput> sent)
    {
        if (problem.Errors is null)
        {
            return problem;
        }
        var rows = Input.Entries.Select((e, i) => (e.Item, i)).Where(x => x.Item is not null).ToDictionary(x => x.Item!, x => x.i, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, reasons) in problem.Errors)
        {
            var key = field;
            if (field.StartsWith("entries[", StringComparison.Ordinal) && int.TryParse(field[8..field.IndexOf(']', StringComparison.Ordinal)], out var n)
                && n < sent.Count && sent[n].Item is { } item && rows.TryGetValue(item, out var row))
            {
                key = $"entries[{row}]{field[(field.IndexOf(']', StringComparison.Ordinal) + 1)..]}";
            }
            errors[key] = [.. reasons];
        }
        return problem with { Kind = ProblemKind.Invalid, Errors = errors };
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        var matrix = await coverage.SectorAsync(Caller, Sector, Revision, ct);
        if (!matrix.Ok)
        {
            return NotFound();
        }
        Matrix = matrix.Value!;
        Revisions = await guideline.RevisionsAsync(ct);
        Editing = Matrix.Standards.FirstOrDefault(s => s.Id == Standard) ?? Matrix.Standards.FirstOrDefault();
        if (!keepInput && Editing is not null)
        {
            var column = Matrix.Standards.IndexOf(Editing);
            Input = new CoverageForm
            {
                StandardId = Editing.Id,
                Revision = Matrix.Revision.Id,
                Entries = Matrix.Rows.Select(r => new CoverageFormEntry
                {
                    Item = r.Item.Code,
                    Level = r.Cells[column].Coverage?.Level,
                    Note = r.Cells[column].Coverage?.Note,
                    Version = r.Cells[column].Coverage?.Version,
                }).ToList(),
            };
        }
        return null;
    }
}
