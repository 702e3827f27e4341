namespace Renkei.ContactChecks;

/// <summary>Median and 90th percentile of response times.</summary>
/// <remarks>
/// Nearest-rank percentiles: the value reported is a response time some organisation actually had,
/// which is what a desk can explain ("nine in ten answered within 40 minutes"), and it needs no
/// interpolation rule for small rounds.
/// </remarks>
public static class ResponseTimes
{
    public static int? Percentile(IReadOnlyList<int> sortedSeconds, int percent)
    {
        if (sortedSeconds.Count == 0)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(percent / 100.0 * sortedSeconds.Count);
        return sortedSeconds[Math.Clamp(rank, 1, sortedSeconds.Count) - 1];
    }
}
