namespace Renkei.Interdependency.Cascade;

/// <summary>A direct disruption in index form.</summary>
internal readonly record struct Disruption(int Node, int From, int To, double Level);

/// <summary>
/// The event-driven engine. A node is evaluated at a step only when something it reads may have
/// changed: its own disruption starts or ends, an instantaneous provider changed this step, a
/// backed-up provider changed last step while the backup was exhausted, a backup runs out, or a
/// recovery time ends (timers, bucketed by step). Within a step nodes are evaluated by their
/// level in the instantaneous-dependency order. All state is preallocated (linear in nodes +
/// dependencies) and reset only where a run touched it, so many runs (the single-point-of-failure
/// ranking) cost what they affect, not the graph's size. Not thread-safe: one per thread.
/// </summary>
internal sealed partial class CascadeSimulator
{
    private const int NoCause = -2;
    private const int DirectCause = -1;

    private readonly CascadeGraph _g;
    private readonly int _steps;
    private readonly int[] _backup;
    private readonly int[] _recovery;

    // Node state: this step and the end of the previous step (what backed-up dependents read).
    private readonly double[] _q;
    private readonly double[] _qPrev;
    private readonly int[] _outSince;
    private readonly int[] _outSincePrev;
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

    // Edge state: the dependent keeps the lost level until this step after the provider is back.
    private readonly int[] _holdUntil;
    private readonly double[] _holdLevel;

    private readonly List<int> _touchedNodes = [];
    private readonly List<int> _touchedEdges = [];
    private readonly List<int> _changed = [];
    private readonly List<int>[] _buckets;
    private readonly int[] _timerHead;
    private int[] _timerNode = new int[4096];
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
        var m = graph.DependencyCount;
        _backup = new int[m];
        _recovery = new int[m];
        for (var e = 0; e < m; e++)
        {
            _backup[e] = ToSteps(graph.BackupHours[e], stepHours, steps);
            _recovery[e] = ToSteps(graph.RecoveryHours[e], stepHours, steps);
        }
        _q = new double[n];
        _qPrev = new double[n];
        _outSince = Filled(n, -1);
        _outSincePrev = Filled(n, -1);
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
        _holdUntil = Filled(m, -1);
        _holdLevel = new double[m];
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
            AddTimer(d.Node, d.From);
            if (d.To + 1 < _steps)
            {
                AddTimer(d.Node, d.To + 1);
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
            for (var i = _timerHead[t]; i >= 0; i = _timerNext[i])
            {
                Enqueue(_timerNode[i]);
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
        var t = _step;
        double sum = 0, best = 0;
        var cause = NoCause;
        if (_directFirst[v] >= 0 && DirectLevel(v, t) is var direct and > 0)
        {
            sum = best = direct;
            cause = DirectCause;
        }
        var provider = _g.Provider;
        var strength = _g.Strength;
        for (int e = _g.InStart[v], end = _g.InStart[v + 1]; e < end; e++)
        {
            var p = provider[e];
            var backup = _backup[e];
            double level;
            if (backup == 0)
            {
                level = strength[e] * _q[p];
            }
            else
            {
                // A backed-up dependency reads its provider as it was at the end of the previous step:
                // out for more than the backup lasts (a 72-hour outage does not beat a 72-hour generator).
                var since = _outSincePrev[p];
                level = since >= 0 && t - since > backup ? strength[e] * _qPrev[p] : 0;
            }
            if (_holdUntil[e] >= t && _holdLevel[e] > level)
            {
                level = _holdLevel[e];
            }
            if (level > 0)
            {
                sum += level;
                if (level > best)
                {
                    best = level;
                    cause = p;
                }
            }
        }
        var q = sum >= CascadeLimits.FailedAt ? 1 : sum < CascadeLimits.Epsilon ? 0 : sum;
        var old = _q[v];
        if (q != old)
        {
            Change(v, old, q, cause);
        }
    }

    private void Change(int v, double old, double q, int cause)
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
        Record(v, q, cause);

        var dependent = _g.Dependent;
        var strength = _g.Strength;
        for (int k = _g.OutStart[v], end = _g.OutStart[v + 1]; k < end; k++)
        {
            var e = _g.OutEdges[k];
            var d = dependent[e];
            var backup = _backup[e];
            var recovery = _recovery[e];
            if (backup == 0)
            {
                if (q == 0 && recovery > 0)
                {
                    Hold(e, strength[e] * old, t + recovery - 1);
                    Schedule(d, t + recovery);
                }
                Enqueue(d);
            }
            else if (old == 0)
            {
                // The outage begins: the backup carries the dependent until it runs out.
                Schedule(d, t + backup + 1);
            }
            else if (q > 0)
            {
                if (t + 1 - oldSince > backup)
                {
                    Schedule(d, t + 1);
                }
            }
            else if (t - oldSince > backup)
            {
                // Back after the backup ran out: the dependent still reads the old level this step
                // and, seeing the provider back one step late, recovers for its recovery time after that.
                if (recovery > 0)
                {
                    Hold(e, strength[e] * old, t + recovery);
                }
                Schedule(d, t + 1 + recovery);
            }
        }
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

    private void Hold(int e, double level, int until)
    {
        if (_holdUntil[e] < 0)
        {
            _touchedEdges.Add(e);
        }
        else if (_holdUntil[e] >= _step)
        {
            // Overlapping recoveries: the higher level until the later end.
            level = Math.Max(level, _holdLevel[e]);
            until = Math.Max(until, _holdUntil[e]);
        }
        _holdUntil[e] = until;
        _holdLevel[e] = level;
    }

    private void Schedule(int v, int step)
    {
        if (step == _step)
        {
            Enqueue(v);
        }
        else if (step < _steps)
        {
            AddTimer(v, step);
        }
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

    private void AddTimer(int v, int step)
    {
        if (_timerCount == _timerNode.Length)
        {
            Array.Resize(ref _timerNode, _timerCount * 2);
            Array.Resize(ref _timerNext, _timerCount * 2);
        }
        _timerNode[_timerCount] = v;
        _timerNext[_timerCount] = _timerHead[step];
        _timerHead[step] = _timerCount++;
    }

    private void Reset()
    {
        foreach (var v in _touchedNodes)
        {
            _q[v] = _qPrev[v] = _peak[v] = 0;
            _outSince[v] = _outSincePrev[v] = _queuedAt[v] = _directFirst[v] = -1;
            _firstDegraded[v] = _failed[v] = _recovered[v] = _peakStep[v] = -1;
            _cause[v] = _failCause[v] = NoCause;
            _state[v] = 0;
            _touched[v] = false;
        }
        _touchedNodes.Clear();
        foreach (var e in _touchedEdges)
        {
            _holdUntil[e] = -1;
            _holdLevel[e] = 0;
        }
        _touchedEdges.Clear();
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
