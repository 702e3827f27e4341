using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Access;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Guideline;

namespace Renkei.Web.Pages.Guideline;

/// <summary>The publish form's fields besides the items file.</summary>
public sealed class GuidelinePublishForm
{
    public string? Kind { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? NoteJa { get; set; }
    public string? NoteEn { get; set; }
    public int? Previous { get; set; }
}

/// <summary>
/// The guideline (指針): its versions, one version's items (要検討事項 / 参考事項, abstract and
/// concrete content), the comparison of two versions, and for NISC the form publishing the next
/// version from a CSV of its items (the current version's CSV is offered to start from).
/// </summary>
public sealed class IndexModel(GuidelineService guideline) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? From { get; set; }

    [BindProperty]
    public GuidelinePublishForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Items { get; set; }

    public List<RevisionView> Revisions { get; private set; } = [];

    public RevisionDetail? Shown { get; private set; }

    public GuidelineDiffView? Diff { get; private set; }

    public bool MayPublish => Permissions.PublishGuideline(Caller);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A version's items as CSV (the framework CSV with classification and concrete content), to edit and publish as the next.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        var version = await guideline.VersionAsync(id, ct);
        if (version is null)
        {
            return NotFound();
        }
        var framework = new AssessmentFramework { Code = GuidelineData.FrameworkCode, Version = version.Version, TitleJa = "", TitleEn = "", Items = version.Items };
        return File(FrameworkDocuments.ToCsv(framework), "text/csv; charset=utf-8", $"nisc-guideline-v{version.Version}.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayPublish)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (Items is null || Items.Length == 0)
        {
            ModelState.AddModelError("Items", Text.T("is required"));
            await LoadAsync(ct);
            return Page();
        }
        byte[] csv;
        using (var buffer = new MemoryStream())
        {
            await Items.CopyToAsync(buffer, ct);
            csv = buffer.ToArray();
        }
        // The CSV reader checks the rows; the framework's own fields are the guideline's.
        var read = FrameworkDocuments.FromCsv(csv, GuidelineData.FrameworkCode, 1, GuidelineData.File.TitleJa, GuidelineData.File.TitleEn, EnumText.ToText(FrameworkKind.Guideline));
        if (!read.Ok)
        {
            await LoadAsync(ct);
            return ShowErrors(read.Problem!, "Items");
        }
        var result = await guideline.PublishAsync(Caller, new PublishInput
        {
            Kind = Input.Kind,
            PublishedOn = Input.PublishedOn,
            NoteJa = Input.NoteJa,
            NoteEn = Input.NoteEn,
            Previous = Input.Previous,
            Items = FrameworkDocuments.ToDocument(read.Value!).Items,
        }, ct);
        if (!result.Ok)
        {
            if (result.Problem!.Kind == ProblemKind.Forbidden)
            {
                return Forbid();
            }
            await LoadAsync(ct);
            return ShowErrors(result.Problem, "Input");
        }
        Flash = L["Guideline.Published", result.Value!.Version];
        return Redirect($"/Guideline?id={result.Value.Id:D}");
    }

    /// <summary>Field errors of the form beside their inputs; the items' errors (items[3].textJa, line 4.text_ja) beside the file.</summary>
    private PageResult ShowErrors(Problem problem, string prefix)
    {
        foreach (var (field, reasons) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            var key = field.StartsWith("items", StringComparison.Ordinal) || field.StartsWith("line", StringComparison.Ordinal) || field == "file" ? "Items"
                : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var reason in reasons)
            {
                ModelState.AddModelError(key, key == "Items" && field != "file" ? $"{field}: {reason}" : reason);
            }
        }
        if (problem.Errors is not { Count: > 0 })
        {
            ModelState.AddModelError("", problem.Detail);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Revisions = await guideline.RevisionsAsync(ct);
        var id = Id ?? Revisions.LastOrDefault()?.Id;
        if (id is not null)
        {
            var detail = await guideline.RevisionAsync(id.Value, ct);
            Shown = detail.Ok ? detail.Value : null;
        }
        if (Shown is not null && From is not null && From != Shown.Revision.Id)
        {
            var diff = await guideline.DiffAsync(Shown.Revision.Id, From, ct);
            Diff = diff.Ok ? diff.Value : null;
        }
        Input.Previous ??= Revisions.LastOrDefault()?.Version;
    }
}
