using Microsoft.AspNetCore.Mvc;
using Renkei.Directory;
using Renkei.Presets;
using Renkei.Reports;

namespace Renkei.Web.Pages.Reports;

/// <summary>An update (続報) or the final report (確報): the whole content again, as it stands now; the route is kept.</summary>
public sealed class UpdateModel(ReportService reports, ReportQueries queries, ContentPresetService presets, DirectoryQueries directory) : ReportFormPageModel(directory)
{
    public ReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? stage, CancellationToken ct)
    {
        if (await UpdatableAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var view = Report;
        Input = new ReportForm
        {
            Content = ContentForm.From(view.Content),
            Stage = stage == "final" ? ReportStage.Final : ReportStage.Update,
            Version = view.Version,
        };
        await LoadChoicesAsync(true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(Caller, id, ct);
        if (view is null)
        {
            return NotFound();
        }
        Report = view;
        var content = ReadContent();
        if (content is null)
        {
            await LoadChoicesAsync(true, ct);
            return Page();
        }
        var result = await reports.AddSubmissionAsync(Caller, id, new ReportUpdateInput { Stage = Input.Stage, Content = content.Input, Version = Input.Version }, ct);
        if (!result.Ok)
        {
            await LoadChoicesAsync(true, ct);
            return ShowReportProblem(result.Problem!, content);
        }
        Flash = Input.Stage == ReportStage.Final ? L["Report.FinalFiled"] : L["Report.UpdateFiled"];
        return Redirect($"/Reports/{id}");
    }

    /// <summary>
    /// The preset's headings for the chosen threat category, into the fields left empty: the same
    /// help as on a new report, since an update or the final report often adds what the first
    /// report did not know yet (the cause, the countermeasures). Saves nothing.
    /// </summary>
    public async Task<IActionResult> OnPostApplyPresetAsync(Guid id, bool overwrite, CancellationToken ct)
    {
        if (await UpdatableAsync(id, ct) is { } refused)
        {
            return refused;
        }
        await ApplyPresetAsync(presets, overwrite, ct);
        await LoadChoicesAsync(true, ct);
        return Page();
    }

    /// <summary>Loads the report into <see cref="Report"/>; a result when the caller may not add a submission to it.</summary>
    private async Task<IActionResult?> UpdatableAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.GetAsync(Caller, id, ct);
        if (view is null)
        {
            return NotFound();
        }
        if (!view.Actions.Update)
        {
            return Redirect($"/Reports/{id}");
        }
        Report = view;
        return null;
    }
}
