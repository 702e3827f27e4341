using System.Diagnostics;
using System.Text.Json;
using Renkei.Testing;

namespace Renkei.Cli.Tests;

/// <summary>
/// <c>renkei simulate</c> on the documented example scenarios: input and output conform to the
/// published JSON Schemas (checked by an independent validator), the answers are the ones the
/// conventions give, a run is reproducible, and bad input is named at its place with nothing written.
/// </summary>
public sealed class SimulateCommandTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoDatabase = new() { ["RENKEI_DATA_DIR"] = Path.GetTempPath() };
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("renkei-simulate-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private static string Example(string name) => RepositoryFiles.Path("docs", "examples", name);

    private static async Task ConformsAsync(string schema, string document)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "check_schema.py"));
        start.ArgumentList.Add(RepositoryFiles.Path("docs", "schemas", schema));
        start.ArgumentList.Add(document);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{Path.GetFileName(document)} does not conform to {schema} (python3-jsonschema, which ./scripts/test.sh installs):\n{output}");
    }

    private async Task<JsonElement> SimulateAsync(string scenario)
    {
        var result = Path.Combine(_directory, Path.GetFileNameWithoutExtension(scenario) + ".result.json");
        var (code, output, error) = await Cli.RunAsync(NoDatabase, "simulate", "--input", scenario, "--output", result);
        code.ShouldBe(0, output + error);
        output.ShouldContain("→ " + result);
        await ConformsAsync("result.schema.json", result);
        return JsonDocument.Parse(await File.ReadAllTextAsync(result)).RootElement.Clone();
    }

    [Fact]
    public async Task Simulate_SectorExample_ConformsAndSpreadsThePowerOutage()
    {
        await ConformsAsync("scenario.schema.json", Example("sectors-power-outage.json"));
        var result = await SimulateAsync(Example("sectors-power-outage.json"));

        result.GetProperty("model").GetString().ShouldBe("sectors");
        result.GetProperty("matrix").GetProperty("sectors").GetArrayLength().ShouldBe(15);
        var equilibrium = result.GetProperty("static").GetProperty("sectors").EnumerateArray()
            .ToDictionary(s => s.GetProperty("sector").GetString()!, s => s.GetProperty("inoperability").GetDouble());
        // The perturbed sector ends above its own perturbation (it depends on sectors it disturbed), and the outage reaches others.
        equilibrium["electricity"].ShouldBeGreaterThan(0.3);
        equilibrium["medical"].ShouldBeGreaterThan(0);
        equilibrium["water"].ShouldBeGreaterThan(0);

        var dynamic = result.GetProperty("dynamic");
        var series = dynamic.GetProperty("inoperability");
        series.GetArrayLength().ShouldBe(169);
        var electricity = dynamic.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()).ToList().IndexOf("electricity");
        series[0][electricity].GetDouble().ShouldBe(0);
        series[24][electricity].GetDouble().ShouldBeGreaterThan(series[168][electricity].GetDouble(), "the sector recovers once the 24-hour perturbation ends");
    }

    [Fact]
    public async Task Simulate_OperatorExample_HospitalFailsWhenItsGeneratorRunsOut()
    {
        await ConformsAsync("scenario.schema.json", Example("operators-hospital.json"));
        var result = await SimulateAsync(Example("operators-hospital.json"));

        var outcomes = result.GetProperty("cascade").GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("nodeId").GetString()!);
        // Power out for steps 0–99; a 72-hour generator: failed once the outage outlasts it, back 12 hours after the power.
        outcomes["hospital-a"].GetProperty("failedStep").GetInt32().ShouldBe(73);
        outcomes["hospital-a"].GetProperty("failureCause").GetString().ShouldBe("power-x");
        outcomes["hospital-a"].GetProperty("recoveredStep").GetInt32().ShouldBe(113);
        // The bank has no backup on the carrier, whose 6-hour batteries run out first.
        outcomes["bank-b"].GetProperty("failedStep").GetInt32().ShouldBe(outcomes["carrier-z"].GetProperty("failedStep").GetInt32());
        outcomes["water-y"].TryGetProperty("failedStep", out _).ShouldBeFalse("water loses 60 % of its function, it does not fail");
        result.GetProperty("spof").GetProperty("entries")[0].GetProperty("nodeId").GetString().ShouldBe("power-x");
    }

    [Fact]
    public async Task Simulate_SameInputTwice_SameResultBytes()
    {
        var first = Path.Combine(_directory, "first.json");
        var second = Path.Combine(_directory, "second.json");
        (await Cli.RunAsync(NoDatabase, "simulate", "--input", Example("operators-hospital.json"), "--output", first)).ExitCode.ShouldBe(0);
        (await Cli.RunAsync(NoDatabase, "simulate", "--input", Example("operators-hospital.json"), "--output", second)).ExitCode.ShouldBe(0);
        (await File.ReadAllBytesAsync(second)).ShouldBe(await File.ReadAllBytesAsync(first));
    }

    [Fact]
    public async Task Simulate_WithoutOutput_WritesTheResultToStandardOutput()
    {
        var (code, output, error) = await Cli.RunAsync(NoDatabase, "simulate", "--input", Example("sectors-power-outage.json"));
        code.ShouldBe(0, error);
        JsonDocument.Parse(output).RootElement.GetProperty("engine").GetString().ShouldStartWith("renkei-interdependency/");
        error.ShouldContain("15 sectors");
    }

    [Theory]
    [InlineData("""{"model":"sectors","matrix":{"sectors":["a","b"],"matrix":[[0,0.2],[-0.1,0]]},"static":{"perturbations":[{"sector":"a","value":0.5}]}}""", "matrix.matrix[1][0]")]
    [InlineData("""{"model":"sectors","matrix":{"sectors":["a","b"],"matrix":[[0,1],[1,0]]},"static":{"perturbations":[{"sector":"a","value":0.5}]}}""", "matrix.matrix")]
    [InlineData("""{"model":"sectors","static":{"perturbations":[{"sector":"electricity","value":"high"}]}}""", "static.perturbations[0].value")]
    [InlineData("""{"model":"sectors","dynamic":{"steps":10,"perturbations":[{"sector":"nowhere","value":0.5,"from":0,"to":2}]}}""", "dynamic.perturbations[0].sector")]
    [InlineData("""{"model":"operators","graph":{"nodes":[{"id":"a"}],"dependencies":[{"dependent":"a","provider":"ghost"}]},"simulation":{"disruptions":[],"steps":5}}""", "graph.dependencies[0].provider")]
    [InlineData("""{"model":"operators","graph":{"nodes":[{"id":"a"},{"id":"b"}],"dependencies":[{"dependent":"a","provider":"b","backupHours":0},{"dependent":"b","provider":"a","backupHours":0}]},"simulation":{"disruptions":[],"steps":5}}""", "graph.dependencies")]
    [InlineData("""{"model":"operators","graph":{"nodes":[{"id":"a"}],"dependencies":[]},"simulation":{"disruptions":[{"node":"a","fromStep":0}],"steps":5}}""", "simulation.disruptions[0].node")]
    [InlineData("""{"model":"operators","graph":{"nodes":[{"id":"a"}],"dependencies":[]},"simulation":{"disruptions":[{"nodeId":"b","fromStep":0}],"steps":5}}""", "simulation.disruptions[0].nodeId")]
    [InlineData("""{"model":"weather"}""", "model")]
    [InlineData("""{"model":"sectors", "static": """, "document")]
    public async Task Simulate_BadScenario_NamesThePlaceAndWritesNothing(string scenario, string place)
    {
        var input = Path.Combine(_directory, "bad.json");
        var output = Path.Combine(_directory, "bad.result.json");
        await File.WriteAllTextAsync(input, scenario);
        var (code, stdout, error) = await Cli.RunAsync(NoDatabase, "simulate", "--input", input, "--output", output);
        code.ShouldBe(1, stdout + error);
        error.ShouldContain($"  {place}: ");
        File.Exists(output).ShouldBeFalse();
        File.Exists(output + ".partial").ShouldBeFalse();
    }
}
