using Renkei.Interdependency.Cascade;

namespace Renkei.Web.Pages.Interdependency;

/// <summary>One service's row: degraded and failed spans (steps, end exclusive), and why.</summary>
public sealed record CascadeRow(string NodeId, string Label, IReadOnlyList<(int From, int To, bool Failed)> Spans, string Chain);

/// <summary>
/// The cascade as a timeline: one row per affected service in the order it was hit, a span for
/// each stretch it was degraded (amber) or failed (red), and its chain of causes back to the
/// disrupted service.
/// </summary>
public sealed class CascadeTimeline
{
    public const double Width = 900;
    public const double LabelWidth = 220;
    public const double RowHeight = 22;
    public const double Top = 24;
    /// <summary>Rows drawn; the ranked tables list the rest.</summary>
    public const int MaxRows = 40;

    public IReadOnlyList<CascadeRow> Rows { get; private init; } = [];
    public int Steps { get; private init; }
    public int Omitted { get; private init; }
    public double Height => Top + (Rows.Count * RowHeight) + 8;
    public static double PlotLeft => LabelWidth + 10;
    public static double PlotRight => Width - 16;

    public double X(int step) => PlotLeft + (Steps == 0 ? 0 : Math.Min(step, Steps) * (PlotRight - PlotLeft) / Steps);

    public static CascadeTimeline From(CascadeResult result, CascadeGraph? graph)
    {
        var byNode = result.Events.GroupBy(e => e.Node, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Step).ToList(), StringComparer.Ordinal);
        var ordered = result.Outcomes.OrderBy(o => o.FirstDegradedStep).ThenBy(o => o.NodeId, StringComparer.Ordinal).ToList();
        var rows = ordered.Take(MaxRows).Select(o =>
        {
            var spans = new List<(int, int, bool)>();
            int? start = null;
            var failed = false;
            foreach (var e in byNode.GetValueOrDefault(o.NodeId) ?? [])
            {
                if (start is { } s && e.Step > s)
                {
                    spans.Add((s, e.Step, failed));
                }
                start = e.Kind == CascadeEventKind.Recovered ? null : e.Step;
                failed = e.Kind == CascadeEventKind.Failed;
            }
            if (start is { } open && open < result.Steps + 1)
            {
                spans.Add((open, result.Steps + 1, failed));
            }
            // A stored result has no graph at hand: the node id stands in for the name.
            var index = graph?.IndexOf(o.NodeId) ?? -1;
            var label = index >= 0 && graph!.NameOf(index) is { Length: > 0 } name ? name : o.NodeId;
            return new CascadeRow(o.NodeId, label, spans, string.Join(" ← ", result.ChainOfCauses(o.NodeId)));
        }).ToList();
        return new CascadeTimeline { Rows = rows, Steps = result.Steps + 1, Omitted = Math.Max(0, ordered.Count - MaxRows) };
    }
}
