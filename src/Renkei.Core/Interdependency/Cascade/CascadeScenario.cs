namespace Renkei.Interdependency.Cascade;

/// <summary>A direct disruption of one node: it loses <paramref name="Level"/> of its function from step to step.</summary>
/// <param name="Level">In (0, 1]; default 1 (fully out).</param>
/// <param name="ToStep">Last disrupted step, inclusive; null = until the end of the horizon.</param>
public sealed record CascadeDisruption(string NodeId, int FromStep, int? ToStep = null, double? Level = null);

/// <summary>What to simulate: disruptions over a horizon of <paramref name="Steps"/> steps of <paramref name="StepHours"/> hours.</summary>
/// <param name="TraceNodes">Nodes whose level is recorded at every step (the full series is kept only for these).</param>
public sealed record CascadeScenario(
    IReadOnlyList<CascadeDisruption> Disruptions,
    int Steps,
    double StepHours = 1,
    IReadOnlyList<string>? TraceNodes = null);
