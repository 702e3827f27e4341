using System.Runtime.InteropServices;

namespace Renkei.Interdependency.Cascade;

/// <summary>What a run records: each node's record, the event timeline, per-sector counts per step, traced levels.</summary>
internal sealed partial class CascadeSimulator
{
    private const byte Normal = 0;
    private const byte Degraded = 1;
    private const byte Failed = 2;

    // Sector slots: the graph's sectors, then "no sector", then the whole graph.
    private readonly int _sectorSlots;
    private readonly int[] _affectedNow;
    private readonly int[] _failedNow;
    private readonly long[] _populationNow;
    private bool _record;
    private int[] _affectedSeries = [];
    private int[] _failedSeries = [];
    private long[] _populationSeries = [];
    private int[] _traced = [];
    private double[] _tracedLevels = [];

    public List<CascadeEvent> Events { get; } = [];

    /// <summary>A state change of this step whose cause is chosen at the end of the step; Event is its place in <see cref="Events"/>.</summary>
    private readonly record struct PendingCause(int Node, double Direct, int Event, bool First, bool FirstFailure);

    private PendingCause[] _causes = new PendingCause[256];
    private int _causeCount;
    private const int PrefetchAheadCauses = 2;

    /// <summary>Nodes a run touched (evaluated or disrupted); everything else stayed normal.</summary>
    public IReadOnlyList<int> TouchedNodes => _touchedNodes;

    public int FirstDegraded(int v) => _firstDegraded[v];

    public int FailedStep(int v) => _failed[v];

    public int RecoveredStep(int v) => _recovered[v];

    public double Peak(int v) => _nodes[v].Peak / CascadeLimits.Resolution;

    public int PeakStep(int v) => _nodes[v].PeakStep;

    public double Level(int v) => _hot[v].Q / CascadeLimits.Resolution;

    /// <summary>The provider index, or -1 for a direct disruption (recorded runs only).</summary>
    public int Cause(int v) => _cause[v];

    public int FailureCause(int v) => _failCause[v];

    /// <summary>Records the levels of these nodes at every step of the next runs.</summary>
    public void Trace(int[] nodes)
    {
        _traced = nodes;
        _tracedLevels = new double[nodes.Length * _steps];
    }

    public ReadOnlySpan<double> TracedLevels(int k) => _tracedLevels.AsSpan(k * _steps, _steps);

    /// <summary>Series of a sector slot: the graph's sectors by index, then "no sector", then the whole graph.</summary>
    public (int[] Affected, int[] Failed, long[] Population) Series(int slot) =>
        (_affectedSeries.AsSpan(slot * _steps, _steps).ToArray(), _failedSeries.AsSpan(slot * _steps, _steps).ToArray(), _populationSeries.AsSpan(slot * _steps, _steps).ToArray());

    private static byte State(int units) => units >= FullUnits ? Failed : units > 0 ? Degraded : Normal;

    private void Record(int v, ref Node node, int old, int q, double direct)
    {
        var t = _step;
        if (q > node.Peak)
        {
            node.Peak = (short)q;
            node.PeakStep = (short)t;
        }
        var before = State(old);
        var after = State(q);
        if (before == after)
        {
            return;
        }
        var first = before == Normal && _firstDegraded[v] < 0;
        var firstFailure = after == Failed && _failed[v] < 0;
        if (first)
        {
            _firstDegraded[v] = t;
        }
        if (firstFailure)
        {
            _failed[v] = t;
        }
        _recovered[v] = after == Normal ? t : -1;
        // Causes are for the record (a ranking run reads only which nodes were affected), chosen at the end of the step.
        if (_record && after != Normal)
        {
            if (_causeCount == _causes.Length)
            {
                Array.Resize(ref _causes, _causeCount * 2);
            }
            _causes[_causeCount++] = new PendingCause(v, direct, Events.Count, first, firstFailure);
        }

        var slot = _g.SectorOf[v] < 0 ? _sectorSlots - 2 : _g.SectorOf[v];
        var affected = (before == Normal ? 1 : 0) - (after == Normal ? 1 : 0);
        var failed = (after == Failed ? 1 : 0) - (before == Failed ? 1 : 0);
        var population = affected * _g.Population[v];
        _affectedNow[slot] += affected;
        _affectedNow[_sectorSlots - 1] += affected;
        _failedNow[slot] += failed;
        _failedNow[_sectorSlots - 1] += failed;
        _populationNow[slot] += population;
        _populationNow[_sectorSlots - 1] += population;

        if (_record)
        {
            var kind = after switch
            {
                Failed => CascadeEventKind.Failed,
                Degraded => before == Normal ? CascadeEventKind.Degraded : CascadeEventKind.PartlyRecovered,
                _ => CascadeEventKind.Recovered,
            };
            Events.Add(new CascadeEvent(t, _g.Ids[v], kind, null));
        }
    }

    /// <summary>
    /// The causes of this step's changes. A node's dependencies stay as they were when it was
    /// evaluated until the end of the step (deeper nodes change only their dependents; backed-up
    /// links take their new level after this), so choosing now gives the same causes as choosing
    /// then, and lets the reads of the next nodes' dependencies, spread over memory, overlap.
    /// </summary>
    private void ChooseCauses()
    {
        var events = CollectionsMarshal.AsSpan(Events);
        var pending = _causes.AsSpan(0, _causeCount);
        for (var i = 0; i < pending.Length; i++)
        {
            // Two stages: where a node's dependencies are listed, then (once that has arrived) the dependencies themselves.
            if (i + 2 * PrefetchAheadCauses < pending.Length)
            {
                var w = pending[i + 2 * PrefetchAheadCauses].Node;
                if (_g.InStart[w] < _g.InStart[w + 1])
                {
                    Prefetch(ref _g.InLinks[_g.InStart[w]]);
                }
            }
            if (i + PrefetchAheadCauses < pending.Length)
            {
                PrefetchDependencies(pending[i + PrefetchAheadCauses].Node);
            }
            var (v, direct, e, first, firstFailure) = pending[i];
            var cause = CauseOf(v, direct);
            if (first)
            {
                _cause[v] = cause;
            }
            if (firstFailure)
            {
                _failCause[v] = cause;
            }
            if (cause >= 0)
            {
                events[e] = events[e] with { Cause = _g.Ids[cause] };
            }
        }
        _causeCount = 0;
    }

    private void PrefetchDependencies(int v)
    {
        foreach (var k in _g.InLinks.AsSpan(_g.InStart[v], _g.InStart[v + 1] - _g.InStart[v]))
        {
            Prefetch(ref _links[k]);
            Prefetch(ref _g.Provider[k]);
        }
    }

    private void Snapshot(int t)
    {
        for (var s = 0; s < _sectorSlots; s++)
        {
            _affectedSeries[s * _steps + t] = _affectedNow[s];
            _failedSeries[s * _steps + t] = _failedNow[s];
            _populationSeries[s * _steps + t] = _populationNow[s];
        }
        for (var k = 0; k < _traced.Length; k++)
        {
            _tracedLevels[k * _steps + t] = _hot[_traced[k]].Q / CascadeLimits.Resolution;
        }
    }

    private void ResetRecording()
    {
        Array.Clear(_affectedNow);
        Array.Clear(_failedNow);
        Array.Clear(_populationNow);
        Events.Clear();
        _causeCount = 0;
        if (_record && _affectedSeries.Length == 0)
        {
            _affectedSeries = new int[_sectorSlots * _steps];
            _failedSeries = new int[_sectorSlots * _steps];
            _populationSeries = new long[_sectorSlots * _steps];
        }
    }
}
