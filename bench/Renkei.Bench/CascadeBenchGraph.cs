using Renkei.Interdependency.Cascade;

/// <summary>The seeded graph and disruption of the cascade benchmark.</summary>
internal static class CascadeBenchGraph
{
    private static readonly string[] OperatorSectors = ["finance", "medical", "railways", "gas", "logistics", "government", "aviation", "airports", "chemicals", "credit", "petroleum", "ports"];

    // Providers first (indices 0 .. providers-1) in four roles; operators after them.
    private const double PowerShare = 0.3, TelecomShare = 0.3, WaterShare = 0.2;

    public static CascadeGraphInput Generate(int n, int m, int seed)
    {
        var random = new Random(seed);
        var providers = Math.Max(4, n / 25);
        var power = (int)(providers * PowerShare);
        var telecom = (int)(providers * TelecomShare);
        var water = (int)(providers * WaterShare);
        var dc = providers - power - telecom - water;
        int Power() => random.Next(power);
        int Telecom() => power + random.Next(telecom);
        int Water() => power + telecom + random.Next(water);
        int DataCentre() => power + telecom + water + random.Next(dc);
        double Pick(params double[] values) => values[random.Next(values.Length)];

        var nodes = new CascadeNodeInput[n];
        for (var i = 0; i < n; i++)
        {
            var (sector, prefix) = i < power ? ("electricity", "power") : i < power + telecom ? ("telecom", "telecom") : i < power + telecom + water ? ("water", "water") : i < providers ? ("telecom", "dc") : (OperatorSectors[i % OperatorSectors.Length], "op");
            var population = i < providers ? random.Next(10_000, 1_000_000) : (long)Math.Exp(random.NextDouble() * 11);
            nodes[i] = new CascadeNodeInput($"{prefix}-{i}", $"org-{i / 3}", null, sector, population, Pick(0, 2, 6, 12));
        }

        var edges = new List<CascadeDependencyInput>(m);
        var chosen = new HashSet<int>();
        var operators = n - providers;
        var hubs = Math.Max(1, operators / 10);
        for (var v = 0; v < n && edges.Count < m; v++)
        {
            chosen.Clear();
            void Add(int provider, double strength, double backup, double recovery)
            {
                if (provider != v && edges.Count < m && chosen.Add(provider))
                {
                    edges.Add(new CascadeDependencyInput(nodes[v].Id, nodes[provider].Id, strength, backup, recovery));
                }
            }
            if (v < providers)
            {
                // Providers need each other only through backups (batteries, generators), so no instantaneous cycle.
                Add(Power(), 1, Pick(4, 8, 24, 72), 2);
                Add(Telecom(), 0.5, Pick(8, 24), 1);
                continue;
            }
            Add(Power(), Pick(0.6, 0.8, 1), Pick(0, 4, 8, 24, 72), Pick(1, 4, 12));
            Add(Telecom(), Pick(0.5, 0.8, 1), Pick(0, 2, 8), Pick(0, 1, 4));
            if (random.Next(10) < 3)
            {
                Add(Water(), Pick(0.3, 0.5, 0.8), Pick(12, 24, 48), Pick(2, 6));
            }
            if (random.Next(2) == 0)
            {
                Add(DataCentre(), Pick(0.3, 0.6, 0.9), Pick(0, 1), Pick(0, 2));
            }
            // Operators need each other; an instantaneous dependency only on an earlier one keeps those acyclic.
            var remaining = (double)(m - edges.Count) / (n - v);
            var count = (int)remaining + (random.NextDouble() < remaining - (int)remaining ? 1 : 0);
            for (var k = 0; k < count; k++)
            {
                var other = providers + (random.Next(10) < 7 ? random.Next(hubs) : random.Next(operators));
                var backup = other < v && random.Next(3) == 0 ? 0 : Pick(1, 4, 12, 24, 72);
                Add(other, Pick(0.05, 0.1, 0.2, 0.3), backup, Pick(0, 2, 6));
            }
        }
        return new CascadeGraphInput(nodes, edges);
    }

    /// <summary>Three power providers out for two days, a telecom provider at 60% for a day, a data centre for half a day.</summary>
    public static List<CascadeDisruption> Disruptions(CascadeGraphInput input, int steps)
    {
        var last = steps - 1;
        var ids = input.Nodes.Select(n => n.Id).ToList();
        string First(string prefix, int skip) => ids.Where(i => i.StartsWith(prefix, StringComparison.Ordinal)).Skip(skip).First();
        return
        [
            new(First("power-", 0), 0, Math.Min(47, last)),
            new(First("power-", 1), 0, Math.Min(47, last)),
            new(First("power-", 2), 6, Math.Min(30, last)),
            new(First("telecom-", 0), Math.Min(24, last), Math.Min(71, last), 0.6),
            new(First("dc-", 0), Math.Min(12, last), Math.Min(35, last)),
        ];
    }
}
