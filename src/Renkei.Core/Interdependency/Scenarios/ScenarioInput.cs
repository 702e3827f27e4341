using Renkei.Interdependency.Cascade;
using Renkei.Interdependency.Sectors;

namespace Renkei.Interdependency.Scenarios;

/// <summary>Which engine a scenario runs: the sector model (IIM) or the operator-level cascade.</summary>
[Storage.StoredAsText(20)]
public enum ScenarioModel
{
    Sectors,
    Operators,
}

/// <summary>
/// A scenario read and checked (see <see cref="ScenarioDocument"/>): for <see cref="ScenarioModel.Sectors"/>
/// a matrix with a static and/or a dynamic run; for <see cref="ScenarioModel.Operators"/> a graph with
/// a simulation and optionally a single-points-of-failure ranking.
/// </summary>
public sealed record ScenarioInput(
    ScenarioModel Model,
    string? Name,
    SectorMatrix? Matrix,
    StaticScenario? Static,
    DynamicScenario? Dynamic,
    CascadeGraph? Graph,
    CascadeScenario? Simulation,
    SpofOptions? Spof)
{
    /// <summary>SHA-256 (hex) of the document as given: a run is reproduced by running the same bytes again.</summary>
    public required string InputSha256 { get; init; }
}
