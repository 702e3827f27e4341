using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Interdependency.Scenarios;
using Renkei.Interdependency.Sectors;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Interdependency;

/// <summary>Interdependency analysis: the default matrix to copy, saved scenarios, their recorded runs and exports.</summary>
public static class InterdependencyEndpoints
{
    public static IEndpointRouteBuilder MapInterdependencyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/interdependency").WithTags("Interdependency");
        group.MapGet("/matrices/default", DefaultMatrix).WithName("GetDefaultSectorMatrix")
            .WithSummary("The shipped 15-sector interdependency matrix with the provenance of each coefficient: copy it into a scenario's matrix to edit it.");
        group.MapGet("/graphs/template", GraphTemplate).WithName("GetGraphTemplate")
            .WithSummary("The directory's organisations (optionally of one sector) as operator-graph nodes without dependencies: a graph to complete and put in a scenario.");
        group.MapPost("/graphs/import", ImportGraph).WithName("ImportGraph")
            .Accepts<string>("text/csv")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Renkei.Interdependency.Cascade.CascadeLimits.MaxBytes))
            .WithSummary("An operator graph from one CSV (nodes with their header, then dependencies from the row 'dependent,provider,…'; docs/cascade.md) as the JSON graph of a scenario; errors name the section and line. Nothing is stored.");
        group.MapGet("/scenarios", List).WithName("ListScenarios").WithSummary("The caller's organisation's saved scenarios.");
        group.MapPost("/scenarios", Create).WithName("CreateScenario")
            .WithSummary("Analysts, coordinators, admins: save a scenario document (docs/schemas/scenario.schema.json); errors name their place under document.");
        group.MapGet("/scenarios/{id:guid}", Get).WithName("GetScenario").WithSummary("A saved scenario with its document and its runs.");
        group.MapPut("/scenarios/{id:guid}", Update).WithName("UpdateScenario").WithSummary("Replace a scenario's document (send the version you edited).");
        group.MapDelete("/scenarios/{id:guid}", Delete).WithName("DeleteScenario").WithSummary("Delete a scenario and its runs.");
        group.MapPost("/scenarios/{id:guid}/runs", Run).WithName("RunScenario")
            .WithSummary("Run the scenario as saved now; the run is recorded with its exact input, the engine version and the result (docs/schemas/result.schema.json).");
        group.MapGet("/runs/{id:guid}", GetRun).WithName("GetScenarioRun").WithSummary("A recorded run and its result.");
        group.MapGet("/runs/{id:guid}/result.csv", RunCsv).WithName("ExportScenarioRunCsv")
            .WithSummary("A recorded result as CSV: q per step and sector, q per sector (static only), or the affected services with their chains of causes.");
        return api;
    }

    private static IResult DefaultMatrix() => Results.Text(DefaultSectorMatrix.Instance.Json, "application/json; charset=utf-8");

    private static async Task<Ok<Renkei.Interdependency.Cascade.CascadeGraphInput>> GraphTemplate(string? sector, RequestCaller caller, DirectoryNodes directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.TemplateAsync(caller.Required, sector, ct));

    /// <remarks>A conversion with no side effect: the answer goes back to the caller only, so a cross-site post gains nothing.</remarks>
    private static async Task<Results<Ok<Renkei.Interdependency.Cascade.CascadeGraphInput>, ProblemHttpResult>> ImportGraph(HttpRequest request, RequestCaller caller, CancellationToken ct)
    {
        _ = caller.Required;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var imported = Renkei.Interdependency.Cascade.CascadeImport.FromCsv(buffer.ToArray(), SectorCodes.Known);
        return imported.Ok ? TypedResults.Ok(imported.Value!.Input) : ProblemResults.From(imported.Problem!);
    }

    private static async Task<Ok<List<ScenarioSummary>>> List(RequestCaller caller, ScenarioService scenarios, CancellationToken ct) =>
        TypedResults.Ok(await scenarios.ListAsync(caller.Required, ct));

    private static async Task<Results<Created<ScenarioView>, ProblemHttpResult>> Create(ScenarioSaveInput input, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/interdependency/scenarios/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ScenarioView>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.GetAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ScenarioView>, ProblemHttpResult>> Update(Guid id, ScenarioSaveInput input, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.UpdateAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.DeleteAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Created<RunView>, ProblemHttpResult>> Run(Guid id, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.RunAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/interdependency/runs/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetRun(Guid id, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.GetRunAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RunCsv(Guid id, RequestCaller caller, ScenarioService scenarios, CancellationToken ct)
    {
        var result = await scenarios.GetRunAsync(caller.Required, id, ct);
        return result.Ok
            ? TypedResults.File(ResultCsv.From(ScenarioJson.ReadResult(result.Value!.Result)), "text/csv; charset=utf-8", $"run-{id:N}.csv")
            : ProblemResults.From(result.Problem!);
    }
}
