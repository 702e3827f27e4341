using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// The dynamic IIM (Lian &amp; Haimes 2006), stepped explicitly:
/// q(t+1) = q(t) + Δt·K[A*q(t) + c*(t) − q(t)], each qᵢ clamped to [0, 1] after every step so the
/// next step starts from a physical state.
/// </summary>
public static class DynamicModel
{
    public const int MaxSteps = 10_000;

    public static Result<DynamicResult> Simulate(SectorMatrix matrix, DynamicScenario scenario)
    {
        var errors = new SectorErrors();
        if (scenario.Steps is < 1 or > MaxSteps)
        {
            errors.Add("steps", Text.T("The number of steps must be between 1 and {0} ({1}).", MaxSteps, scenario.Steps));
        }
        if (!double.IsFinite(scenario.TimeStep) || scenario.TimeStep <= 0)
        {
            errors.Add("timeStep", Text.T("The time step must be a number above 0 ({0}).", scenario.TimeStep));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var q0 = ScenarioChecks.SectorValues(matrix, scenario.InitialInoperability, "initialInoperability", errors);
        var windows = PerturbationWindows.Check(matrix, scenario.Perturbations, scenario.Steps, errors);
        var k = q0 is null ? null : Resilience.Resolve(matrix, scenario, q0, errors);
        if (errors.Any || q0 is null || windows is null || k is null)
        {
            return errors.ToProblem();
        }
        return Run(matrix, scenario, q0, windows, k);
    }

    private static DynamicResult Run(SectorMatrix matrix, DynamicScenario scenario, double[] q0, PerturbationWindows windows, double[] k)
    {
        var n = matrix.Count;
        var dt = scenario.TimeStep;
        var a = matrix.A;
        var path = new double[scenario.Steps + 1][];
        path[0] = q0;
        var c = new double[n];
        for (var t = 0; t < scenario.Steps; t++)
        {
            windows.At(t, c);
            var q = path[t];
            var next = new double[n];
            for (var i = 0; i < n; i++)
            {
                var aq = 0.0;
                for (var j = 0; j < n; j++)
                {
                    aq += a[i, j] * q[j];
                }
                next[i] = Math.Clamp(q[i] + (dt * k[i] * (aq + c[i] - q[i])), 0, 1);
            }
            path[t + 1] = next;
        }
        return Summarise(matrix, dt, path, k);
    }

    private static DynamicResult Summarise(SectorMatrix matrix, double dt, double[][] path, double[] k)
    {
        var outputs = matrix.Input.Outputs;
        var summary = new DynamicSectorResult[matrix.Count];
        double? total = outputs is null ? null : 0;
        for (var i = 0; i < summary.Length; i++)
        {
            var peak = path[0][i];
            var peakStep = 0;
            var integral = 0.0;
            for (var t = 1; t < path.Length; t++)
            {
                integral += dt * (path[t - 1][i] + path[t][i]) / 2;
                if (path[t][i] > peak)
                {
                    peak = path[t][i];
                    peakStep = t;
                }
            }
            double? loss = outputs is null ? null : outputs[i] * integral;
            total += loss;
            summary[i] = new DynamicSectorResult(matrix.Sectors[i], k[i], peak, peakStep, path[^1][i], integral, loss);
        }
        return new DynamicResult(matrix.Sectors, dt, path, summary, total);
    }
}
