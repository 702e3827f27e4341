namespace Renkei.Interdependency.Cascade;

/// <summary>
/// Orders the instantaneous dependencies (backup 0): within a step a node is evaluated after all
/// its instantaneous providers, so each node gets a level one deeper than its deepest such provider.
/// A cycle of them has no order (each would need the others first) and is refused.
/// </summary>
internal static class InstantLevels
{
    /// <summary>The levels, or null with <paramref name="cycle"/> the edges of one cycle, each edge's provider being the next edge's dependent.</summary>
    public static int[]? Compute(int n, int[] inStart, int[] provider, int[] dependent, double[] backup, int[] outStart, int[] outEdges, out int maxLevel, out List<int> cycle)
    {
        var pending = new int[n];
        for (var v = 0; v < n; v++)
        {
            for (var e = inStart[v]; e < inStart[v + 1]; e++)
            {
                if (backup[e] == 0)
                {
                    pending[v]++;
                }
            }
        }
        var level = new int[n];
        var queue = new int[n];
        int head = 0, tail = 0;
        for (var v = 0; v < n; v++)
        {
            if (pending[v] == 0)
            {
                queue[tail++] = v;
            }
        }
        maxLevel = 0;
        while (head < tail)
        {
            var p = queue[head++];
            for (var k = outStart[p]; k < outStart[p + 1]; k++)
            {
                var e = outEdges[k];
                if (backup[e] != 0)
                {
                    continue;
                }
                var d = dependent[e];
                level[d] = Math.Max(level[d], level[p] + 1);
                maxLevel = Math.Max(maxLevel, level[d]);
                if (--pending[d] == 0)
                {
                    queue[tail++] = d;
                }
            }
        }
        cycle = [];
        if (tail == n)
        {
            return level;
        }
        // Every node left has an instantaneous provider that is also left: walking to such providers must revisit a node.
        var start = Enumerable.Range(0, n).First(v => pending[v] > 0);
        var seenAt = new Dictionary<int, int>();
        var path = new List<int>();
        for (var v = start; !seenAt.ContainsKey(v);)
        {
            seenAt[v] = path.Count;
            var next = -1;
            for (var e = inStart[v]; e < inStart[v + 1] && next < 0; e++)
            {
                if (backup[e] == 0 && pending[provider[e]] > 0)
                {
                    path.Add(e);
                    next = provider[e];
                }
            }
            v = next;
            if (seenAt.TryGetValue(v, out var from))
            {
                cycle = path.GetRange(from, path.Count - from);
            }
        }
        return null;
    }
}
