namespace Renkei.Interdependency.Cascade;

/// <summary>A direct disruption in index form.</summary>
internal readonly record struct Disruption(int Node, int From, int To, double Level);

/// <summary>
/// The event-driven engine. Each dependency ("link", stored in provider order so a change walks
/// its dependents contiguously) keeps the level it currently takes from its dependent, and each
/// node the sum of its links, so a change costs one update per dependent rather than a re-read of
/// every provider. A link is refreshed only when what it reads may have changed: an instantaneous
/// provider changed this step, a backed-up provider changed last step after its backup ran out, a
/// backup runs out, or a recovery time ends (timers bucketed by step). Within a step nodes are
/// evaluated by their level in the instantaneous-dependency order. All state is preallocated
/// (linear in nodes + dependencies) and reset only where a run touched it, so many runs (the
/// single-point-of-failure ranking) cost what they affect, not the graph's size. Not thread-safe.
/// </summary>
internal sealed partial class CascadeSimulator
{
    private const int NoCause = -2;
    private const int DirectCause = -1;

    // 32 bytes, so a million links stay within the processor's cache as far as possible: steps fit
    // 16 bits (MaxSteps), and levels need no more than float precision at a resolution of 0.0001.
    private struct Link
    {
        public int Dependent;
        public int Provider;
        public ushort Backup;
        public ushort Recovery;
        public float Strength;
        /// <summary>What the dependent loses through this link now.</summary>
        public float Level;
        /// <summary>After the provider is back the dependent keeps this level until HoldUntil (its recovery time).</summary>
        public float HoldLevel;
        public int HoldUntil;
        public bool Touched;
    }

    private readonly CascadeGraph _g;
    private readonly int _steps;
    private readonly Link[] _links;

    // Node state: this step and the end of the previous step (what backed-up dependents read).
    private readonly double[] _q;
    private readonly double[] _qPrev;
    private readonly int[] _outSince;
    private readonly int[] _outSincePrev;
    private readonly double[] _sum;
    private readonly int[] _queuedAt;
    private readonly bool[] _touched;
    private readonly int[] _directFirst;

    // Node record.
    private readonly byte[] _state;
    private readonly int[] _firstDegraded;
    private readonly int[] _failed;
    private readonly int[] _recovered;
    private readonly int[] _cause;
    private readonly int[] _failCause;
    private readonly double[] _peak;
    private readonly int[] _peakStep;

    private readonly List<int> _touchedNodes = [];
    private readonly List<int> _touchedLinks = [];
    private readonly List<int> _changed = [];
    private readonly List<int>[] _buckets;
    // What backed-up links pass on from the next step: their dependent and the change of its sum.
    private List<(int Node, double Delta)> _deltasNow = [];
    private List<(int Node, double Delta)> _deltasNext = [];
    // Timers: an entry is a link (>= 0) to refresh or a node (~index) to evaluate at that step.
    private readonly int[] _timerHead;
    private int[] _timerEntry = new int[4096];
    private int[] _timerNext = new int[4096];
    private int _timerCount;
    private Disruption[] _disruptions = [];
    private int _step;
    private int _topLevel;

    public CascadeSimulator(CascadeGraph graph, int steps, double stepHours)
    {
        _g = graph;
        _steps = steps;
        var n = graph.NodeCount;
        _links = new Link[graph.DependencyCount];
        for (var v = 0; v < n; v++)
        {
            for (var k = graph.OutStart[v]; k < graph.OutStart[v + 1]; k++)
            {
                var e = graph.OutEdges[k];
                _links[k] = new Link
                {
                    Dependent = graph.Dependent[e],
                    Provider = v,
                    Backup = (ushort)ToSteps(graph.BackupHours[e], stepHours, steps),
                    Recovery = (ushort)ToSteps(graph.RecoveryHours[e], stepHours, steps),
                    Strength = (float)graph.Strength[e],
                    HoldUntil = -1,
                };
            }
        }
        _q = new double[n];
        _qPrev = new double[n];
        _outSince = Filled(n, -1);
        _outSincePrev = Filled(n, -1);
        _sum = new double[n];
        _queuedAt = Filled(n, -1);
        _touched = new bool[n];
        _directFirst = Filled(n, -1);
        _state = new byte[n];
        _firstDegraded = Filled(n, -1);
        _failed = Filled(n, -1);
        _recovered = Filled(n, -1);
        _cause = Filled(n, NoCause);
        _failCause = Filled(n, NoCause);
        _peak = new double[n];
        _peakStep = Filled(n, -1);
        _buckets = new List<int>[graph.MaxInstantLevel + 1];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = [];
        }
        _timerHead = Filled(steps, -1);
        _sectorSlots = graph.Sectors.Length + 2;
        _affectedNow = new int[_sectorSlots];
        _failedNow = new int[_sectorSlots];
        _populationNow = new long[_sectorSlots];
    }

    /// <summary>
    /// A duration in whole steps, rounded up: a 72-hour backup lasts 72 one-hour steps, a 90-minute
    /// one two. Anything above 0 lasts at least one step; beyond the horizon is as good as forever.
    /// </summary>
    internal static int ToSteps(double hours, double stepHours, int steps) =>
        hours <= 0 ? 0 : (int)Math.Clamp(Math.Ceiling(hours / stepHours - 1e-9), 1, steps + 1);

    /// <summary>Runs the disruptions (sorted by node) over the horizon; records the timeline and series when asked.</summary>
    public void Run(Disruption[] disruptions, bool record, CancellationToken ct)
    {
        _record = record;
        Reset();
        _disruptions = disruptions;
        for (var i = 0; i < disruptions.Length; i++)
        {
            var d = disruptions[i];
            Touch(d.Node);
            if (_directFirst[d.Node] < 0)
            {
                _directFirst[d.Node] = i;
            }
            AddTimer(~d.Node, d.From);
            if (d.To + 1 < _steps)
            {
                AddTimer(~d.Node, d.To + 1);
            }
        }
        for (var t = 0; t < _steps; t++)
        {
            if ((t & 15) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            _step = t;
            _topLevel = -1;
            (_deltasNow, _deltasNext) = (_deltasNext, _deltasNow);
            foreach (var (node, delta) in _deltasNow)
            {
                _sum[node] += delta;
                Enqueue(node);
            }
            _deltasNow.Clear();
            for (var i = _timerHead[t]; i >= 0; i = _timerNext[i])
            {
                var entry = _timerEntry[i];
                if (entry >= 0)
                {
                    Refresh(entry);
                }
                else
                {
                    Enqueue(~entry);
                }
            }
            // Evaluating a level only adds nodes to deeper levels, so one pass in order suffices.
            for (var level = 0; level <= _topLevel; level++)
            {
                var bucket = _buckets[level];
                for (var j = 0; j < bucket.Count; j++)
                {
                    Evaluate(bucket[j]);
                }
                bucket.Clear();
            }
            if (_record)
            {
                Snapshot(t);
            }
            foreach (var v in _changed)
            {
                _qPrev[v] = _q[v];
                _outSincePrev[v] = _outSince[v];
            }
            _changed.Clear();
        }
    }

    private void Evaluate(int v)
    {
        var direct = _directFirst[v] >= 0 ? DirectLevel(v, _step) : 0;
        var sum = direct + _sum[v];
        // Kept in steps of 1/Resolution: sums of many links carry rounding noise that must not count as change.
        var q = sum >= 1 ? 1 : Math.Max(0, Math.Round(sum * CascadeLimits.Resolution) / CascadeLimits.Resolution);
        var old = _q[v];
        if (q != old)
        {
            Change(v, old, q, direct);
        }
    }

    /// <summary>Recomputes what a link passes on now and moves its dependent's sum by the difference.</summary>
    private void Refresh(int k)
    {
        ref var link = ref _links[k];
        var t = _step;
        var p = link.Provider;
        float level;
        if (link.Backup == 0)
        {
            level = (float)(link.Strength * _q[p]);
        }
        else
        {
            // A backed-up dependency reads its provider as it was at the end of the previous step:
            // out for more than the backup lasts (a 72-hour outage does not beat a 72-hour generator).
            var since = _outSincePrev[p];
            level = since >= 0 && t - since > link.Backup ? (float)(link.Strength * _qPrev[p]) : 0;
        }
        if (link.HoldUntil >= t && link.HoldLevel > level)
        {
            level = link.HoldLevel;
        }
        if (level != link.Level)
        {
            TouchLink(ref link, k);
            _sum[link.Dependent] += (double)level - link.Level;
            link.Level = level;
            Enqueue(link.Dependent);
        }
    }

    /// <summary>
    /// A backed-up link whose provider changed this step: its dependent reads the new level from
    /// the next step. The link takes the level now, while its cache line is at hand, and the
    /// dependent's sum moves next step; only the choice of cause could see it a step early, and a
    /// cause is still a provider degraded before the dependent, so chains of causes end at a root.
    /// </summary>
    private void Pass(ref Link link, int k, double providerLevel)
    {
        var level = (float)(link.Strength * providerLevel);
        if (link.HoldUntil > _step && link.HoldLevel > level)
        {
            level = link.HoldLevel;
        }
        if (level != link.Level)
        {
            TouchLink(ref link, k);
            _deltasNext.Add((link.Dependent, (double)level - link.Level));
            link.Level = level;
        }
    }

    private void TouchLink(ref Link link, int k)
    {
        if (!link.Touched)
        {
            link.Touched = true;
            _touchedLinks.Add(k);
        }
    }

    private void Change(int v, double old, double q, double direct)
    {
        var t = _step;
        var oldSince = _outSince[v];
        _q[v] = q;
        _changed.Add(v);
        if (old == 0)
        {
            _outSince[v] = t;
        }
        else if (q == 0)
        {
            _outSince[v] = -1;
        }
        Record(v, q, direct);

        for (int k = _g.OutStart[v], end = _g.OutStart[v + 1]; k < end; k++)
        {
            ref var link = ref _links[k];
            if (link.Backup == 0)
            {
                if (q == 0 && link.Recovery > 0)
                {
                    Hold(ref link, k, (float)(link.Strength * old), t + link.Recovery - 1);
                    AddTimer(k, t + link.Recovery);
                }
                Refresh(k);
            }
            else if (old == 0)
            {
                // The outage begins: the backup carries the dependent until it runs out.
                AddTimer(k, t + link.Backup + 1);
            }
            else if (q > 0)
            {
                if (t + 1 - oldSince > link.Backup)
                {
                    Pass(ref link, k, q);
                }
            }
            else if (t - oldSince > link.Backup)
            {
                // Back after the backup ran out: the dependent still reads the old level this step
                // and, seeing the provider back one step late, recovers for its recovery time after that.
                if (link.Recovery > 0)
                {
                    Hold(ref link, k, (float)(link.Strength * old), t + link.Recovery);
                    AddTimer(k, t + 1 + link.Recovery);
                }
                else
                {
                    Pass(ref link, k, 0);
                }
            }
        }
    }

    /// <summary>The provider weighing most on the node now (the direct disruption wins ties), for the record.</summary>
    private int CauseOf(int v, double direct)
    {
        var best = direct;
        var cause = direct > 0 ? DirectCause : NoCause;
        for (int e = _g.InStart[v], end = _g.InStart[v + 1]; e < end; e++)
        {
            ref var link = ref _links[_g.InSlot[e]];
            if (link.Level > best)
            {
                best = link.Level;
                cause = link.Provider;
            }
        }
        return cause;
    }

    private double DirectLevel(int v, int t)
    {
        double level = 0;
        for (var i = _directFirst[v]; i < _disruptions.Length && _disruptions[i].Node == v; i++)
        {
            var d = _disruptions[i];
            if (d.From <= t && t <= d.To && d.Level > level)
            {
                level = d.Level;
            }
        }
        return level;
    }

    private void Hold(ref Link link, int k, float level, int until)
    {
        TouchLink(ref link, k);
        if (link.HoldUntil >= _step)
        {
            // Overlapping recoveries: the higher level until the later end.
            level = Math.Max(level, link.HoldLevel);
            until = Math.Max(until, link.HoldUntil);
        }
        link.HoldUntil = until;
        link.HoldLevel = level;
    }

    private void Enqueue(int v)
    {
        if (_queuedAt[v] == _step)
        {
            return;
        }
        Touch(v);
        _queuedAt[v] = _step;
        var level = _g.InstantLevel[v];
        _buckets[level].Add(v);
        if (level > _topLevel)
        {
            _topLevel = level;
        }
    }

    private void Touch(int v)
    {
        if (!_touched[v])
        {
            _touched[v] = true;
            _touchedNodes.Add(v);
        }
    }

    private void AddTimer(int entry, int step)
    {
        if (step >= _steps)
        {
            return;
        }
        if (_timerCount == _timerEntry.Length)
        {
            Array.Resize(ref _timerEntry, _timerCount * 2);
            Array.Resize(ref _timerNext, _timerCount * 2);
        }
        _timerEntry[_timerCount] = entry;
        _timerNext[_timerCount] = _timerHead[step];
        _timerHead[step] = _timerCount++;
    }

    private void Reset()
    {
        foreach (var v in _touchedNodes)
        {
            _q[v] = _qPrev[v] = _peak[v] = _sum[v] = 0;
            _outSince[v] = _outSincePrev[v] = _queuedAt[v] = _directFirst[v] = -1;
            _firstDegraded[v] = _failed[v] = _recovered[v] = _peakStep[v] = -1;
            _cause[v] = _failCause[v] = NoCause;
            _state[v] = 0;
            _touched[v] = false;
        }
        _touchedNodes.Clear();
        foreach (var k in _touchedLinks)
        {
            ref var link = ref _links[k];
            link.Level = link.HoldLevel = 0;
            link.HoldUntil = -1;
            link.Touched = false;
        }
        _touchedLinks.Clear();
        _deltasNext.Clear();
        Array.Fill(_timerHead, -1);
        _timerCount = 0;
        ResetRecording();
    }

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }
}
