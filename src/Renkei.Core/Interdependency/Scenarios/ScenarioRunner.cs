using Renkei.Common;

namespace Renkei.Interdependency.Scenarios;

/// <summary>Runs a checked scenario on its engine; the result carries what identifies the input and the engine.</summary>
public static class ScenarioRunner
{
    /// <summary>Raised whenever a change in either engine could change a result for the same input.</summary>
    public const string Engine = "renkei-interdependency/1";

    public static Result<ScenarioResult> Run(ScenarioInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.Model == Renkei.Interdependency.Scenarios.ScenarioModel.Sectors)
        {
            var matrix = input.Matrix!;
            var staticRun = input.Static is null ? null : Take(Sectors.StaticModel.Solve(matrix, input.Static), "static", errors);
            var dynamicRun = input.Dynamic is null ? null : Take(Sectors.DynamicModel.Simulate(matrix, input.Dynamic), "dynamic", errors);
            if (errors.Count > 0)
            {
                return Problem.Invalid(errors);
            }
            var summary = new MatrixSummary(matrix.Input.Name, matrix.Input.Version, matrix.Sectors, matrix.SpectralRadius);
            return new ScenarioResult(input.Model, input.Name, Engine, input.InputSha256, summary, staticRun, dynamicRun, null, null, null);
        }
        var graph = input.Graph!;
        var cascade = Take(graph.Simulate(input.Simulation!, ct), "simulation", errors);
        var spof = input.Spof is null ? null : Take(graph.RankSinglePointsOfFailure(input.Spof, ct), "spof", errors);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        return new ScenarioResult(input.Model, input.Name, Engine, input.InputSha256, null, null, null, new GraphSummary(graph.NodeCount, graph.DependencyCount), cascade, spof);
    }

    private static T? Take<T>(Result<T> result, string section, Dictionary<string, string[]> errors) where T : class
    {
        if (result.Ok)
        {
            return result.Value;
        }
        ScenarioDocument.Merge(errors, section, result.Problem!);
        return null;
    }
}
