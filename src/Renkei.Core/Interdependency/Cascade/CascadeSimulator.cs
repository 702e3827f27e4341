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

    // 24 bytes, so a change streams as few cache lines as possible: steps fit 16 bits (MaxSteps), and
    // levels need no more than float precision at a resolution of 0.0001. The provider is the
    // graph's (Provider[k]); only a link whose provider changed is ever touched, so a run resets
    // the links of the nodes it touched rather than keeping a list of links.
    private struct Link
    {
        public int Dependent;
        public float Strength;
        public ushort Backup;
        public ushort Recovery;
        /// <summary>What the dependent loses through this link now.</summary>
        public float Level;
        /// <summary>After the provider is back the dependent keeps this level until HoldUntil (its recovery time).</summary>
        public float HoldLevel;
        public int HoldUntil;
    }

    /// <summary>
    /// What every link reaching a node touches: 16 bytes, so the hot state of 100,000 nodes fits a
    /// core's second-level cache. QueuedAt is the step the node was last queued, -1 when the run has
    /// not touched it yet, -2 when it was touched (disrupted) but not queued yet.
    /// </summary>
    private struct Hot
    {
        /// <summary>The sum of the node's link levels in units of 2^-40 (see <see cref="Fixed"/>): exact, so the order of updates cannot change it.</summary>
        public long Sum;
        public int QueuedAt;
        public int Level;
    }

    /// <summary>
    /// The rest of a node's state, read when it is evaluated: 32 bytes, half a cache line. Levels are
    /// whole units of 1/Resolution (0.0001), exactly what the engine keeps; Units/Resolution gives
    /// the same double the engine used to store.
    /// </summary>
    private struct Node
    {
        /// <summary>Level now and at the end of the previous step (what backed-up dependents read), in units.</summary>
        public int Q;
        public int QPrev;
        public int Peak;
        public int OutSince;
        public int OutSincePrev;
        public int DirectFirst;
        public int PeakStep;
        public byte State;
    }

    private const int NeverQueued = -1;
    private const int TouchedNotQueued = -2;

    private readonly CascadeGraph _g;
    private readonly int _steps;
    private readonly Link[] _links;
    private readonly Hot[] _hot;
    private readonly Node[] _nodes;

    // Node record.
    private readonly int[] _firstDegraded;
    private readonly int[] _failed;
    private readonly int[] _recovered;
    private readonly int[] _cause;
    private readonly int[] _failCause;

    private readonly List<int> _touchedNodes = [];
    // Nodes that changed this step and have backed-up links, in evaluation order.
    private readonly PendingPass[] _passes;
    private int _passCount;
    private readonly int[] _changed;
    private int _changedCount;
    // Nodes to evaluate this step, laid out by instantaneous level (the graph's LevelStart); _fill counts each level's.
    private readonly int[] _queue;
    private readonly int[] _fill;
    // What backed-up links pass on from the next step: their dependent and the change of its sum, in order.
    private Delta[] _deltasNow = new Delta[1024];
    private Delta[] _deltasNext = new Delta[1024];
    private int _deltasNextCount;
    // Timers: an entry is a link (>= 0) to refresh or a node (~index) to evaluate at that step.
    private readonly int[] _timerHead;
    private int[] _timerEntry = new int[4096];
    private int[] _timerNext = new int[4096];
    private int _timerCount;
    private Disruption[] _disruptions = [];
    private int _step;
    private int _topLevel;

    private readonly record struct Delta(int Node, long Value);

    /// <summary>Level 1 (fully out) in units of 1/Resolution.</summary>
    private const int FullUnits = (int)CascadeLimits.Resolution;

    /// <summary>Units of a link level in a node's sum: 2^-40, far below the resolution of 0.0001.</summary>
    private const double FixedUnit = 1099511627776.0;

    // Words of a bitmap over the nodes, used to put a level's queued nodes in index order.
    private readonly ulong[] _bits;

    /// <summary>
    /// A link level in units of 2^-40. A float of at least 2^-17 converts exactly; smaller ones lose
    /// bits below 2^-40, always the same for the same value. Integer sums are exact, so a node's sum
    /// (and with it its level at the 0.0001 resolution) does not depend on the order of its updates.
    /// </summary>
    private static long Fixed(float level) => (long)(level * FixedUnit);

    public CascadeSimulator(CascadeGraph graph, int steps, double stepHours)
    {
        _g = graph;
        _steps = steps;
        var n = graph.NodeCount;
        var m = graph.DependencyCount;
        _links = new Link[m];
        for (var k = 0; k < m; k++)
        {
            _links[k] = new Link
            {
                Dependent = graph.Dependent[k],
                Backup = (ushort)ToSteps(graph.BackupHours[k], stepHours, steps),
                Recovery = (ushort)ToSteps(graph.RecoveryHours[k], stepHours, steps),
                Strength = (float)graph.Strength[k],
                HoldUntil = -1,
            };
        }
        _hot = new Hot[n];
        _nodes = new Node[n];
        for (var v = 0; v < n; v++)
        {
            _hot[v] = new Hot { QueuedAt = NeverQueued, Level = graph.InstantLevel[v] };
            _nodes[v] = new Node { OutSince = -1, OutSincePrev = -1, DirectFirst = -1, PeakStep = -1 };
        }
        _firstDegraded = Filled(n, -1);
        _failed = Filled(n, -1);
        _recovered = Filled(n, -1);
        _cause = Filled(n, NoCause);
        _failCause = Filled(n, NoCause);
        _changed = new int[n];
        _passes = new PendingPass[n];
        _queue = new int[n];
        _fill = new int[graph.MaxInstantLevel + 1];
        _bits = new ulong[(n + 63) >> 6];
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
            if (_hot[d.Node].QueuedAt == NeverQueued)
            {
                _hot[d.Node].QueuedAt = TouchedNotQueued;
                _touchedNodes.Add(d.Node);
            }
            if (_nodes[d.Node].DirectFirst < 0)
            {
                _nodes[d.Node].DirectFirst = i;
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
            Step(t);
        }
    }

    /// <summary>One step: what backed-up links passed on, timers due, then the queued nodes level by level.</summary>
    private void Step(int t)
    {
        var levelStart = _g.LevelStart;
        _step = t;
        _topLevel = -1;
        (_deltasNow, _deltasNext) = (_deltasNext, _deltasNow);
        var deltas = _deltasNow.AsSpan(0, _deltasNextCount);
        _deltasNextCount = 0;
        foreach (var delta in deltas)
        {
            _hot[delta.Node].Sum += delta.Value;
            Enqueue(delta.Node);
        }
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
            var from = levelStart[level];
            var queued = _queue.AsSpan(from, _fill[level]);
            SortByIndex(queued);
            foreach (var v in queued)
            {
                Evaluate(v);
            }
            _fill[level] = 0;
        }
        PassBackedUp();
        if (_record)
        {
            Snapshot(t);
        }
        foreach (var v in _changed.AsSpan(0, _changedCount))
        {
            ref var node = ref _nodes[v];
            node.QPrev = node.Q;
            node.OutSincePrev = node.OutSince;
        }
        _changedCount = 0;
    }

    private void Evaluate(int v)
    {
        ref var node = ref _nodes[v];
        var direct = node.DirectFirst >= 0 ? DirectLevel(v, _step, node.DirectFirst) : 0;
        var sum = direct + _hot[v].Sum / FixedUnit;
        // Kept in steps of 1/Resolution: sums of many links carry rounding noise that must not count as change.
        var q = sum >= 1 ? FullUnits : (int)Math.Max(0, Math.Round(sum * CascadeLimits.Resolution));
        var old = node.Q;
        if (q != old)
        {
            Change(v, ref node, old, q, direct);
        }
    }

    /// <summary>Recomputes what a link passes on now and moves its dependent's sum by the difference.</summary>
    private void Refresh(int k)
    {
        ref var link = ref _links[k];
        var t = _step;
        ref var provider = ref _nodes[_g.Provider[k]];
        float level;
        if (link.Backup == 0)
        {
            level = (float)(link.Strength * (provider.Q / CascadeLimits.Resolution));
        }
        else
        {
            // A backed-up dependency reads its provider as it was at the end of the previous step:
            // out for more than the backup lasts (a 72-hour outage does not beat a 72-hour generator).
            var since = provider.OutSincePrev;
            level = since >= 0 && t - since > link.Backup ? (float)(link.Strength * (provider.QPrev / CascadeLimits.Resolution)) : 0;
        }
        Apply(ref link, k, level);
    }

    /// <summary>Sets what the link passes on now (at least what its recovery holds) and moves its dependent's sum by the difference.</summary>
    private void Apply(ref Link link, int k, float level)
    {
        if (link.HoldUntil >= _step && link.HoldLevel > level)
        {
            level = link.HoldLevel;
        }
        if (level != link.Level)
        {
            _hot[link.Dependent].Sum += Fixed(level) - Fixed(link.Level);
            link.Level = level;
            Enqueue(link.Dependent);
        }
    }

    /// <summary>
    /// A backed-up link whose provider changed this step: its dependent reads the new level from
    /// the next step. Passed once the step's nodes are evaluated; the link takes the level now,
    /// while its cache line is at hand, and the dependent's sum moves at the start of the next step.
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
            if (_deltasNextCount == _deltasNext.Length)
            {
                Array.Resize(ref _deltasNext, _deltasNextCount * 2);
            }
            _deltasNext[_deltasNextCount++] = new Delta(link.Dependent, Fixed(level) - Fixed(link.Level));
            link.Level = level;
        }
    }

    /// <summary>A node's change whose backed-up links are passed at the end of the step.</summary>
    private readonly record struct PendingPass(int Node, int Old, int New, int OldSince);

    private void Change(int v, ref Node node, int oldUnits, int qUnits, double direct)
    {
        var t = _step;
        var oldSince = node.OutSince;
        node.Q = qUnits;
        double old = oldUnits / CascadeLimits.Resolution, q = qUnits / CascadeLimits.Resolution;
        _changed[_changedCount++] = v;
        if (old == 0)
        {
            node.OutSince = t;
        }
        else if (q == 0)
        {
            node.OutSince = -1;
        }
        Record(v, ref node, qUnits, direct);

        var from = _g.OutStart[v];
        var backed = _g.BackedStart[v];
        var links = _links.AsSpan(from, backed - from);
        for (int i = 0, k = from; i < links.Length; i++, k++)
        {
            ref var link = ref links[i];
            if (q == 0 && link.Recovery > 0)
            {
                Hold(ref link, (float)(link.Strength * old), t + link.Recovery - 1);
                AddTimer(k, t + link.Recovery);
            }
            Apply(ref link, k, (float)(link.Strength * q));
        }
        if (backed < _g.OutStart[v + 1])
        {
            _passes[_passCount++] = new PendingPass(v, oldUnits, qUnits, oldSince);
        }
    }

    /// <summary>
    /// The backed-up links of the nodes that changed this step, once every node of the step was
    /// evaluated: their dependents read the change one step late, so until then every link holds
    /// what its dependent's level counts (which the choice of cause relies on).
    /// </summary>
    private void PassBackedUp()
    {
        var t = _step;
        foreach (var pass in _passes.AsSpan(0, _passCount))
        {
            PassLinks(pass.Node, t, pass.Old / CascadeLimits.Resolution, pass.New / CascadeLimits.Resolution, pass.OldSince);
        }
        _passCount = 0;
    }

    private void PassLinks(int v, int t, double old, double q, int oldSince)
    {
        var from = _g.BackedStart[v];
        var links = _links.AsSpan(from, _g.OutStart[v + 1] - from);
        for (int i = 0, k = from; i < links.Length; i++, k++)
        {
            ref var link = ref links[i];
            if (old == 0)
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
                    Hold(ref link, (float)(link.Strength * old), t + link.Recovery);
                    AddTimer(k, t + 1 + link.Recovery);
                }
                else
                {
                    Pass(ref link, k, 0);
                }
            }
        }
    }

    /// <summary>
    /// The cause for the record: what weighs most on the node's level at this step, the direct
    /// disruption or a dependency (what it passes on, as the level counts it). Ties go to the direct
    /// disruption, then to the provider that first degraded earliest, then to the smaller id
    /// (ordinal), so the choice depends on neither the order of the input nor that of evaluation.
    /// </summary>
    private int CauseOf(int v, double direct)
    {
        var best = direct;
        var cause = direct > 0 ? DirectCause : NoCause;
        for (int e = _g.InStart[v], end = _g.InStart[v + 1]; e < end; e++)
        {
            var k = _g.InLinks[e];
            var level = _links[k].Level;
            if (level > best)
            {
                best = level;
                cause = _g.Provider[k];
            }
            else if (level == best && level > 0 && cause >= 0 && Precedes(_g.Provider[k], cause))
            {
                cause = _g.Provider[k];
            }
        }
        return cause;
    }

    /// <summary>Between providers weighing the same: the one that first degraded earlier, then the smaller id.</summary>
    private bool Precedes(int p, int other)
    {
        var (first, otherFirst) = (_firstDegraded[p], _firstDegraded[other]);
        return first != otherFirst ? first < otherFirst : string.CompareOrdinal(_g.Ids[p], _g.Ids[other]) < 0;
    }

    private double DirectLevel(int v, int t, int first)
    {
        double level = 0;
        for (var i = first; i < _disruptions.Length && _disruptions[i].Node == v; i++)
        {
            var d = _disruptions[i];
            if (d.From <= t && t <= d.To && d.Level > level)
            {
                level = d.Level;
            }
        }
        return level;
    }

    private void Hold(ref Link link, float level, int until)
    {
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
        ref var hot = ref _hot[v];
        if (hot.QueuedAt == _step)
        {
            return;
        }
        if (hot.QueuedAt == NeverQueued)
        {
            _touchedNodes.Add(v);
        }
        hot.QueuedAt = _step;
        var level = hot.Level;
        _queue[_g.LevelStart[level] + _fill[level]++] = v;
        if (level > _topLevel)
        {
            _topLevel = level;
        }
    }

    /// <summary>
    /// Puts a level's queued nodes in index order, so their state and their links (stored by
    /// provider index) are walked forward through memory rather than at random. The order within a
    /// level changes no level (sums are exact); it fixes the order of same-step events.
    /// </summary>
    private void SortByIndex(Span<int> nodes)
    {
        if (nodes.Length < 2)
        {
            return;
        }
        if (nodes.Length < 64 || nodes.Length < _bits.Length >> 3)
        {
            nodes.Sort();
            return;
        }
        int lo = int.MaxValue, hi = 0;
        foreach (var v in nodes)
        {
            var w = v >> 6;
            _bits[w] |= 1UL << v;
            lo = Math.Min(lo, w);
            hi = Math.Max(hi, w);
        }
        var j = 0;
        for (var w = lo; w <= hi; w++)
        {
            var word = _bits[w];
            if (word == 0)
            {
                continue;
            }
            _bits[w] = 0;
            while (word != 0)
            {
                nodes[j++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
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
            // Links change only when their provider does, and a provider that changed was touched.
            foreach (ref var link in _links.AsSpan(_g.OutStart[v], _g.OutStart[v + 1] - _g.OutStart[v]))
            {
                link.Level = link.HoldLevel = 0;
                link.HoldUntil = -1;
            }
            _hot[v].Sum = 0;
            _hot[v].QueuedAt = NeverQueued;
            _nodes[v] = new Node { OutSince = -1, OutSincePrev = -1, DirectFirst = -1, PeakStep = -1 };
            _firstDegraded[v] = _failed[v] = _recovered[v] = -1;
            _cause[v] = _failCause[v] = NoCause;
        }
        _touchedNodes.Clear();
        _deltasNextCount = 0;
        _changedCount = 0;
        _passCount = 0;
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
