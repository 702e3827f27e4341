using Renkei.Interdependency.Cascade;

namespace Renkei.Core.Tests.Interdependency.Cascade;

/// <summary>Small hand-built graphs for the cascade tests.</summary>
internal static class Graphs
{
    public static CascadeGraph Build(IEnumerable<CascadeNodeInput> nodes, IEnumerable<CascadeDependencyInput> dependencies)
    {
        var result = CascadeGraph.Build(new CascadeGraphInput([.. nodes], [.. dependencies]));
        result.Problem.ShouldBeNull();
        return result.Value!;
    }

    public static CascadeNodeInput Node(string id, long population = 0, string? sector = null) => new(id, Population: population, Sector: sector);

    public static CascadeDependencyInput Needs(string dependent, string provider, double strength = 1, double backup = 0, double recovery = 0) =>
        new(dependent, provider, strength, backup, recovery);

    public static CascadeResult Run(CascadeGraph graph, int steps, params CascadeDisruption[] disruptions)
    {
        var result = graph.Simulate(new CascadeScenario(disruptions, steps));
        result.Problem.ShouldBeNull();
        return result.Value!;
    }

    public static NodeOutcome Outcome(this CascadeResult result, string id) => result.Outcomes.Single(o => o.NodeId == id);
}
