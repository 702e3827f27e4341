using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Renkei.Common;
using Renkei.Interdependency.Scenarios;

namespace Renkei.Web.Pages.Interdependency;

/// <summary>A saved scenario: its document, its recorded runs, and running it again.</summary>
public sealed class ScenarioPageModel(ScenarioService scenarios) : RenkeiPageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ScenarioView Scenario { get; private set; } = null!;
    public string DocumentText { get; private set; } = "";
    public bool CanRun => ScenarioService.MayEdit(Caller);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await scenarios.GetAsync(Caller, id, ct);
        if (!found.Ok)
        {
            return NotFound();
        }
        Scenario = found.Value!;
        DocumentText = JsonSerializer.Serialize(Scenario.Document, Indented);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(Guid id, CancellationToken ct)
    {
        var run = await scenarios.RunAsync(Caller, id, ct);
        if (run.Ok)
        {
            return Redirect($"/Interdependency/Runs/{run.Value!.Id}");
        }
        if (run.Problem!.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        Flash = run.Problem.Kind == ProblemKind.Forbidden ? run.Problem.Detail : string.Join(" / ", (run.Problem.Errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
        return Redirect($"/Interdependency/Scenarios/{id}");
    }
}
