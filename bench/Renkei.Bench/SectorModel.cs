using System.Diagnostics;
using Renkei.Interdependency.Sectors;

/// <summary>
/// The sector model (IIM) on the shipped 15-sector matrix, as the interdependency page asks it:
/// a static equilibrium and a dynamic run of a perturbation window over a horizon. Each call is
/// timed separately over many repetitions after a warm-up; p50, p99 and the maximum are reported,
/// so "interactive" is a figure, not a feeling.
/// </summary>
internal static class SectorModel
{
    public static Dictionary<string, object> Run(int repetitions, int steps)
    {
        var matrix = DefaultSectorMatrix.Instance.Matrix;
        var sectors = matrix.Sectors;
        StaticScenario Static(int i) => new([new SectorValue(sectors[i % sectors.Count], 0.1 + (i % 9 / 10.0))]);
        DynamicScenario Dynamic(int i) => new(steps, [new PerturbationWindow(sectors[i % sectors.Count], 0.1 + (i % 9 / 10.0), 0, Math.Min(steps - 1, 24 + (i % 48)))]);
        for (var i = 0; i < 200; i++)
        {
            _ = StaticModel.Solve(matrix, Static(i));
            _ = DynamicModel.Simulate(matrix, Dynamic(i));
        }
        var staticMs = new List<double>(repetitions);
        var dynamicMs = new List<double>(repetitions);
        var parseMs = new List<double>(repetitions);
        var json = DefaultSectorMatrix.Instance.Json;
        var watch = new Stopwatch();
        for (var i = 0; i < repetitions; i++)
        {
            watch.Restart();
            var loaded = SectorMatrixDocument.Load(json);
            parseMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var equilibrium = StaticModel.Solve(loaded.Value!, Static(i));
            staticMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var path = DynamicModel.Simulate(loaded.Value!, Dynamic(i));
            dynamicMs.Add(watch.Elapsed.TotalMilliseconds);
            if (!equilibrium.Ok || !path.Ok)
            {
                throw new InvalidOperationException("The sector model refused a benchmark scenario.");
            }
        }
        Console.WriteLine($"{repetitions} × (matrix document read and checked, static solve, dynamic run of {steps} steps) on {sectors.Count} sectors");
        return new()
        {
            ["command"] = "sectors",
            ["sectors"] = sectors.Count,
            ["steps"] = steps,
            ["repetitions"] = repetitions,
            ["matrix_read_p50_ms"] = P(parseMs, 50),
            ["static_p50_ms"] = P(staticMs, 50),
            ["static_p99_ms"] = P(staticMs, 99),
            ["dynamic_p50_ms"] = P(dynamicMs, 50),
            ["dynamic_p99_ms"] = P(dynamicMs, 99),
            ["dynamic_max_ms"] = Math.Round(dynamicMs.Max(), 3),
        };
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)], 3);
    }
}
