using Renkei.Interdependency.Cascade;
using Renkei.Interdependency.Sectors;

namespace Renkei.Interdependency.Scenarios;

/// <summary>The matrix a sector run used, as a reader of the result needs to identify it.</summary>
public sealed record MatrixSummary(string? Name, int? Version, IReadOnlyList<string> Sectors, double SpectralRadius);

/// <summary>The graph an operator run used.</summary>
public sealed record GraphSummary(int Nodes, int Dependencies);

/// <summary>
/// What a scenario run produced, with what identifies its input (<see cref="InputSha256"/>) and the
/// engine (<see cref="Engine"/>): the same input on the same engine version gives the same result.
/// </summary>
public sealed record ScenarioResult(
    ScenarioModel Model,
    string? Name,
    string Engine,
    string InputSha256,
    MatrixSummary? Matrix,
    StaticResult? Static,
    DynamicResult? Dynamic,
    GraphSummary? Graph,
    CascadeResult? Cascade,
    SpofRanking? Spof);
