namespace Renkei.Web.Pages.Statistics;

public sealed record Bar(string Label, int Value);

/// <summary>A horizontal bar chart drawn as SVG on the server (no script, no library).</summary>
public sealed record BarChart(string Id, string Caption, IReadOnlyList<Bar> Bars)
{
    public const double Width = 520;
    public const double LabelWidth = 170;
    public const double RowHeight = 28;
    private const double ValueRoom = 50;

    public double Height => (Bars.Count * RowHeight) + 8;
    public static double BarLeft => LabelWidth + 10;

    public double BarWidth(int value)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return max == 0 ? 0 : value * (Width - BarLeft - ValueRoom) / max;
    }
}
