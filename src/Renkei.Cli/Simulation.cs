using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Renkei.Interdependency.Scenarios;

namespace Renkei.Cli;

/// <summary>
/// <c>renkei simulate</c>: reads a scenario file, runs it, writes the result. Exit codes: 0 done,
/// 1 the scenario is invalid or a file could not be read or written (the reasons are printed, one
/// per field, at their JSON path).
/// </summary>
internal static class Simulation
{
    public static async Task<int> RunAsync(FileInfo input, string? output, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            if (input.Exists && input.Length > ScenarioDocument.MaxBytes)
            {
                return Fail($"{input.FullName} is larger than {ScenarioDocument.MaxBytes / (1024 * 1024)} MiB.");
            }
            bytes = await File.ReadAllBytesAsync(input.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {input.FullName}: {e.Message}");
        }
        var watch = Stopwatch.StartNew();
        var scenario = ScenarioDocument.Read(bytes);
        var result = scenario.Ok ? ScenarioRunner.Run(scenario.Value!, ct) : scenario.Problem!;
        if (!result.Ok)
        {
            await Console.Error.WriteLineAsync($"renkei: {input.Name}: {result.Problem!.Detail}");
            foreach (var (field, reasons) in result.Problem.Errors ?? new Dictionary<string, string[]>())
            {
                foreach (var reason in reasons)
                {
                    await Console.Error.WriteLineAsync($"  {(field.Length == 0 ? "(document)" : field)}: {reason}");
                }
            }
            return 1;
        }
        var ms = watch.Elapsed.TotalMilliseconds;
        var toStdout = string.IsNullOrEmpty(output) || output == "-";
        try
        {
            if (toStdout)
            {
                await using var stdout = Console.OpenStandardOutput();
                await JsonSerializer.SerializeAsync(stdout, result.Value, Options, ct);
            }
            else
            {
                // Written beside the target and moved into place, so a failed run never leaves half a result.
                var target = Path.GetFullPath(output!);
                var temporary = target + ".partial";
                await using (var file = File.Create(temporary))
                {
                    await JsonSerializer.SerializeAsync(file, result.Value, Options, ct);
                }
                File.Move(temporary, target, overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write {output}: {e.Message}");
        }
        var done = result.Value!;
        var summary = done.Model == ScenarioModel.Sectors
            ? $"{done.Matrix!.Sectors.Count} sectors{(done.Static is null ? "" : ", static")}{(done.Dynamic is null ? "" : $", dynamic {done.Dynamic.Inoperability.Count - 1} steps")}"
            : $"{done.Graph!.Nodes} nodes, {done.Graph.Dependencies} dependencies, {done.Cascade!.Steps} steps, {done.Cascade.AffectedNodes} affected{(done.Spof is null ? "" : $", {done.Spof.Entries.Count} single points of failure ranked")}";
        var line = string.Create(CultureInfo.InvariantCulture, $"{done.Model.ToString().ToLowerInvariant()} scenario{(done.Name is null ? "" : $" \"{done.Name}\"")}: {summary} in {ms:F1} ms (input sha256 {done.InputSha256[..12]}…, {done.Engine}){(toStdout ? "" : $" → {output}")}");
        // With the result on standard output, the summary must not end up inside the JSON.
        await (toStdout ? Console.Error : Console.Out).WriteLineAsync(line);
        return 0;
    }

    // Japanese names stay readable in the file; the result is data for programs and people, never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new(ScenarioJson.Write) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int Fail(string message)
    {
        Console.Error.WriteLine("renkei: " + message);
        return 1;
    }
}
