namespace Renkei.Interdependency.Cascade;

public enum CascadeEventKind
{
    /// <summary>Normal to degraded (lost part of its function).</summary>
    Degraded,
    /// <summary>To failed (fully out), from normal or degraded.</summary>
    Failed,
    /// <summary>Failed to degraded: partly back.</summary>
    PartlyRecovered,
    /// <summary>Back to normal.</summary>
    Recovered,
}

/// <summary>
/// A change of a node's state at a step. <paramref name="Cause"/> is the provider whose loss weighs
/// most at that moment, or null for the node's own (direct) disruption and for recoveries; ties go
/// to the own disruption, then to the provider that first degraded earliest, then to the smaller id
/// (ordinal), so the cause does not depend on the order of the input.
/// </summary>
public readonly record struct CascadeEvent(int Step, string Node, CascadeEventKind Kind, string? Cause);

/// <summary>
/// What happened to one affected node. Steps are null when the thing did not happen within the
/// horizon (<paramref name="RecoveredStep"/> is null when the node is still affected at the end).
/// </summary>
/// <param name="Cause">Provider that made the node degrade first, or null for a direct disruption.</param>
/// <param name="FailureCause">Provider weighing most when the node failed, or null (direct, or never failed).</param>
public sealed record NodeOutcome(
    string NodeId,
    int FirstDegradedStep,
    int? FailedStep,
    int? RecoveredStep,
    double PeakLevel,
    int PeakStep,
    double EndLevel,
    string? Cause,
    string? FailureCause);

/// <summary>Per step: how many nodes of the sector are affected (degraded or failed), failed, and the population they serve.</summary>
/// <param name="Sector">The sector code; null for nodes without a sector; "*" for the whole graph.</param>
public sealed record SectorSeries(string? Sector, int[] Affected, int[] Failed, long[] PopulationAffected);

/// <summary>A traced node's inoperability at every step.</summary>
public sealed record NodeSeries(string NodeId, double[] Levels);

/// <summary>
/// The outcome of a simulation: counts over the horizon, every affected node (ordered by when it
/// first degraded), the timeline of state changes, and per-sector series for charts.
/// </summary>
public sealed record CascadeResult(
    int Steps,
    double StepHours,
    int AffectedNodes,
    int FailedNodes,
    long PopulationAffected,
    long PopulationFailed,
    IReadOnlyList<NodeOutcome> Outcomes,
    IReadOnlyList<CascadeEvent> Events,
    IReadOnlyList<SectorSeries> Sectors,
    IReadOnlyList<NodeSeries> Traces)
{
    /// <summary>
    /// Why the node was affected: the node, the provider that first degraded it, that provider's
    /// first cause, and so on to a directly disrupted node. Empty when the node was not affected.
    /// </summary>
    /// <remarks>First-degradation causes always end at a direct disruption: a provider is degraded strictly earlier, or in the same step through an instantaneous dependency, and those are acyclic.</remarks>
    public IReadOnlyList<string> ChainOfCauses(string nodeId)
    {
        var byId = Outcomes.ToDictionary(o => o.NodeId, StringComparer.Ordinal);
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = nodeId; id is not null && seen.Add(id) && byId.TryGetValue(id, out var outcome); id = outcome.Cause)
        {
            chain.Add(id);
        }
        return chain;
    }
}
