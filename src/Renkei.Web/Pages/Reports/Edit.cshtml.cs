using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Presets;
using Renkei.Reports;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Reports;

/// <summary>A new report or a draft: content and route; saved as a draft, or sent as the first report (速報).</summary>
public sealed class EditModel(ReportService reports, ReportQueries queries, DirectoryQueries directory, Renkei.Advisories.AdvisoryService advisories, ContentPresetService presets)
    : ReportFormPageModel(directory)
{
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? fromAdvisory, CancellationToken ct)
    {
        if (id is null)
        {
            if (!Permissions.FileReport(Caller))
            {
                return Forbid();
            }
            Input = new ReportForm
            {
                Content = new ContentForm { Language = StringCatalog.CurrentLanguage, SectorCode = Caller.SectorCode, BusinessScopeCode = Caller.BusinessScopeCode },
                Route = ReportRoute.Ministry,
                Tlp = Tlp.Amber,
            };
            // "Affected" by an advisory: start from what the advisory says (read through the sharing policy like any read).
            if (fromAdvisory is { } advisoryId && await advisories.GetAsync(Caller, advisoryId, ct) is { } advisory)
            {
                Input.Content.Title = L["Report.FromAdvisoryTitle", advisory.Content.Title];
                Input.Content.Status = L["Report.FromAdvisoryStatus", advisory.Content.Title, $"/Advisories/{advisory.Id:D}"];
                Input.Content.Indicators = advisory.Content.Indicators.Select(i => new IndicatorRow { Type = i.Type, Value = i.Value, Note = i.Note }).ToList();
            }
            await LoadChoicesAsync(false, ct);
            return Page();
        }
        var view = await queries.GetAsync(Caller, id.Value, ct);
        if (view is null)
        {
            return NotFound();
        }
        if (!view.Actions.Edit)
        {
            return Redirect($"/Reports/{id}");
        }
        Id = id;
        Input = ReportForm.From(view);
        await LoadChoicesAsync(false, ct);
        return Page();
    }

    /// <summary>Saves the draft.</summary>
    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var (saved, failed) = await SaveAsync(id, ct);
        if (failed is not null)
        {
            return failed;
        }
        Flash = L["Report.DraftSaved"];
        return Redirect($"/Reports/{saved!.Id}");
    }

    /// <summary>Saves and sends the first report (速報) in one step.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken ct)
    {
        var (saved, failed) = await SaveAsync(id, ct);
        if (failed is not null)
        {
            return failed;
        }
        var submitted = await reports.SubmitAsync(Caller, saved!.Id, saved.Version, ct);
        if (!submitted.Ok)
        {
            // The draft is kept as saved; the detail page says why it was not sent.
            Flash = submitted.Problem!.Detail;
            return Redirect($"/Reports/{saved.Id}");
        }
        Flash = L["Report.Submitted"];
        return Redirect($"/Reports/{saved.Id}");
    }

    /// <summary>
    /// Fills the form's empty fields from the preset for the chosen threat category (the
    /// organisation's own, else Renkei's default) and shows the form again, saving nothing. What
    /// the user typed is kept unless they confirm with <paramref name="overwrite"/>.
    /// </summary>
    public async Task<IActionResult> OnPostApplyPresetAsync(Guid? id, bool overwrite, CancellationToken ct)
    {
        Id = id;
        if (!Permissions.FileReport(Caller))
        {
            return Forbid();
        }
        await ApplyPresetAsync(presets, overwrite, ct);
        await LoadChoicesAsync(false, ct);
        return Page();
    }

    private async Task<(ReportView? Saved, IActionResult? Failed)> SaveAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var content = ReadContent();
        if (content is null)
        {
            await LoadChoicesAsync(false, ct);
            return (null, Page());
        }
        var input = Input.ToInput(content);
        var result = id is null ? await reports.CreateAsync(Caller, input, ct) : await reports.UpdateDraftAsync(Caller, id.Value, input, ct);
        if (!result.Ok)
        {
            await LoadChoicesAsync(false, ct);
            return (null, ShowReportProblem(result.Problem!, content));
        }
        return (result.Value, null);
    }
}
