using Renkei.Interdependency.Cascade;
using Renkei.Interdependency.Scenarios;

namespace Renkei.Web.Pages.Interdependency;

/// <summary>A result ready to draw: the charts computed once, sector codes shown by their names.</summary>
public sealed class ResultDisplay
{
    private readonly IReadOnlyDictionary<string, string> _sectorNames;

    public ResultDisplay(ScenarioResult result, IReadOnlyDictionary<string, string> sectorNames, CascadeGraph? graph = null)
    {
        Result = result;
        _sectorNames = sectorNames;
        Chart = result.Dynamic is { } dynamic ? SectorChart.From(dynamic, SectorName) : null;
        Timeline = result.Cascade is { } cascade ? CascadeTimeline.From(cascade, graph) : null;
    }

    public ScenarioResult Result { get; }
    public SectorChart? Chart { get; }
    public CascadeTimeline? Timeline { get; }

    /// <summary>A recorded run's links (exports), when the result is one.</summary>
    public Guid? RunId { get; init; }

    public string SectorName(string code) => _sectorNames.GetValueOrDefault(code) ?? code;
}
