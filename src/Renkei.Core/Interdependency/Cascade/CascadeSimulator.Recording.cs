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
        // Causes are for the record; a ranking run reads only which nodes were affected.
        var cause = after == Normal || !_record ? NoCause : CauseOf(v, direct);
        if (before == Normal && _firstDegraded[v] < 0)
        {
            _firstDegraded[v] = t;
            _cause[v] = cause;
        }
        if (after == Failed && _failed[v] < 0)
        {
            _failed[v] = t;
            _failCause[v] = cause;
        }
        _recovered[v] = after == Normal ? t : -1;

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
            var why = after == Normal || cause < 0 ? null : _g.Ids[cause];
            Events.Add(new CascadeEvent(t, _g.Ids[v], kind, why));
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
        if (_record && _affectedSeries.Length == 0)
        {
            _affectedSeries = new int[_sectorSlots * _steps];
            _failedSeries = new int[_sectorSlots * _steps];
            _populationSeries = new long[_sectorSlots * _steps];
        }
    }
}
