using System.Globalization;
using Renkei.Directory.Csv;

namespace Renkei.Interdependency.Scenarios;

/// <summary>
/// A recorded result as CSV for spreadsheets: for the sector model one row per step with each
/// sector's q (or, static only, one row per sector); for the cascade one row per affected service
/// with its steps and chain of causes. Built from the stored result, so an export always shows
/// what was computed then.
/// </summary>
public static class ResultCsv
{
    public static byte[] From(ScenarioResult result)
    {
        if (result.Dynamic is { } dynamic)
        {
            var rows = dynamic.Inoperability.Select((row, t) =>
                (IReadOnlyList<string?>)[N(t), N(t * dynamic.TimeStep), .. row.Select(N)]);
            return CsvFile.Write(["step", "time", .. dynamic.Sectors], rows);
        }
        if (result.Static is { } equilibrium)
        {
            var rows = equilibrium.Sectors.Select(s => (IReadOnlyList<string?>)[s.Sector, N(s.Inoperability), N(s.Uncapped), s.Loss is { } loss ? N(loss) : null]);
            return CsvFile.Write(["sector", "inoperability", "uncapped", "loss"], rows);
        }
        var cascade = result.Cascade!;
        var outcomes = cascade.Outcomes.Select(o => (IReadOnlyList<string?>)
            [o.NodeId, N(o.FirstDegradedStep), I(o.FailedStep), I(o.RecoveredStep), N(o.PeakLevel), o.Cause, o.FailureCause, string.Join(" <- ", cascade.ChainOfCauses(o.NodeId))]);
        return CsvFile.Write(["node_id", "degraded_step", "failed_step", "recovered_step", "peak_level", "cause", "failure_cause", "chain_of_causes"], outcomes);
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string? I(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
