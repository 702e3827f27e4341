using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>
/// Validates an input graph (collecting every error up to the cap) and lays it out in CSR form.
/// Shared by <see cref="CascadeGraph.Build"/> and the importers, which name places differently.
/// </summary>
internal static class CascadeGraphBuilder
{
    /// <summary>The graph, or null when an error makes it impossible to build (the errors say why).</summary>
    public static CascadeGraph? Build(CascadeGraphInput input, ICascadePlaces places, IReadOnlySet<string>? sectorCodes, CascadeErrors errors)
    {
        var nodes = input.Nodes ?? [];
        var dependencies = input.Dependencies ?? [];
        if (nodes.Count == 0)
        {
            errors.Add("nodes", Text.T("must name at least one node"));
            return null;
        }

        var n = nodes.Count;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var ids = new string[n];
        var organisations = new string?[n];
        var names = new string?[n];
        var population = new long[n];
        var nodeRecovery = new double[n];
        var sectorNames = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var node = nodes[i];
            var id = node?.Id?.Trim();
            if (node is null || string.IsNullOrEmpty(id))
            {
                errors.Add(places.Node(i, "id"), Text.T("is required"));
                ids[i] = "";
                continue;
            }
            ids[i] = id;
            if (id.Length > CascadeLimits.MaxIdLength)
            {
                errors.Add(places.Node(i, "id"), Text.T("must be at most {0} characters", CascadeLimits.MaxIdLength));
            }
            else if (!index.TryAdd(id, i))
            {
                errors.Add(places.Node(i, "id"), Text.T("node id '{0}' is already used at {1}", id, places.Node(index[id], "id")));
            }
            organisations[i] = Clean(node.Organisation, places, i, "organisation", errors);
            names[i] = Clean(node.Name, places, i, "name", errors);
            if (Clean(node.Sector, places, i, "sector", errors) is { } sector)
            {
                if (sectorCodes is not null && !sectorCodes.Contains(sector))
                {
                    errors.Add(places.Node(i, "sector"), Text.T("'{0}' is not a sector code", sector));
                }
                sectorNames.Add(sector);
            }
            population[i] = node.Population ?? 0;
            if (population[i] < 0)
            {
                errors.Add(places.Node(i, "population"), Text.T("must be 0 or more (node '{0}')", id));
            }
            nodeRecovery[i] = Hours(node.RecoveryHours, 0, places, ~i, "recoveryHours", id, errors);
        }
        var sectors = sectorNames.ToArray();
        var sectorOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            var sector = nodes[i]?.Sector?.Trim();
            sectorOf[i] = string.IsNullOrEmpty(sector) ? -1 : Array.BinarySearch(sectors, sector, StringComparer.Ordinal);
        }

        var m = dependencies.Count;
        var provider = new int[m];
        var dependent = new int[m];
        var strength = new double[m];
        var backup = new double[m];
        var recovery = new double[m];
        // A pair given twice would add its strengths silently; the first place is named so the user can pick one.
        var pairs = new Dictionary<(int, int), int>(m);
        for (var e = 0; e < m; e++)
        {
            var dep = dependencies[e];
            var d = NodeRef(dep?.Dependent, e, "dependent", places, index, errors);
            var p = NodeRef(dep?.Provider, e, "provider", places, index, errors);
            dependent[e] = d;
            provider[e] = p;
            var who = d >= 0 ? ids[d] : dep?.Dependent ?? "";
            if (d >= 0 && d == p)
            {
                errors.Add(places.Dependency(e, "provider"), Text.T("node '{0}' cannot depend on itself", who));
            }
            else if (d >= 0 && p >= 0 && !pairs.TryAdd((d, p), e))
            {
                errors.Add(places.Dependency(e, "provider"), Text.T("'{0}' already depends on '{1}' at {2}", ids[d], ids[p], places.Dependency(pairs[(d, p)], "provider")));
            }
            strength[e] = dep?.Strength ?? 1;
            if (!(strength[e] > 0 && strength[e] <= 1))
            {
                errors.Add(places.Dependency(e, "strength"), Text.T("must be more than 0 and at most 1 (dependency of '{0}')", who));
            }
            backup[e] = Hours(dep?.BackupHours, 0, places, e, "backupHours", who, errors);
            recovery[e] = Hours(dep?.RecoveryHours, d >= 0 ? nodeRecovery[d] : 0, places, e, "recoveryHours", who, errors);
        }
        if (errors.Any)
        {
            return null;
        }

        return Layout(ids, organisations, names, sectorOf, sectors, population, provider, dependent, strength, backup, recovery, index, places, errors);
    }

    /// <summary>Refuses a graph above the caps before any work is spent on it.</summary>
    public static Problem? CheckSize(int nodes, int dependencies) =>
        nodes > CascadeLimits.MaxNodes
            ? Problem.TooLarge("nodes", Text.T("The graph has more than {0} nodes.", CascadeLimits.MaxNodes))
            : dependencies > CascadeLimits.MaxDependencies
                ? Problem.TooLarge("dependencies", Text.T("The graph has more than {0} dependencies.", CascadeLimits.MaxDependencies))
                : null;

    private static CascadeGraph? Layout(
        string[] ids, string?[] organisations, string?[] names, int[] sectorOf, string[] sectors, long[] population,
        int[] provider, int[] dependent, double[] strength, double[] backup, double[] recovery,
        Dictionary<string, int> index, ICascadePlaces places, CascadeErrors errors)
    {
        var n = ids.Length;
        var m = provider.Length;
        // Counting sort by dependent, stable in input order, so evaluation order (and ties) is deterministic.
        var inStart = new int[n + 1];
        foreach (var d in dependent)
        {
            inStart[d + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            inStart[v + 1] += inStart[v];
        }
        var fill = (int[])inStart.Clone();
        var order = new int[m];
        for (var e = 0; e < m; e++)
        {
            order[fill[dependent[e]]++] = e;
        }
        var sProvider = new int[m];
        var sDependent = new int[m];
        var sStrength = new double[m];
        var sBackup = new double[m];
        var sRecovery = new double[m];
        for (var k = 0; k < m; k++)
        {
            var e = order[k];
            sProvider[k] = provider[e];
            sDependent[k] = dependent[e];
            sStrength[k] = strength[e];
            sBackup[k] = backup[e];
            sRecovery[k] = recovery[e];
        }

        var outStart = new int[n + 1];
        foreach (var p in sProvider)
        {
            outStart[p + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            outStart[v + 1] += outStart[v];
        }
        fill = (int[])outStart.Clone();
        var outEdges = new int[m];
        for (var k = 0; k < m; k++)
        {
            outEdges[fill[sProvider[k]]++] = k;
        }

        var levels = InstantLevels.Compute(n, inStart, sProvider, sDependent, sBackup, outStart, outEdges, out var maxLevel, out var cycle);
        if (levels is null)
        {
            var loop = string.Join(" → ", cycle.Select(c => ids[sDependent[c]]).Append(ids[sDependent[cycle[0]]]));
            var where = string.Join(", ", cycle.Select(c => places.Dependency(order[c], "provider")));
            errors.Add("dependencies", Text.T("instantaneous dependencies (backup 0 hours) form a cycle: {0}, each needing the next ({1}); a service cannot need itself at the same moment, so give at least one of them a backup", loop, where));
            return null;
        }
        // Within a provider: instantaneous links first, then by backup, each by dependent index. A
        // provider's change walks its instantaneous links at once and its backed-up ones at the end
        // of the step, whose backup ran out as a prefix and whose backup runs out at one step as a run.
        var backedStart = OrderByBackup(n, outStart, outEdges, sBackup);
        // Links in provider order; InLinks[k] is where in-edge k now sits.
        var lProvider = new int[m];
        var lDependent = new int[m];
        var lStrength = new double[m];
        var lBackup = new double[m];
        var lRecovery = new double[m];
        var lInput = new int[m];
        var inLinks = new int[m];
        for (var k = 0; k < m; k++)
        {
            var e = outEdges[k];
            lProvider[k] = sProvider[e];
            lDependent[k] = sDependent[e];
            lStrength[k] = sStrength[e];
            lBackup[k] = sBackup[e];
            lRecovery[k] = sRecovery[e];
            lInput[k] = order[e];
            inLinks[e] = k;
        }
        return new CascadeGraph(ids, organisations, names, sectorOf, sectors, population, inStart, inLinks, outStart, backedStart, lProvider, lDependent, lStrength, lBackup, lRecovery,
            lInput, levels, maxLevel, index);
    }

    /// <summary>
    /// Sorts each provider's links (given by dependent index) by backup, keeping dependent order
    /// among equal backups; returns where each provider's backed-up links start.
    /// </summary>
    private static int[] OrderByBackup(int n, int[] outStart, int[] outEdges, double[] backup)
    {
        var backedStart = new int[n];
        var keys = new long[64];
        for (var p = 0; p < n; p++)
        {
            var links = outEdges.AsSpan(outStart[p], outStart[p + 1] - outStart[p]);
            if (keys.Length < links.Length)
            {
                keys = new long[Math.Max(links.Length, keys.Length * 2)];
            }
            // Backups are 0 or more, whose bit patterns order as integers (+ 0.0 turns -0.0 into 0.0): a sort of plain keys.
            var key = keys.AsSpan(0, links.Length);
            for (var i = 0; i < links.Length; i++)
            {
                key[i] = BitConverter.DoubleToInt64Bits(backup[links[i]] + 0.0);
            }
            key.Sort(links);
            // That sort is not stable: put each run of equal backups back in edge order, which is dependent order.
            for (var i = 0; i < links.Length;)
            {
                var j = i + 1;
                while (j < links.Length && key[j] == key[i])
                {
                    j++;
                }
                links[i..j].Sort();
                i = j;
            }
            var instant = 0;
            while (instant < links.Length && key[instant] == 0)
            {
                instant++;
            }
            backedStart[p] = outStart[p] + instant;
        }
        return backedStart;
    }

    private static int NodeRef(string? id, int e, string field, ICascadePlaces places, Dictionary<string, int> index, CascadeErrors errors)
    {
        id = id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(places.Dependency(e, field), Text.T("is required"));
            return -1;
        }
        if (!index.TryGetValue(id, out var i))
        {
            errors.Add(places.Dependency(e, field), Text.T("no node has the id '{0}'", id));
            return -1;
        }
        return i;
    }

    /// <param name="index">A dependency's index, or ~index for a node's (the place is named only on an error: a million of them cost time).</param>
    private static double Hours(double? value, double fallback, ICascadePlaces places, int index, string field, string who, CascadeErrors errors)
    {
        var hours = value ?? fallback;
        if (!(hours >= 0 && hours <= CascadeLimits.MaxHours))
        {
            errors.Add(index < 0 ? places.Node(~index, field) : places.Dependency(index, field), Text.T("must be between 0 and {0} hours (node '{1}')", CascadeLimits.MaxHours, who));
            return 0;
        }
        return hours;
    }

    private static string? Clean(string? text, ICascadePlaces places, int node, string field, CascadeErrors errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > CascadeLimits.MaxTextLength)
        {
            errors.Add(places.Node(node, field), Text.T("must be at most {0} characters", CascadeLimits.MaxTextLength));
        }
        return text;
    }
}
