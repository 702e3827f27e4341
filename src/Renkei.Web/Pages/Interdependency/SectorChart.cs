using System.Globalization;
using System.Text;
using Renkei.Interdependency.Sectors;

namespace Renkei.Web.Pages.Interdependency;

/// <summary>One sector's inoperability over time as an SVG polyline.</summary>
public sealed record SectorLine(string Sector, string Label, string Points, double Peak, int Colour);

/// <summary>
/// Inoperability of the most affected sectors over time, drawn on the server as SVG (no script):
/// time on x (steps × Δt), q on y from 0 to the largest peak shown, rounded up to a tenth.
/// </summary>
public sealed class SectorChart
{
    public const double Width = 900;
    public const double Height = 320;
    public const double Left = 48;
    public const double Right = 180;
    public const double Top = 12;
    public const double Bottom = 36;
    /// <summary>More lines than this are unreadable; the table below the chart lists every sector.</summary>
    public const int MaxLines = 8;

    public IReadOnlyList<SectorLine> Lines { get; private init; } = [];
    public IReadOnlyList<(double X, string Label)> XTicks { get; private init; } = [];
    public IReadOnlyList<(double Y, string Label)> YTicks { get; private init; } = [];
    public static double PlotRight => Width - Right;
    public static double PlotBottom => Height - Bottom;

    public static SectorChart From(DynamicResult result, Func<string, string> label)
    {
        var steps = result.Inoperability.Count - 1;
        var top = result.Summary.OrderByDescending(s => s.Peak).ThenBy(s => s.Sector, StringComparer.Ordinal).Where(s => s.Peak > 0).Take(MaxLines).ToList();
        var yMax = Math.Max(0.1, Math.Ceiling(top.Select(s => s.Peak).DefaultIfEmpty(0).Max() * 10) / 10);
        double X(int step) => Left + (steps == 0 ? 0 : step * (PlotRight - Left) / steps);
        double Y(double q) => PlotBottom - (q / yMax * (PlotBottom - Top));
        var index = result.Sectors.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var lines = top.Select((s, colour) =>
        {
            var points = new StringBuilder();
            var i = index[s.Sector];
            for (var t = 0; t <= steps; t++)
            {
                points.Append(CultureInfo.InvariantCulture, $"{X(t):F1},{Y(result.Inoperability[t][i]):F1} ");
            }
            return new SectorLine(s.Sector, label(s.Sector), points.ToString().TrimEnd(), s.Peak, colour);
        }).ToList();
        var hours = steps * result.TimeStep;
        var xTicks = Enumerable.Range(0, 7).Select(k => (X((int)Math.Round(k * steps / 6.0)), (k * hours / 6).ToString("0.#", CultureInfo.InvariantCulture))).ToList();
        var yTicks = Enumerable.Range(0, 5).Select(k => (Y(k * yMax / 4), (k * yMax / 4).ToString("0.00", CultureInfo.InvariantCulture))).ToList();
        return new SectorChart { Lines = lines, XTicks = xTicks, YTicks = yTicks };
    }

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
