using System.Globalization;
using Renkei.Common;
using Renkei.Reports;

namespace Renkei.Web.Pages.Incidents;

public sealed record TimelineLane(Guid ReportId, string Title, double Y);

public sealed record TimelineMark(TimelineEntry Entry, double X, double Y);

public sealed record TimelineTick(double X, string Label, string Anchor);

/// <summary>
/// The incident's timeline drawn as SVG on the server: one lane per report, time left to right,
/// one mark per event (aware, each submission, each desk receiving and forwarding).
/// </summary>
public sealed class TimelineChart
{
    public const double Width = 900;
    public const double LabelWidth = 210;
    public const double LaneHeight = 46;
    public const double Top = 34;
    private const double Right = 24;
    private const int Ticks = 5;

    /// <summary>Events closer than this on a lane are nudged so both stay visible.</summary>
    private const double MinGap = 10;

    public IReadOnlyList<TimelineLane> Lanes { get; private init; } = [];
    public IReadOnlyList<TimelineMark> Marks { get; private init; } = [];
    public IReadOnlyList<TimelineTick> Axis { get; private init; } = [];
    public double Height => Top + (Lanes.Count * LaneHeight) + 12;
    public static double PlotLeft => LabelWidth + 10;
    public static double PlotRight => Width - Right;

    public static TimelineChart From(IncidentView incident)
    {
        var entries = incident.Timeline;
        if (entries.Count == 0)
        {
            return new TimelineChart();
        }
        var start = entries.Min(e => e.At);
        var end = entries.Max(e => e.At);
        if (end - start < TimeSpan.FromMinutes(10))
        {
            // A single moment still gets an axis: ten minutes around it.
            start = start.AddMinutes(-5);
            end = end.AddMinutes(5);
        }
        var span = (end - start).TotalSeconds;
        double X(DateTime at) => PlotLeft + ((at - start).TotalSeconds / span * (PlotRight - PlotLeft));

        var lanes = incident.Reports.Select((r, i) => new TimelineLane(r.Id, r.Title, Top + (i * LaneHeight) + (LaneHeight / 2))).ToList();
        var marks = new List<TimelineMark>();
        foreach (var lane in lanes)
        {
            var events = entries.Where(e => e.ReportId == lane.ReportId).OrderBy(e => e.At).ToList();
            var xs = events.Select(e => X(e.At)).ToArray();
            // Events minutes apart on an axis of hours would sit on one another: spread them
            // rightwards, then back from the right edge, keeping their order.
            for (var i = 1; i < xs.Length; i++)
            {
                xs[i] = Math.Max(xs[i], xs[i - 1] + MinGap);
            }
            for (var i = xs.Length - 1; i >= 0; i--)
            {
                xs[i] = Math.Min(xs[i], i == xs.Length - 1 ? PlotRight : xs[i + 1] - MinGap);
            }
            marks.AddRange(events.Select((e, i) => new TimelineMark(e, Math.Max(xs[i], PlotLeft), lane.Y)));
        }
        var format = span > TimeSpan.FromDays(2).TotalSeconds ? "MM-dd" : "MM-dd HH:mm";
        var axis = Enumerable.Range(0, Ticks)
            .Select(i => start.AddSeconds(span * i / (Ticks - 1)))
            .Select((t, i) => new TimelineTick(X(t), Clock.ToJst(t).ToString(format, CultureInfo.InvariantCulture), i == Ticks - 1 ? "end" : "middle"))
            .ToList();
        return new TimelineChart { Lanes = lanes, Marks = marks, Axis = axis };
    }

    /// <summary>Numbers for SVG attributes: invariant, short.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A lane label that fits its column; the full title is in the tooltip.</summary>
    public static string Short(string text, int max = 16) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
