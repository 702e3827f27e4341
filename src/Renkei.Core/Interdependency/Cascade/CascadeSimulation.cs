using System.Globalization;
using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>Checks a scenario against a graph, runs it and shapes the result.</summary>
internal static class CascadeSimulation
{
    public static Result<CascadeResult> Run(CascadeGraph graph, CascadeScenario scenario, CancellationToken ct)
    {
        var errors = new CascadeErrors();
        var disruptions = Disruptions(graph, scenario, errors);
        var traced = Traced(graph, scenario.TraceNodes, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var simulator = new CascadeSimulator(graph, scenario.Steps, scenario.StepHours);
        simulator.Trace(traced);
        simulator.Run(disruptions, record: true, ct);
        return Shape(graph, scenario, simulator, traced);
    }

    /// <summary>Validated disruptions in index form, sorted by node (stable), as the simulator needs them.</summary>
    internal static Disruption[] Disruptions(CascadeGraph graph, CascadeScenario scenario, CascadeErrors errors)
    {
        if (scenario.Steps < 1 || scenario.Steps > CascadeLimits.MaxSteps)
        {
            errors.Add("steps", Text.T("must be between 1 and {0}", CascadeLimits.MaxSteps));
        }
        if (!(scenario.StepHours > 0 && scenario.StepHours <= 24 * 366))
        {
            errors.Add("stepHours", Text.T("must be more than 0 and at most 8784 hours (a year)"));
        }
        var list = scenario.Disruptions ?? [];
        if (list.Count > CascadeLimits.MaxDisruptions)
        {
            errors.Add("disruptions", Text.T("may name at most {0} entries", CascadeLimits.MaxDisruptions));
            return [];
        }
        var result = new List<Disruption>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            string Place(string field) => string.Create(CultureInfo.InvariantCulture, $"disruptions[{i}].{field}");
            var d = list[i];
            var node = string.IsNullOrWhiteSpace(d?.NodeId) ? -1 : graph.IndexOf(d.NodeId.Trim());
            if (d is null || string.IsNullOrWhiteSpace(d.NodeId))
            {
                errors.Add(Place("nodeId"), Text.T("is required"));
                continue;
            }
            if (node < 0)
            {
                errors.Add(Place("nodeId"), Text.T("no node has the id '{0}'", d.NodeId));
            }
            var level = d.Level ?? 1;
            if (!(level > 0 && level <= 1))
            {
                errors.Add(Place("level"), Text.T("must be more than 0 and at most 1 (node '{0}')", d.NodeId));
            }
            if (d.FromStep < 0 || d.FromStep >= scenario.Steps)
            {
                errors.Add(Place("fromStep"), Text.T("must be a step of the horizon, 0 to {0} (node '{1}')", scenario.Steps - 1, d.NodeId));
            }
            var to = d.ToStep ?? int.MaxValue - 1;
            if (to < d.FromStep)
            {
                errors.Add(Place("toStep"), Text.T("must not be before fromStep (node '{0}')", d.NodeId));
            }
            if (node >= 0)
            {
                result.Add(new Disruption(node, d.FromStep, Math.Min(to, int.MaxValue - 1), level));
            }
        }
        return [.. result.OrderBy(d => d.Node)];
    }

    private static int[] Traced(CascadeGraph graph, IReadOnlyList<string>? ids, CascadeErrors errors)
    {
        ids ??= [];
        if (ids.Count > CascadeLimits.MaxTracedNodes)
        {
            errors.Add("traceNodes", Text.T("may name at most {0} entries", CascadeLimits.MaxTracedNodes));
            return [];
        }
        var traced = new int[ids.Count];
        for (var k = 0; k < ids.Count; k++)
        {
            traced[k] = ids[k] is { } id ? graph.IndexOf(id.Trim()) : -1;
            if (traced[k] < 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"traceNodes[{k}]"), Text.T("no node has the id '{0}'", ids[k] ?? ""));
            }
        }
        return traced;
    }

    private static CascadeResult Shape(CascadeGraph graph, CascadeScenario scenario, CascadeSimulator sim, int[] traced)
    {
        string? Id(int v) => v >= 0 ? graph.Ids[v] : null;
        int? Step(int s) => s >= 0 ? s : null;
        // By first degraded step, then index: the nodes in index order, counted out by step.
        var start = new int[scenario.Steps + 1];
        var count = 0;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (sim.FirstDegraded(v) >= 0)
            {
                start[sim.FirstDegraded(v) + 1]++;
                count++;
            }
        }
        for (var t = 0; t < scenario.Steps; t++)
        {
            start[t + 1] += start[t];
        }
        var affected = new int[count];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (sim.FirstDegraded(v) >= 0)
            {
                affected[start[sim.FirstDegraded(v)]++] = v;
            }
        }
        var outcomes = new List<NodeOutcome>(count);
        int failed = 0;
        long population = 0, populationFailed = 0;
        foreach (var v in affected)
        {
            outcomes.Add(new NodeOutcome(
                graph.Ids[v], sim.FirstDegraded(v), Step(sim.FailedStep(v)), Step(sim.RecoveredStep(v)),
                sim.Peak(v), sim.PeakStep(v), sim.Level(v), Id(sim.Cause(v)), Id(sim.FailureCause(v))));
            population += graph.Population[v];
            if (sim.FailedStep(v) >= 0)
            {
                failed++;
                populationFailed += graph.Population[v];
            }
        }

        var sectors = new List<SectorSeries>();
        var slots = graph.Sectors.Length;
        for (var s = 0; s < slots + 2; s++)
        {
            if (s == slots && !graph.SectorOf.Contains(-1))
            {
                continue;
            }
            var (a, f, p) = sim.Series(s);
            sectors.Add(new SectorSeries(s < slots ? graph.Sectors[s] : s == slots ? null : "*", a, f, p));
        }
        var traces = traced.Select((v, k) => new NodeSeries(graph.Ids[v], sim.TracedLevels(k).ToArray())).ToList();
        // The simulator was made for this run alone, so its timeline is handed over rather than copied.
        return new CascadeResult(
            scenario.Steps, scenario.StepHours, count, failed, population, populationFailed,
            outcomes, sim.Events, sectors, traces);
    }
}
