using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

public enum SpofOrder
{
    /// <summary>Most other services affected first, then population.</summary>
    Services,
    /// <summary>Most population affected first, then services.</summary>
    Population,
}

/// <summary>
/// Ranking settings: each candidate is fully out for <paramref name="OutageSteps"/> from step 0 and
/// the cascade is followed for <paramref name="Steps"/> (default: the outage itself).
/// </summary>
/// <param name="MaxCandidates">
/// Nodes simulated; the ranking is exact when the graph has no more nodes with dependents than this.
/// Null (the default) sizes it to the graph: 1,000 up to 20,000 nodes + dependencies, then fewer
/// in proportion (20,000,000 / (nodes + dependencies), at least 10), since each run costs up to
/// what the graph holds; on 100,000 nodes and 1,000,000 dependencies that is 18.
/// </param>
/// <param name="Top">Entries returned.</param>
public sealed record SpofOptions(
    int OutageSteps,
    int? Steps = null,
    double StepHours = 1,
    int? MaxCandidates = null,
    int Top = 50,
    SpofOrder OrderBy = SpofOrder.Services);

/// <summary>What one full outage of a node alone does to the others.</summary>
/// <param name="AffectedServices">Other nodes degraded or failed at some step.</param>
/// <param name="PopulationAffected">Population of those other nodes.</param>
/// <param name="OwnPopulation">The node's own population (not in the other figures).</param>
public sealed record SpofEntry(int Rank, string NodeId, int AffectedServices, int FailedServices, long PopulationAffected, long PopulationFailed, long OwnPopulation);

/// <param name="Exact">Every node with a dependent was simulated (nodes without one affect nobody else).</param>
/// <param name="Candidates">Nodes simulated.</param>
/// <param name="NodesWithDependents">Nodes that could affect others (the candidates when exact).</param>
public sealed record SpofRanking(bool Exact, int Candidates, int OutageSteps, int Steps, IReadOnlyList<SpofEntry> Entries, int NodesWithDependents);

/// <summary>
/// Ranks nodes by what their outage alone affects, with the same rules as a simulation: one run
/// per candidate on simulators reused across runs (each run costs what it touches), spread over
/// the machine's cores. Only nodes with dependents can affect others; when there are more than
/// <see cref="SpofOptions.MaxCandidates"/>, the candidates are those with the widest two-hop
/// fan-out (direct dependents plus their dependents), which bounds how far a cascade can start.
/// </summary>
internal static class SinglePointsOfFailure
{
    public static Result<SpofRanking> Rank(CascadeGraph graph, SpofOptions options, CancellationToken ct)
    {
        var steps = options.Steps ?? options.OutageSteps;
        var errors = new CascadeErrors();
        if (options.OutageSteps < 1 || options.OutageSteps > CascadeLimits.MaxSteps)
        {
            errors.Add("outageSteps", Text.T("must be between 1 and {0}", CascadeLimits.MaxSteps));
        }
        if (steps < 1 || steps > CascadeLimits.MaxSteps)
        {
            errors.Add("steps", Text.T("must be between 1 and {0}", CascadeLimits.MaxSteps));
        }
        if (!(options.StepHours > 0 && options.StepHours <= 24 * 366))
        {
            errors.Add("stepHours", Text.T("must be more than 0 and at most 8784 hours (a year)"));
        }
        var maxCandidates = options.MaxCandidates ?? DefaultCandidates(graph);
        if (maxCandidates < 1 || options.Top < 1)
        {
            errors.Add(options.Top < 1 ? "top" : "maxCandidates", Text.T("must be between 1 and {0}", CascadeLimits.MaxNodes));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var providers = Enumerable.Range(0, graph.NodeCount).Where(v => graph.OutStart[v + 1] > graph.OutStart[v]).ToArray();
        var exact = providers.Length <= maxCandidates;
        var candidates = exact ? providers : [.. providers.OrderByDescending(v => FanOut(graph, v)).ThenBy(v => v).Take(maxCandidates)];
        var results = new SpofEntry[candidates.Length];
        Parallel.For(0, candidates.Length,
            new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new CascadeSimulator(graph, steps, options.StepHours),
            (i, _, sim) =>
            {
                results[i] = Measure(graph, sim, candidates[i], options.OutageSteps, ct);
                return sim;
            },
            _ => { });

        IOrderedEnumerable<SpofEntry> ordered = options.OrderBy == SpofOrder.Population
            ? results.OrderByDescending(r => r.PopulationAffected).ThenByDescending(r => r.AffectedServices)
            : results.OrderByDescending(r => r.AffectedServices).ThenByDescending(r => r.PopulationAffected);
        var entries = ordered.ThenByDescending(r => r.FailedServices).ThenBy(r => r.NodeId, StringComparer.Ordinal)
            .Take(options.Top).Select((r, k) => r with { Rank = k + 1 }).ToList();
        return new SpofRanking(exact, candidates.Length, options.OutageSteps, steps, entries, providers.Length);
    }

    /// <summary>
    /// Candidates when the caller names no number: a run costs up to what the graph holds (on the
    /// benchmark graph, where one outage reaches most nodes, seconds), so large graphs get fewer.
    /// </summary>
    internal static int DefaultCandidates(CascadeGraph graph) =>
        (int)Math.Clamp(20_000_000L / Math.Max(1, graph.NodeCount + graph.DependencyCount), 10, 1_000);

    private static SpofEntry Measure(CascadeGraph graph, CascadeSimulator sim, int source, int outageSteps, CancellationToken ct)
    {
        sim.Run([new Disruption(source, 0, outageSteps - 1, 1)], record: false, ct);
        int affected = 0, failed = 0;
        long population = 0, populationFailed = 0;
        foreach (var v in sim.TouchedNodes)
        {
            if (v == source || sim.FirstDegraded(v) < 0)
            {
                continue;
            }
            affected++;
            population += graph.Population[v];
            if (sim.FailedStep(v) >= 0)
            {
                failed++;
                populationFailed += graph.Population[v];
            }
        }
        return new SpofEntry(0, graph.Ids[source], affected, failed, population, populationFailed, graph.Population[source]);
    }

    private static long FanOut(CascadeGraph graph, int v)
    {
        long reach = 0;
        for (var k = graph.OutStart[v]; k < graph.OutStart[v + 1]; k++)
        {
            var d = graph.Dependent[k];
            reach += 1 + graph.OutStart[d + 1] - graph.OutStart[d];
        }
        return reach;
    }
}
