namespace Renkei.Interdependency.Cascade;

/// <summary>
/// One service of an organisation: a node of the operator graph. Optional numbers are null when
/// not given; the defaults are applied when the graph is built (population 0, recovery 0 hours).
/// </summary>
/// <param name="Id">Unique, case-sensitive, at most 200 characters.</param>
/// <param name="Organisation">Carried as given; resolved against the directory by the caller.</param>
/// <param name="RecoveryHours">Default recovery time of this node's dependencies that give none.</param>
public sealed record CascadeNodeInput(
    string Id,
    string? Organisation = null,
    string? Name = null,
    string? Sector = null,
    long? Population = null,
    double? RecoveryHours = null);

/// <summary>The dependent needs the provider.</summary>
/// <param name="Strength">Share of the dependent's function lost when the provider is fully out, in (0, 1]; default 1.</param>
/// <param name="BackupHours">How long the dependent rides through a provider outage; 0 (the default) = instantaneous.</param>
/// <param name="RecoveryHours">Time after the provider is back until the dependent recovers from this cause; default the dependent's own.</param>
public sealed record CascadeDependencyInput(
    string Dependent,
    string Provider,
    double? Strength = null,
    double? BackupHours = null,
    double? RecoveryHours = null);

/// <summary>An operator graph as imported or stored: <c>{"nodes":[…],"dependencies":[…]}</c>.</summary>
public sealed record CascadeGraphInput(IReadOnlyList<CascadeNodeInput> Nodes, IReadOnlyList<CascadeDependencyInput> Dependencies);
