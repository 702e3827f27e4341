using System.Diagnostics;
using Renkei.Interdependency.Cascade;

/// <summary>
/// The operator-level cascade engine on a seeded, realistic graph: a few percent of the nodes are
/// power, telecom, water and data-centre providers with many dependents; operators need one power
/// and one telecom provider, often water and a data centre, and each other (hubs more often), with
/// backups from none to 72 hours. A few providers are disrupted for a window. Measured: building
/// the compact graph and simulating (median of three runs after a warm-up); memory as the graph's
/// retained bytes and the bytes one simulation allocates, per node + dependency, and with
/// <c>--scale</c> at a quarter, half and the full size to show it grows linearly.
/// </summary>
internal static class Cascade
{
    public static Dictionary<string, object> Run(int nodes, int edges, int steps, bool scale, int spofCandidates)
    {
        // Warm-up (JIT) on a small graph, not measured.
        Measure(2_000, 20_000, steps, quiet: true);
        var sizes = scale ? new[] { 4, 2, 1 } : [1];
        var linear = new List<Dictionary<string, object>>();
        Dictionary<string, object> result = [];
        foreach (var divisor in sizes)
        {
            result = Measure(nodes / divisor, edges / divisor, steps, quiet: false, spofCandidates: divisor == 1 ? spofCandidates : 0);
            linear.Add(new() { ["nodes"] = result["nodes"], ["edges"] = result["edges"], ["graph_bytes_per_element"] = result["graph_bytes_per_element"], ["sim_bytes_per_element"] = result["sim_bytes_per_element"], ["ms"] = result["ms"] });
        }
        if (scale)
        {
            result["scale"] = linear;
        }
        return result;
    }

    private static Dictionary<string, object> Measure(int nodes, int edges, int steps, bool quiet, int spofCandidates = 0)
    {
        var watch = Stopwatch.StartNew();
        var input = CascadeBenchGraph.Generate(nodes, edges, seed: 42);
        var genMs = watch.Elapsed.TotalMilliseconds;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var graph = CascadeGraph.Build(input).Value ?? throw new InvalidOperationException("The generated graph is invalid.");
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var graphBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var elements = (double)(graph.NodeCount + graph.DependencyCount);

        var scenario = new CascadeScenario(CascadeBenchGraph.Disruptions(input, steps), steps);
        var timings = new List<double>();
        CascadeResult? outcome = null;
        long simBytes = 0;
        for (var run = 0; run < (quiet ? 1 : 3); run++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            outcome = graph.Simulate(scenario).Value!;
            timings.Add(watch.Elapsed.TotalMilliseconds);
            simBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
        timings.Sort();
        var ms = timings[timings.Count / 2];
        if (!quiet)
        {
            Console.WriteLine($"graph: {graph.NodeCount} nodes, {graph.DependencyCount} dependencies generated in {genMs:F0} ms (not measured), built in {buildMs:F0} ms, {graphBytes / 1024.0 / 1024:F1} MB retained ({graphBytes / elements:F1} bytes per node+dependency)");
            Console.WriteLine($"simulation of {steps} steps: median {ms:F0} ms over {timings.Count} runs (first {timings.Max():F0} ms); {outcome!.AffectedNodes} nodes affected, {outcome.FailedNodes} failed, {outcome.Events.Count} events; {simBytes / 1024.0 / 1024:F1} MB allocated per run ({simBytes / elements:F1} bytes per node+dependency)");
        }
        var result = new Dictionary<string, object>
        {
            ["command"] = "cascade",
            ["nodes"] = graph.NodeCount,
            ["edges"] = graph.DependencyCount,
            ["steps"] = steps,
            ["ms"] = Math.Round(ms, 1),
            ["build_ms"] = Math.Round(buildMs, 1),
            ["affected"] = outcome!.AffectedNodes,
            ["failed"] = outcome.FailedNodes,
            ["events"] = outcome.Events.Count,
            ["population_affected"] = outcome.PopulationAffected,
            ["graph_mb"] = Math.Round(graphBytes / 1024.0 / 1024, 1),
            ["sim_alloc_mb"] = Math.Round(simBytes / 1024.0 / 1024, 1),
            ["graph_bytes_per_element"] = Math.Round(graphBytes / elements, 1),
            ["sim_bytes_per_element"] = Math.Round(simBytes / elements, 1),
        };
        if (spofCandidates != 0)
        {
            // --spof K ranks K candidates; --spof -1 leaves the number to the engine's default for the graph's size.
            watch.Restart();
            var ranking = graph.RankSinglePointsOfFailure(new SpofOptions(OutageSteps: 24, Steps: steps, MaxCandidates: spofCandidates > 0 ? spofCandidates : null, Top: 5)).Value!;
            var spofMs = watch.Elapsed.TotalMilliseconds;
            var top = ranking.Entries[0];
            Console.WriteLine($"single points of failure: {ranking.Candidates} of {ranking.NodesWithDependents} nodes with dependents ({(ranking.Exact ? "exact" : "not exact")}; 24-hour outage, {steps} steps) ranked in {spofMs:F0} ms; first {top.NodeId}: {top.AffectedServices} services, {top.PopulationAffected} people");
            result["spof_exact"] = ranking.Exact;
            result["spof_candidates"] = ranking.Candidates;
            result["spof_ms"] = Math.Round(spofMs);
        }
        return result;
    }
}
