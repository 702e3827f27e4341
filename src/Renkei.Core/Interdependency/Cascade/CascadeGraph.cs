using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>
/// An operator graph in compact, immutable form, built once and reused by every simulation and
/// ranking: node index map, dependencies grouped by dependent (CSR, for evaluating a node) and by
/// provider (for finding whom a change reaches), and each node's depth in the acyclic graph of
/// instantaneous dependencies. Memory is linear in nodes + dependencies.
/// </summary>
public sealed class CascadeGraph
{
    private readonly Dictionary<string, int> _index;

    internal CascadeGraph(
        string[] ids, string?[] organisations, string?[] names, int[] sectorOf, string[] sectors, long[] population,
        int[] inStart, int[] inLinks, int[] outStart, int[] backedStart, int[] provider, int[] dependent, double[] strength, double[] backupHours, double[] recoveryHours,
        int[] inputIndex, int[] instantLevel, int maxInstantLevel, Dictionary<string, int> index)
    {
        Ids = ids;
        Organisations = organisations;
        Names = names;
        SectorOf = sectorOf;
        Sectors = sectors;
        Population = population;
        InStart = inStart;
        InLinks = inLinks;
        OutStart = outStart;
        BackedStart = backedStart;
        Provider = provider;
        Dependent = dependent;
        Strength = strength;
        BackupHours = backupHours;
        RecoveryHours = recoveryHours;
        InputIndex = inputIndex;
        InstantLevel = instantLevel;
        MaxInstantLevel = maxInstantLevel;
        LevelStart = new int[maxInstantLevel + 2];
        foreach (var level in instantLevel)
        {
            LevelStart[level + 1]++;
        }
        for (var l = 0; l <= maxInstantLevel; l++)
        {
            LevelStart[l + 1] += LevelStart[l];
        }
        _index = index;
    }

    public int NodeCount => Ids.Length;

    public int DependencyCount => Provider.Length;

    /// <summary>The distinct sector codes of the nodes, in ordinal order (nodes without a sector are in none).</summary>
    public IReadOnlyList<string> SectorCodes => Sectors;

    /// <summary>Builds the graph; errors name the place as a JSON path (<c>dependencies[12].provider</c>).</summary>
    /// <param name="sectorCodes">Known sector codes to check nodes against; null leaves sectors unchecked.</param>
    public static Result<CascadeGraph> Build(CascadeGraphInput input, IReadOnlySet<string>? sectorCodes = null)
    {
        if (CascadeGraphBuilder.CheckSize(input.Nodes?.Count ?? 0, input.Dependencies?.Count ?? 0) is { } tooLarge)
        {
            return tooLarge;
        }
        var errors = new CascadeErrors();
        var graph = CascadeGraphBuilder.Build(input, JsonPlaces.Instance, sectorCodes, errors);
        return graph is not null && !errors.Any ? graph : errors.ToProblem();
    }

    public string NodeId(int index) => Ids[index];

    /// <summary>The node's index, or -1 when no node has the id.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    public string? OrganisationOf(int index) => Organisations[index];

    public string? NameOf(int index) => Names[index];

    public string? SectorOfNode(int index) => SectorOf[index] < 0 ? null : Sectors[SectorOf[index]];

    public long PopulationOf(int index) => Population[index];

    /// <summary>Simulates a disruption; see docs/cascade.md for the timing rules.</summary>
    public Result<CascadeResult> Simulate(CascadeScenario scenario, CancellationToken ct = default) =>
        CascadeSimulation.Run(this, scenario, ct);

    /// <summary>Ranks single points of failure: what one full outage of each node alone affects.</summary>
    public Result<SpofRanking> RankSinglePointsOfFailure(SpofOptions options, CancellationToken ct = default) =>
        SinglePointsOfFailure.Rank(this, options, ct);

    /// <summary>Bytes held by the graph's arrays (strings and the id map estimated), for capacity planning.</summary>
    public long ApproximateBytes =>
        (long)NodeCount * (8 * 4 + 4 * 6 + 8) + (long)DependencyCount * (4 * 4 + 8 * 3) + Ids.Sum(i => 24L + 2L * i.Length) + _index.Count * 24L;

    internal string[] Ids { get; }
    internal string?[] Organisations { get; }
    internal string?[] Names { get; }
    internal int[] SectorOf { get; }
    internal string[] Sectors { get; }
    internal long[] Population { get; }

    // Dependencies ("links") are stored in provider order: those of provider p are the slots
    // OutStart[p] .. OutStart[p+1]-1, the instantaneous ones first, then the backed-up ones by
    // backup; each group by dependent index, so a change walks its dependents contiguously and forward.

    /// <summary>Links where node v is the provider are slots OutStart[v] .. OutStart[v+1]-1.</summary>
    internal int[] OutStart { get; }

    /// <summary>Links of provider v with a backup are slots BackedStart[v] .. OutStart[v+1]-1 (by backup, then dependent); those before are instantaneous.</summary>
    internal int[] BackedStart { get; }
    internal int[] Provider { get; }
    internal int[] Dependent { get; }
    internal double[] Strength { get; }
    internal double[] BackupHours { get; }
    internal double[] RecoveryHours { get; }
    /// <summary>The link's position in the input, to name it in messages.</summary>
    internal int[] InputIndex { get; }

    /// <summary>Links of node v as dependent, in input order, are InLinks[InStart[v] .. InStart[v+1]-1].</summary>
    internal int[] InStart { get; }
    internal int[] InLinks { get; }

    /// <summary>0 for a node with no instantaneous provider, else one more than its deepest instantaneous provider.</summary>
    internal int[] InstantLevel { get; }
    internal int MaxInstantLevel { get; }

    /// <summary>Nodes of instantaneous level l number LevelStart[l+1] - LevelStart[l] (the simulator's queue is laid out by level).</summary>
    internal int[] LevelStart { get; }
}
