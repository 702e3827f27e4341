using System.ComponentModel.DataAnnotations;
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
public sealed class IndexModel(AccessPolicy access) : RenkeiPageModel
{
    /// <summary>Uploads through the page; the CLI takes the engines' full sizes.</summary>
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public SectorWhatIf Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Run { get; set; }

    [BindProperty]
    public IFormFile? Scenario { get; set; }

    public IReadOnlyList<(string Code, string Name)> Sectors { get; private set; } = [];
    public ScenarioResult? Result { get; private set; }
    public SectorChart? Chart { get; private set; }
    public CascadeTimeline? Timeline { get; private set; }
    public IReadOnlyList<(string Field, string Reason)> Errors { get; private set; } = [];

    public string SectorName(string code) => Sectors.FirstOrDefault(s => s.Code == code).Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSectorsAsync(ct);
        if (!Run || !ModelState.IsValid)
        {
            return;
        }
        var last = Input.Horizon;
        var scenario = new ScenarioInput(ScenarioModel.Sectors, null, DefaultSectorMatrix.Instance.Matrix,
            new StaticScenario([new SectorValue(Input.Sector, Input.Level)]),
            new DynamicScenario(last, [new PerturbationWindow(Input.Sector, Input.Level, 0, Math.Min(Input.Hours, last) - 1)]),
            null, null, null)
        { InputSha256 = "" };
        Show(ScenarioRunner.Run(scenario, ct), null);
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
        var document = ScenarioDocument.Read(buffer.ToArray());
        if (!document.Ok)
        {
            Show(document.Problem!, null);
            return Page();
        }
        Show(ScenarioRunner.Run(document.Value!, ct), document.Value);
        return Page();
    }

    private void Show(Result<ScenarioResult> result, ScenarioInput? input)
    {
        if (!result.Ok)
        {
            Errors = result.Problem!.Errors is { Count: > 0 } errors
                ? errors.SelectMany(e => e.Value.Select(r => (e.Key, r))).ToList()
                : [("", result.Problem.Detail)];
            return;
        }
        Result = result.Value!;
        if (Result.Dynamic is { } dynamic)
        {
            Chart = SectorChart.From(dynamic, SectorName);
        }
        if (Result.Cascade is { } cascade && input?.Graph is { } graph)
        {
            Timeline = CascadeTimeline.From(cascade, graph);
        }
    }

    private async Task LoadSectorsAsync(CancellationToken ct)
    {
        var english = !Text.InJapanese;
        Sectors = (await access.Sectors(Caller).OrderBy(s => s.SortOrder).Select(s => new { s.Code, s.NameJa, s.NameEn }).ToListAsync(ct))
            .Select(s => (s.Code, english ? s.NameEn : s.NameJa)).ToList();
    }
}
