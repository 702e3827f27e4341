using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Interdependency.Scenarios;
using Renkei.Interdependency.Sectors;

namespace Renkei.Web.Pages.Interdependency;

/// <summary>The sector model's "what if" form: one sector disturbed for some hours.</summary>
public sealed record SectorWhatIf
{
    [Required(ErrorMessage = "is required")]
    public string Sector { get; init; } = "electricity";

    [Range(0.01, 1, ErrorMessage = "must be between 0.01 and 1")]
    public double Level { get; init; } = 0.3;

    [Range(1, 2000, ErrorMessage = "must be between 1 and 2000")]
    public int Hours { get; init; } = 24;

    [Range(1, 2000, ErrorMessage = "must be between 1 and 2000")]
    public int Horizon { get; init; } = 168;
}

/// <summary>
/// Interdependency analysis (相互依存性解析) in the browser: the sector model on the shipped matrix
/// for a quick "what if", and any scenario document (either model) uploaded and run, with its
/// charts. Nothing is stored: the result is computed for this request and shown.
/// </summary>
/// <remarks>
/// Every signed-in member may use it: the default matrix is the published assumption set, and an
/// uploaded scenario is the caller's own data, read from the request and never kept or shown to
/// anyone else.
/// </remarks>
public sealed class IndexModel(AccessPolicy access, ScenarioService scenarios, DirectoryNodes directory, Renkei.Reports.ReportQueries reports, TimeProvider time) : RenkeiPageModel
{
    /// <summary>Uploads through the page; the CLI takes the engines' full sizes.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public SectorWhatIf Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Run { get; set; }

    [BindProperty]
    public IFormFile? Scenario { get; set; }

    /// <summary>"What if this outage lasts <see cref="ExtraHours"/> more hours": the what-if prefilled from an incident report.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? FromReport { get; set; }

    [BindProperty(SupportsGet = true)]
    public int ExtraHours { get; set; } = 6;

    /// <summary>The report the form was prefilled from, and the hours it had lasted then.</summary>
    public (Guid Id, string Title, int Elapsed)? Source { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Sectors { get; private set; } = [];
    public ResultDisplay? Display { get; private set; }
    public IReadOnlyList<(string Field, string Reason)> Errors { get; private set; } = [];
    public IReadOnlyList<ScenarioSummary> Saved { get; private set; } = [];
    public bool CanSave => ScenarioService.MayEdit(Caller);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSectorsAsync(ct);
        if (FromReport is { } reportId && !Run)
        {
            // Read through the report access rules: a report the caller may not see does not exist here either.
            var report = await reports.GetAsync(Caller, reportId, ct);
            if (report is null)
            {
                return NotFound();
            }
            var content = report.Content;
            var until = content.EndedAt ?? Clock.UtcNow(time);
            var elapsed = content.StartedAt is { } started ? Math.Max(1, (int)Math.Round((until - started).TotalHours)) : content.Impact.DurationMinutes is { } minutes ? Math.Max(1, (minutes + 59) / 60) : 1;
            Source = (report.Id, content.Title, elapsed);
            Input = Input with
            {
                Sector = Sectors.Any(s => s.Code == content.SectorCode) ? content.SectorCode : Input.Sector,
                Hours = Math.Clamp(elapsed + Math.Max(0, ExtraHours), 1, 2000),
                Horizon = Math.Clamp(Math.Max(Input.Horizon, elapsed + ExtraHours + 72), 1, 2000),
            };
            return Page();
        }
        if (!Run || !ModelState.IsValid)
        {
            return Page();
        }
        var last = Input.Horizon;
        var scenario = new ScenarioInput(ScenarioModel.Sectors, null, DefaultSectorMatrix.Instance.Matrix,
            new StaticScenario([new SectorValue(Input.Sector, Input.Level)]),
            new DynamicScenario(last, [new PerturbationWindow(Input.Sector, Input.Level, 0, Math.Min(Input.Hours, last) - 1)]),
            null, null, null)
        { InputSha256 = "" };
        Show(ScenarioRunner.Run(scenario, ct), null);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        await LoadSectorsAsync(ct);
        if (Scenario is null || Scenario.Length == 0)
        {
            Errors = [("scenario", Text.T("is required"))];
            return Page();
        }
        if (Scenario.Length > MaxUploadBytes)
        {
            Errors = [("scenario", Text.T("must be at most {0} MB", MaxUploadBytes / (1024 * 1024)))];
            return Page();
        }
        using var buffer = new MemoryStream();
        await Scenario.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var document = ScenarioDocument.Read(bytes);
        if (!document.Ok)
        {
            Show(document.Problem!, null);
            return Page();
        }
        if (document.Value!.Model == ScenarioModel.Operators
            && await directory.CheckAsync(System.Text.Encoding.UTF8.GetString(bytes), Caller, "", ct) is { Count: > 0 } unknown)
        {
            Show(Problem.Invalid(unknown), null);
            return Page();
        }
        Show(ScenarioRunner.Run(document.Value!, ct), document.Value);
        return Page();
    }

    /// <summary>Saves the uploaded scenario for the organisation, runs it and shows the recorded run.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadSectorsAsync(ct);
        if (Scenario is null || Scenario.Length == 0 || Scenario.Length > MaxUploadBytes)
        {
            Errors = [("scenario", Scenario is null || Scenario.Length == 0 ? Text.T("is required") : Text.T("must be at most {0} MB", MaxUploadBytes / (1024 * 1024)))];
            return Page();
        }
        JsonElement document;
        try
        {
            using var parsed = await JsonDocument.ParseAsync(Scenario.OpenReadStream(), cancellationToken: ct);
            document = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Errors = [("document", Text.T("The document is not valid JSON (line {0}, position {1}).", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1))];
            return Page();
        }
        var saved = await scenarios.CreateAsync(Caller, new ScenarioSaveInput { Document = document }, ct);
        if (!saved.Ok)
        {
            Show(saved.Problem!, null);
            return saved.Problem!.Kind == ProblemKind.Forbidden ? Forbid() : Page();
        }
        var run = await scenarios.RunAsync(Caller, saved.Value!.Id, ct);
        return run.Ok ? Redirect($"/Interdependency/Runs/{run.Value!.Id}") : Redirect($"/Interdependency/Scenarios/{saved.Value.Id}");
    }

    private void Show(Problem problem, ScenarioInput? input) => Show((Result<ScenarioResult>)problem, input);

    private void Show(Result<ScenarioResult> result, ScenarioInput? input)
    {
        if (!result.Ok)
        {
            Errors = result.Problem!.Errors is { Count: > 0 } errors
                ? errors.SelectMany(e => e.Value.Select(r => (e.Key, r))).ToList()
                : [("", result.Problem.Detail)];
            return;
        }
        Display = new ResultDisplay(result.Value!, Sectors.ToDictionary(s => s.Code, s => s.Name), input?.Graph);
    }

    private async Task LoadSectorsAsync(CancellationToken ct)
    {
        Saved = await scenarios.ListAsync(Caller, ct);
        var english = !Text.InJapanese;
        Sectors = (await access.Sectors(Caller).OrderBy(s => s.SortOrder).Select(s => new { s.Code, s.NameJa, s.NameEn }).ToListAsync(ct))
            .Select(s => (s.Code, english ? s.NameEn : s.NameJa)).ToList();
    }
}
