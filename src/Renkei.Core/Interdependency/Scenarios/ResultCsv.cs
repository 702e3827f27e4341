using System.Globalization;
using System.Text.Json;
using Renkei.Directory.Csv;

namespace Renkei.Interdependency.Scenarios;

/// <summary>
/// A recorded result as CSV for spreadsheets: for the sector model one row per step with each
/// sector's q (or, static only, one row per sector); for the cascade one row per affected service
/// with its steps and chain of causes. Read from the stored result document, so an export always
/// shows what was computed then.
/// </summary>
public static class ResultCsv
{
    public static byte[] From(JsonElement result)
    {
        if (result.TryGetProperty("dynamic", out var dynamic))
        {
            var sectors = dynamic.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()!).ToList();
            var dt = dynamic.GetProperty("timeStep").GetDouble();
            var rows = dynamic.GetProperty("inoperability").EnumerateArray().Select((row, t) =>
                (IReadOnlyList<string?>)[N(t), N(t * dt), .. row.EnumerateArray().Select(q => N(q.GetDouble()))]);
            return CsvFile.Write(["step", "time", .. sectors], rows);
        }
        if (result.TryGetProperty("static", out var equilibrium))
        {
            var rows = equilibrium.GetProperty("sectors").EnumerateArray().Select(s => (IReadOnlyList<string?>)
                [s.GetProperty("sector").GetString(), N(s.GetProperty("inoperability").GetDouble()), N(s.GetProperty("uncapped").GetDouble()),
                 s.TryGetProperty("loss", out var loss) ? N(loss.GetDouble()) : null]);
            return CsvFile.Write(["sector", "inoperability", "uncapped", "loss"], rows);
        }
        var cascade = result.GetProperty("cascade");
        var causes = cascade.GetProperty("outcomes").EnumerateArray()
            .ToDictionary(o => o.GetProperty("nodeId").GetString()!, o => o.TryGetProperty("cause", out var c) ? c.GetString() : null, StringComparer.Ordinal);
        var outcomes = cascade.GetProperty("outcomes").EnumerateArray().Select(o => (IReadOnlyList<string?>)
            [o.GetProperty("nodeId").GetString(), Int(o, "firstDegradedStep"), Int(o, "failedStep"), Int(o, "recoveredStep"),
             N(o.GetProperty("peakLevel").GetDouble()), Text(o, "cause"), Text(o, "failureCause"), Chain(o.GetProperty("nodeId").GetString()!, causes)]);
        return CsvFile.Write(["node_id", "degraded_step", "failed_step", "recovered_step", "peak_level", "cause", "failure_cause", "chain_of_causes"], outcomes);
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetInt32().ToString(CultureInfo.InvariantCulture) : null;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static string Chain(string node, Dictionary<string, string?> causes)
    {
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? id = node; id is not null && seen.Add(id); id = causes.GetValueOrDefault(id))
        {
            chain.Add(id);
        }
        return string.Join(" <- ", chain);
    }
}
