using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Presets;
using Renkei.Reports;
using Renkei.Web.Pages.Presets;

namespace Renkei.Web.Pages.Reports;

/// <summary>What the report form offers to choose from.</summary>
public sealed record ReportChoices(IReadOnlyList<SectorView> Sectors, IReadOnlyList<CeptoarView> Ceptoars, IReadOnlyList<OrganisationSummary> Agencies, bool SectorLocked)
{
    public const string ViewDataKey = "ReportChoices";

    public static readonly ReportChoices Empty = new([], [], [], false);

    public IReadOnlyList<ThreatCategory> Threats => ThreatTaxonomy.Instance.Categories;
}

/// <summary>
/// The report form pages (new report, draft, update or final report): the choices, and the path
/// from posted fields to the service and back to errors beside their fields.
/// </summary>
public abstract partial class ReportFormPageModel(DirectoryQueries directory) : RenkeiPageModel
{
    private const int BlankIndicatorRows = 3;

    [BindProperty]
    public ReportForm Input { get; set; } = new();

    public ReportChoices Choices { get; private set; } = ReportChoices.Empty;

    /// <summary>
    /// Fills the form's empty fields from the preset for the chosen threat category (the
    /// organisation's own, else Renkei's default), saving nothing. What the user typed is kept
    /// unless they confirm with <paramref name="overwrite"/>.
    /// </summary>
    protected async Task ApplyPresetAsync(ContentPresetService presets, bool overwrite, CancellationToken ct)
    {
        ModelState.Clear();
        var category = Input.Content.ThreatCategory;
        if (string.IsNullOrEmpty(category) || ThreatTaxonomy.Instance.Category(category) is null)
        {
            ModelState.AddModelError("Input.Content.ThreatCategory", L["Preset.ChooseCategoryFirst"]);
            return;
        }
        var preset = await presets.ForFormAsync(Caller, ContentPresetTarget.Report, category, Input.Content.Language == "en" ? "en" : "ja", ct);
        if (preset is null)
        {
            return;
        }
        var fill = new PresetFill(preset, overwrite);
        var c = preset.Content;
        var content = Input.Content;
        content.Title = fill.Text(L["Report.Title"], content.Title, c.Title);
        content.Status = fill.Text(L["Report.Status"], content.Status, c.Status);
        content.InterimMeasures = fill.Text(L["Report.InterimMeasures"], content.InterimMeasures, c.InterimMeasures);
        content.Cause = fill.Text(L["Report.Cause"], content.Cause, c.Cause);
        content.Countermeasures = fill.Text(L["Report.Countermeasures"], content.Countermeasures, c.Countermeasures);
        content.RecoveryOutlook = fill.Text(L["Report.RecoveryOutlook"], content.RecoveryOutlook, c.RecoveryOutlook);
        Input.Tlp = fill.Choice("TLP", Input.Tlp, c.Tlp);
        ViewData[PresetFill.ViewDataKey] = fill;
    }

    protected async Task LoadChoicesAsync(bool sectorLocked, CancellationToken ct)
    {
        var mine = Caller.CeptoarCodes.ToHashSet(StringComparer.Ordinal);
        var agencies = new List<OrganisationSummary>();
        foreach (var code in RoutePlanner.SecurityAgencies)
        {
            var found = (await directory.OrganisationsAsync(Caller, new OrganisationFilter(Text: code), 0, 20, ct)).Items.FirstOrDefault(o => o.Code == code);
            if (found is not null)
            {
                agencies.Add(found);
            }
        }
        Choices = new ReportChoices(
            await directory.SectorsAsync(Caller, ct),
            (await directory.CeptoarsAsync(Caller, null, ct)).Where(c => mine.Contains(c.Code)).ToList(),
            agencies,
            sectorLocked);
        ViewData[ReportChoices.ViewDataKey] = Choices;
        while (Input.Content.Indicators.Count(r => r.IsBlank) < BlankIndicatorRows)
        {
            Input.Content.Indicators.Add(new IndicatorRow());
        }
    }

    /// <summary>
    /// The content for the service, or null when the post itself is unreadable (a number that is
    /// not a number, a time that is not a time): then nothing is sent and the errors are shown.
    /// </summary>
    protected ContentInputs? ReadContent()
    {
        foreach (var entry in ModelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add(L["Report.ValueUnreadable"]);
        }
        var (inputs, badTimes) = Input.Content.ToInput();
        foreach (var name in badTimes)
        {
            ModelState.AddModelError($"Input.Content.{name}", L["Report.TimeUnreadable"]);
        }
        return ModelState.IsValid ? inputs : null;
    }

    /// <summary>Shows the service's verdict; indicator errors point at the form row they came from.</summary>
    protected IActionResult ShowReportProblem(Problem problem, ContentInputs inputs)
    {
        if (problem.Errors is { Count: > 0 } errors)
        {
            var remapped = errors.ToDictionary(
                e => IndicatorIndex().Replace(e.Key, m => $"content.indicators[{Row(inputs, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))}]"),
                e => e.Value,
                StringComparer.Ordinal);
            problem = problem with { Errors = remapped };
        }
        return ShowProblem(problem);
    }

    private static int Row(ContentInputs inputs, int sent) => sent < inputs.IndicatorRows.Count ? inputs.IndicatorRows[sent] : sent;

    [GeneratedRegex(@"^content\.indicators\[(\d+)\]")]
    private static partial Regex IndicatorIndex();
}
