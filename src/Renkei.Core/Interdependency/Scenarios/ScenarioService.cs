using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Interdependency.Scenarios;

/// <summary>
/// Saved scenarios and their recorded runs. A run keeps the exact document it ran, the engine
/// version and the result, so it can be reproduced (and compared) after the scenario is edited.
/// </summary>
public sealed class ScenarioService(RenkeiDbContext db, AccessPolicy access, DirectoryNodes directory, TimeProvider time)
{
    /// <summary>Analysis is desk work: analysts, coordinators and admins save and run; other members read.</summary>
    public static bool MayEdit(Caller caller) => caller.HasAny(Role.Analyst, Role.Coordinator, Role.Admin);

    public async Task<List<ScenarioSummary>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        var runs = access.AnalysisRuns(caller);
        return await access.AnalysisScenarios(caller).OrderByDescending(s => s.UpdatedAt)
            .Select(s => new ScenarioSummary(s.Id, s.Name, s.Model, s.UpdatedAt, s.Version,
                runs.Count(r => r.ScenarioId == s.Id), runs.Where(r => r.ScenarioId == s.Id).Max(r => (DateTime?)r.RanAt)))
            .ToListAsync(ct);
    }

    public async Task<Result<ScenarioView>> GetAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var scenario = await access.AnalysisScenarios(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return scenario is null ? Problem.NotFound("Scenario") : await ViewAsync(caller, scenario, ct);
    }

    public async Task<Result<ScenarioView>> CreateAsync(Caller caller, ScenarioSaveInput input, CancellationToken ct = default)
    {
        if (!MayEdit(caller))
        {
            return Problem.Forbidden("Only analysts, coordinators and admins save and run scenarios.");
        }
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var (name, model, document) = checkedInput.Value;
        var now = Clock.UtcNow(time);
        var scenario = new AnalysisScenario
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = caller.OrganisationId,
            CreatedByUserId = caller.UserId,
            Name = name,
            Model = model,
            Document = document,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.AnalysisScenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(caller, scenario, ct);
    }

    public async Task<Result<ScenarioView>> UpdateAsync(Caller caller, Guid id, ScenarioSaveInput input, CancellationToken ct = default)
    {
        var scenario = await access.AnalysisScenarios(caller).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return Problem.NotFound("Scenario");
        }
        if (!MayEdit(caller))
        {
            return Problem.Forbidden("Only analysts, coordinators and admins save and run scenarios.");
        }
        if (input.Version is null)
        {
            return Problem.Invalid("version", "is required");
        }
        if (input.Version != scenario.Version)
        {
            return Problem.StaleVersion(input.Version.Value, scenario.Version);
        }
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        (scenario.Name, scenario.Model, scenario.Document) = checkedInput.Value;
        scenario.UpdatedAt = Clock.UtcNow(time);
        scenario.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.StaleVersion(input.Version.Value, input.Version.Value + 1);
        }
        return await ViewAsync(caller, scenario, ct);
    }

    public async Task<Result<bool>> DeleteAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var scenario = await access.AnalysisScenarios(caller).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return Problem.NotFound("Scenario");
        }
        if (!MayEdit(caller))
        {
            return Problem.Forbidden("Only analysts, coordinators and admins save and run scenarios.");
        }
        db.AnalysisScenarios.Remove(scenario);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Runs the scenario as saved now and records the run with its input and result.</summary>
    public async Task<Result<RunView>> RunAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var scenario = await access.AnalysisScenarios(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return Problem.NotFound("Scenario");
        }
        if (!MayEdit(caller))
        {
            return Problem.Forbidden("Only analysts, coordinators and admins save and run scenarios.");
        }
        var watch = Stopwatch.StartNew();
        var input = ScenarioDocument.Read(Encoding.UTF8.GetBytes(scenario.Document));
        var result = input.Ok ? ScenarioRunner.Run(input.Value!, ct) : input.Problem!;
        if (!result.Ok)
        {
            // Saved documents were valid when saved; an engine change can still refuse one — say where.
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            ScenarioDocument.Merge(errors, "document", result.Problem!);
            return Problem.Invalid(errors);
        }
        var run = new AnalysisRun
        {
            Id = Guid.CreateVersion7(),
            ScenarioId = scenario.Id,
            OrganisationId = scenario.OrganisationId,
            RunByUserId = caller.UserId,
            RanAt = Clock.UtcNow(time),
            Engine = result.Value!.Engine,
            InputSha256 = result.Value.InputSha256,
            Input = scenario.Document,
            Result = JsonSerializer.Serialize(result.Value, ScenarioJson.Write),
            DurationMs = Math.Round(watch.Elapsed.TotalMilliseconds, 1),
        };
        db.AnalysisRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return View(run, scenario.Name);
    }

    public async Task<Result<RunView>> GetRunAsync(Caller caller, Guid runId, CancellationToken ct = default)
    {
        var found = await access.AnalysisRuns(caller).AsNoTracking()
            .Join(access.AnalysisScenarios(caller), r => r.ScenarioId, s => s.Id, (r, s) => new { Run = r, s.Name })
            .FirstOrDefaultAsync(x => x.Run.Id == runId, ct);
        return found is null ? Problem.NotFound("Run") : View(found.Run, found.Name);
    }

    private static RunView View(AnalysisRun run, string scenarioName)
    {
        using var document = JsonDocument.Parse(run.Result);
        return new RunView(run.Id, run.ScenarioId, scenarioName, run.RanAt, run.Engine, run.InputSha256, run.DurationMs, document.RootElement.Clone());
    }

    private async Task<ScenarioView> ViewAsync(Caller caller, AnalysisScenario scenario, CancellationToken ct)
    {
        var runs = await access.AnalysisRuns(caller).Where(r => r.ScenarioId == scenario.Id).OrderByDescending(r => r.RanAt)
            .Select(r => new RunSummary(r.Id, r.RanAt, r.Engine, r.InputSha256, r.DurationMs)).ToListAsync(ct);
        using var document = JsonDocument.Parse(scenario.Document);
        return new ScenarioView(scenario.Id, scenario.Name, scenario.Model, document.RootElement.Clone(), scenario.CreatedAt, scenario.UpdatedAt, scenario.Version, runs);
    }

    /// <summary>The document read as it will be run (every error under <c>document.</c>), and the name to save it under.</summary>
    private async Task<Result<(string Name, ScenarioModel Model, string Document)>> CheckAsync(Caller caller, ScenarioSaveInput input, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var text = input.Document!.Value.GetRawText();
        var read = ScenarioDocument.Read(Encoding.UTF8.GetBytes(text));
        if (!read.Ok)
        {
            ScenarioDocument.Merge(errors, "document", read.Problem!);
            return read.Problem!.Kind == ProblemKind.TooLarge ? read.Problem : Problem.Invalid(errors);
        }
        if (read.Value!.Model == ScenarioModel.Operators && await directory.CheckAsync(text, caller, "document.", ct) is { Count: > 0 } unknown)
        {
            return Problem.Invalid(unknown);
        }
        var name = (string.IsNullOrWhiteSpace(input.Name) ? read.Value!.Name : input.Name)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Problem.Invalid("name", "is required (here or as the document's name)");
        }
        return (name, read.Value!.Model, text);
    }
}
