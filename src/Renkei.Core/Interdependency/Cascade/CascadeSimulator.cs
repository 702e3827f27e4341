using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Renkei.Interdependency.Cascade;

/// <summary>A direct disruption in index form.</summary>
internal readonly record struct Disruption(int Node, int From, int To, double Level);

/// <summary>
/// The event-driven engine. Each dependency ("link", stored in provider order so a change walks
/// its dependents contiguously) keeps the level it currently passes to its dependent, and each
/// node the sum of its links, so a change costs one update per dependent rather than a re-read of
/// every provider. A link is refreshed only when what it reads may have changed: an instantaneous
/// provider changed this step, a backed-up provider changed last step after its backup ran out, a
/// backup runs out, or a recovery time ends (timers bucketed by step). Within a step nodes are
/// evaluated by their level in the instantaneous-dependency order; the backed-up links of the
/// nodes that changed are passed after that, for the next step. All state is preallocated (linear
/// in nodes + dependencies) and reset only where a run touched it, so many runs (the
/// single-point-of-failure ranking) cost what they affect, not the graph's size. Not thread-safe.
/// </summary>
/// <remarks>
/// The work is bound by memory latency (a change reaches dependents all over the graph), so the
/// layout keeps what each loop touches together and small: 16-byte links, a 16-byte record per
/// node with all that evaluating it and reaching it needs, and the rest of a node's state (read
/// when it changes) in another 16 bytes. Recovery holds, rare, live apart and are read only for a
/// provider that has one running.
/// </remarks>
internal sealed partial class CascadeSimulator
{
    private const int NoCause = -2;
    private const int DirectCause = -1;

    // 16 bytes. Steps fit 16 bits (MaxSteps) and levels need no more than float precision at a
    // resolution of 0.0001. The provider is the graph's (Provider[k]); only a link whose provider
    // changed is ever touched, so a run resets the links of the nodes it touched.
    private struct Link
    {
        public int Dependent;
        public float Strength;
        public ushort Backup;
        public ushort Recovery;
        /// <summary>What the dependent loses through this link now, as its sum counts it.</summary>
        public float Level;
    }

    /// <summary>
    /// What evaluating a node and every link reaching it touch, in one 16-byte record: the exact
    /// sum of the node's link levels in units of 2^-40 (see <see cref="Fixed"/>), its instantaneous
    /// level (where it queues), its level now in units of 1/Resolution, and the step it was last
    /// queued (-1 when the run has not touched it yet, -2 when touched (disrupted) but not queued yet).
    /// </summary>
    private struct Hot
    {
        public long Sum;
        public int Level;
        public short Q;
        public short QueuedAt;
    }

    /// <summary>The rest of a node's state, read when it changes (and by timers of its links): 16 bytes.</summary>
    private struct Node
    {
        /// <summary>The step its current outage began, or -1.</summary>
        public int OutSince;
        /// <summary>The last step a recovery hold on one of its links lasts, or -1: holds are read only while one may run.</summary>
        public int HoldEnd;
        /// <summary>Its first disruption in the sorted list, or -1.</summary>
        public int DirectFirst;
        public short Peak;
        public short PeakStep;

        public static Node Initial => new() { OutSince = -1, HoldEnd = -1, DirectFirst = -1, PeakStep = -1 };
    }

    /// <summary>A node that changed this step and has backed-up links, passed to them at the end of the step.</summary>
    private readonly record struct PendingPass(int Node, int Old, int New, int OldSince, int HoldEnd);

    private readonly record struct Delta(int Node, long Value);

    private const short NeverQueued = -1;
    private const short TouchedNotQueued = -2;

    /// <summary>Level 1 (fully out) in units of 1/Resolution.</summary>
    private const int FullUnits = (int)CascadeLimits.Resolution;

    /// <summary>Units of a link level in a node's sum: 2^-40, far below the resolution of 0.0001.</summary>
    private const double FixedUnit = 1099511627776.0;

    private readonly CascadeGraph _g;
    private readonly int _steps;
    private readonly Link[] _links;
    private readonly Hot[] _hot;
    private readonly Node[] _nodes;
    // Recovery holds by link: after the provider is back the dependent keeps HoldLevel until
    // HoldUntil (its recovery time). Allocated at the first hold; -1 = none.
    private float[]? _holdLevel;
    private int[]? _holdUntil;

    // Node record.
    private readonly int[] _firstDegraded;
    private readonly int[] _failed;
    private readonly int[] _recovered;
    private readonly int[] _cause;
    private readonly int[] _failCause;

    private readonly List<int> _touchedNodes = [];
    // Bitmap of the directly disrupted nodes, so evaluating any other node reads no disruption.
    private readonly ulong[] _disrupted;
    // Nodes to evaluate this step, laid out by instantaneous level (the graph's LevelStart); _fill counts each level's.
    private readonly int[] _queue;
    private readonly int[] _fill;
    // Nodes that changed this step and have backed-up links, in evaluation order.
    private PendingPass[] _passes = new PendingPass[1024];
    private int _passCount;
    // What backed-up links pass on from the next step: their dependent and the change of its sum, in order.
    private Delta[] _deltasNow = new Delta[1024];
    private Delta[] _deltasNext = new Delta[1024];
    private int _deltasNextCount;
    // Timers, a list per step: links From .. To-1 (one provider's) to refresh, or a node (From = ~index) to evaluate.
    private readonly int[] _timerHead;
    private int[] _timerFrom = new int[4096];
    private int[] _timerTo = new int[4096];
    private int[] _timerNext = new int[4096];
    private int _timerCount;
    private Disruption[] _disruptions = [];
    private int _step;
    private int _topLevel;

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
        var links = _links = new Link[m];
        var (dependent, strength, backupHours, recoveryHours) = (graph.Dependent, graph.Strength, graph.BackupHours, graph.RecoveryHours);
        var (lastBackup, lastBackupSteps, lastRecovery, lastRecoverySteps) = (0.0, 0, 0.0, 0);
        for (var k = 0; k < links.Length; k++)
        {
            // Few distinct durations, and a provider's backed-up links come by backup: the last conversion is often the one needed.
            var backup = backupHours[k];
            if (backup != lastBackup)
            {
                (lastBackup, lastBackupSteps) = (backup, ToSteps(backup, stepHours, steps));
            }
            var recovery = recoveryHours[k];
            if (recovery != lastRecovery)
            {
                (lastRecovery, lastRecoverySteps) = (recovery, ToSteps(recovery, stepHours, steps));
            }
            links[k] = new Link
            {
                Dependent = dependent[k],
                Backup = (ushort)lastBackupSteps,
                Recovery = (ushort)lastRecoverySteps,
                Strength = (float)strength[k],
            };
        }
        _hot = new Hot[n];
        _nodes = new Node[n];
        for (var v = 0; v < n; v++)
        {
            _hot[v] = new Hot { QueuedAt = NeverQueued, Level = graph.InstantLevel[v] };
            _nodes[v] = Node.Initial;
        }
        _firstDegraded = Filled(n, -1);
        _failed = Filled(n, -1);
        _recovered = Filled(n, -1);
        _cause = Filled(n, NoCause);
        _failCause = Filled(n, NoCause);
        _disrupted = new ulong[(n + 63) >> 6];
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
                _disrupted[d.Node >> 6] |= 1UL << d.Node;
            }
            AddTimer(~d.Node, 0, d.From);
            if (d.To + 1 < _steps)
            {
                AddTimer(~d.Node, 0, d.To + 1);
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

    /// <summary>One step: what backed-up links passed on, timers due, the queued nodes level by level, then the backed-up links of those that changed.</summary>
    private void Step(int t)
    {
        var levelStart = _g.LevelStart;
        _step = t;
        _topLevel = -1;
        (_deltasNow, _deltasNext) = (_deltasNext, _deltasNow);
        var deltas = _deltasNow.AsSpan(0, _deltasNextCount);
        _deltasNextCount = 0;
        for (var i = 0; i < deltas.Length; i++)
        {
            if (i + PrefetchAheadList < deltas.Length)
            {
                Prefetch(ref _hot[deltas[i + PrefetchAheadList].Node]);
            }
            var delta = deltas[i];
            _hot[delta.Node].Sum += delta.Value;
            Enqueue(delta.Node);
        }
        for (var i = _timerHead[t]; i >= 0; i = _timerNext[i])
        {
            var from = _timerFrom[i];
            if (from >= 0)
            {
                Refresh(from, _timerTo[i]);
            }
            else
            {
                Enqueue(~from);
            }
        }
        // Evaluating a level only adds nodes to deeper levels, so one pass in order suffices.
        for (var level = 0; level <= _topLevel; level++)
        {
            var queued = _queue.AsSpan(levelStart[level], _fill[level]);
            SortByIndex(queued);
            for (var i = 0; i < queued.Length; i++)
            {
                if (i + PrefetchAhead < queued.Length)
                {
                    PrefetchNode(queued[i + PrefetchAhead]);
                }
                Evaluate(queued[i]);
            }
            _fill[level] = 0;
        }
        ChooseCauses();
        PassBackedUp();
        if (_record)
        {
            Snapshot(t);
        }
    }

    /// <summary>How many entries ahead the loops ask for the memory they will touch: nodes to evaluate, a change's links, lists of updates.</summary>
    private const int PrefetchAhead = 6;
    private const int PrefetchAheadLinks = 4;
    private const int PrefetchAheadList = 12;

    /// <summary>
    /// Asks the processor to bring the memory of an array element into the cache while other work
    /// goes on. The engine's time goes into waiting for state spread over the graph (a change
    /// reaches dependents everywhere); the loops know a few entries ahead which it will be, and
    /// asking early lets those waits overlap. A hint only: it reads nothing, cannot fault, and is
    /// skipped where the instruction does not exist.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T element)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref element));
        }
    }

    /// <summary>What evaluating the node, and changing it, will touch: its records and the start of its instantaneous links.</summary>
    private void PrefetchNode(int v)
    {
        Prefetch(ref _hot[v]);
        Prefetch(ref _nodes[v]);
        var from = _g.OutStart[v];
        if (from < _g.BackedStart[v])
        {
            Prefetch(ref _links[from]);
        }
    }

    private void Evaluate(int v)
    {
        ref var hot = ref _hot[v];
        var direct = (_disrupted[v >> 6] & (1UL << v)) != 0 ? DirectLevel(v, _step, _nodes[v].DirectFirst) : 0;
        var sum = direct + hot.Sum / FixedUnit;
        // Kept in steps of 1/Resolution: sums of many links carry rounding noise that must not count as change.
        var q = sum >= 1 ? FullUnits : (int)Math.Max(0, Math.Round(sum * CascadeLimits.Resolution));
        if (q != hot.Q)
        {
            Change(v, ref hot, q, direct);
        }
    }

    private void Change(int v, ref Hot hot, int qUnits, double direct)
    {
        var t = _step;
        var oldUnits = (int)hot.Q;
        hot.Q = (short)qUnits;
        ref var node = ref _nodes[v];
        var oldSince = node.OutSince;
        double old = oldUnits / CascadeLimits.Resolution, q = qUnits / CascadeLimits.Resolution;
        if (old == 0)
        {
            node.OutSince = t;
        }
        else if (q == 0)
        {
            node.OutSince = -1;
        }
        Record(v, ref node, oldUnits, qUnits, direct);

        // Instantaneous links: their dependents, at deeper levels, read the change in this step.
        var from = _g.OutStart[v];
        var backed = _g.BackedStart[v];
        var links = _links.AsSpan(from, backed - from);
        for (int i = 0, k = from; i < links.Length; i++, k++)
        {
            ref var link = ref links[i];
            if (i + PrefetchAheadLinks < links.Length)
            {
                Prefetch(ref _hot[links[i + PrefetchAheadLinks].Dependent]);
            }
            if (q == 0 && link.Recovery > 0)
            {
                Hold(ref node, k, (float)(link.Strength * old), t + link.Recovery - 1);
                AddTimer(k, k + 1, t + link.Recovery);
            }
            var level = (float)(link.Strength * q);
            Apply(ref link, node.HoldEnd >= t ? HeldAtLeast(k, level) : level);
        }
        var to = _g.OutStart[v + 1];
        if (backed < to)
        {
            if (_passCount == _passes.Length)
            {
                Array.Resize(ref _passes, _passCount * 2);
            }
            _passes[_passCount++] = new PendingPass(v, oldUnits, qUnits, oldSince, node.HoldEnd);
        }
    }

    /// <summary>
    /// The backed-up links of the nodes that changed this step, once every node of the step was
    /// evaluated and the causes of its changes were chosen: their dependents read the change one
    /// step late, so until now every link held what its dependent's level counts.
    /// </summary>
    private void PassBackedUp()
    {
        var passes = _passes.AsSpan(0, _passCount);
        for (var i = 0; i < passes.Length; i++)
        {
            if (i + PrefetchAhead < passes.Length)
            {
                Prefetch(ref _links[_g.BackedStart[passes[i + PrefetchAhead].Node]]);
            }
            PassLinks(passes[i]);
        }
        _passCount = 0;
    }

    /// <summary>
    /// A node's backed-up links come by backup, so those whose backup ran out are a prefix and
    /// those whose backup runs out at one step a run.
    /// </summary>
    private void PassLinks(PendingPass pass)
    {
        var t = _step;
        var from = _g.BackedStart[pass.Node];
        var links = _links.AsSpan(from, _g.OutStart[pass.Node + 1] - from);
        if (pass.Old == 0)
        {
            // The outage begins: each backup carries the dependent until it runs out.
            for (var i = 0; i < links.Length;)
            {
                var backup = links[i].Backup;
                var start = i;
                while (i < links.Length && links[i].Backup == backup)
                {
                    i++;
                }
                AddTimer(from + start, from + i, t + backup + 1);
            }
            return;
        }
        var held = pass.HoldEnd > t;
        if (pass.New > 0)
        {
            var q = pass.New / CascadeLimits.Resolution;
            // The backup ran out as of the next step: out for more than it lasts.
            var ranOut = t + 1 - pass.OldSince;
            for (var i = 0; i < links.Length && links[i].Backup < ranOut; i++)
            {
                Pass(ref links[i], from + i, q, held);
            }
            return;
        }
        // Back after the backup ran out: the dependent still reads the old level this step
        // and, seeing the provider back one step late, recovers for its recovery time after that.
        var old = pass.Old / CascadeLimits.Resolution;
        var ranOutBefore = t - pass.OldSince;
        for (var i = 0; i < links.Length && links[i].Backup < ranOutBefore; i++)
        {
            ref var link = ref links[i];
            if (link.Recovery > 0)
            {
                Hold(ref _nodes[pass.Node], from + i, (float)(link.Strength * old), t + link.Recovery);
                AddTimer(from + i, from + i + 1, t + 1 + link.Recovery);
            }
            else
            {
                Pass(ref link, from + i, 0, held);
            }
        }
    }

    /// <summary>Recomputes what links From .. To-1 (one provider's) pass on now and moves their dependents' sums by the difference.</summary>
    private void Refresh(int from, int to)
    {
        var t = _step;
        var p = _g.Provider[from];
        // At the start of a step the provider is as it was at the end of the previous one, which is what backed-up links read.
        var providerLevel = _hot[p].Q / CascadeLimits.Resolution;
        ref var provider = ref _nodes[p];
        var since = provider.OutSince;
        var held = provider.HoldEnd >= t;
        for (var k = from; k < to; k++)
        {
            ref var link = ref _links[k];
            // A backed-up dependency passes on its provider's level once it has been out for more
            // than the backup lasts (a 72-hour outage does not beat a 72-hour generator).
            var level = link.Backup == 0 || (since >= 0 && t - since > link.Backup) ? (float)(link.Strength * providerLevel) : 0;
            Apply(ref link, held ? HeldAtLeast(k, level) : level);
        }
    }

    /// <summary>Sets what the link passes on now and moves its dependent's sum by the difference.</summary>
    private void Apply(ref Link link, float level)
    {
        if (level != link.Level)
        {
            _hot[link.Dependent].Sum += Fixed(level) - Fixed(link.Level);
            link.Level = level;
            Enqueue(link.Dependent);
        }
    }

    /// <summary>
    /// A backed-up link whose provider changed this step: its dependent reads the new level from
    /// the next step. The link takes the level now, while its cache line is at hand, and the
    /// dependent's sum moves at the start of the next step.
    /// </summary>
    private void Pass(ref Link link, int k, double providerLevel, bool held)
    {
        var level = (float)(link.Strength * providerLevel);
        if (held && _holdUntil![k] > _step && _holdLevel![k] > level)
        {
            level = _holdLevel[k];
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

    /// <summary>The level, or what the link's recovery still holds now if that is more.</summary>
    private float HeldAtLeast(int k, float level) =>
        _holdUntil![k] >= _step && _holdLevel![k] > level ? _holdLevel[k] : level;

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
        foreach (var k in _g.InLinks.AsSpan(_g.InStart[v], _g.InStart[v + 1] - _g.InStart[v]))
        {
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

    /// <summary>Holds the link's level until a step (its recovery); overlapping recoveries keep the higher level until the later end.</summary>
    private void Hold(ref Node provider, int k, float level, int until)
    {
        if (_holdUntil is null)
        {
            _holdUntil = Filled(_links.Length, -1);
            _holdLevel = new float[_links.Length];
        }
        if (_holdUntil[k] >= _step)
        {
            level = Math.Max(level, _holdLevel![k]);
            until = Math.Max(until, _holdUntil[k]);
        }
        _holdUntil[k] = until;
        _holdLevel![k] = level;
        provider.HoldEnd = Math.Max(provider.HoldEnd, until);
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
        hot.QueuedAt = (short)_step;
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
    /// level changes no level (sums are exact) and no cause; it fixes the order of same-step events.
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

    /// <param name="from">The first link to refresh, or ~node to evaluate.</param>
    /// <param name="to">One past the last link to refresh.</param>
    private void AddTimer(int from, int to, int step)
    {
        if (step >= _steps)
        {
            return;
        }
        if (_timerCount == _timerFrom.Length)
        {
            Array.Resize(ref _timerFrom, _timerCount * 2);
            Array.Resize(ref _timerTo, _timerCount * 2);
            Array.Resize(ref _timerNext, _timerCount * 2);
        }
        _timerFrom[_timerCount] = from;
        _timerTo[_timerCount] = to;
        _timerNext[_timerCount] = _timerHead[step];
        _timerHead[step] = _timerCount++;
    }

    private void Reset()
    {
        foreach (var v in _touchedNodes)
        {
            // Links change only when their provider does, and a provider that changed was touched.
            var (from, to) = (_g.OutStart[v], _g.OutStart[v + 1]);
            foreach (ref var link in _links.AsSpan(from, to - from))
            {
                link.Level = 0;
            }
            if (_nodes[v].HoldEnd >= 0)
            {
                _holdUntil.AsSpan(from, to - from).Fill(-1);
            }
            _hot[v] = new Hot { QueuedAt = NeverQueued, Level = _g.InstantLevel[v] };
            _nodes[v] = Node.Initial;
            _disrupted[v >> 6] = 0;
            _firstDegraded[v] = _failed[v] = _recovered[v] = -1;
            _cause[v] = _failCause[v] = NoCause;
        }
        _touchedNodes.Clear();
        _deltasNextCount = 0;
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
