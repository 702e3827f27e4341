using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// The diagonal of K. From a recovery time, kᵢ = ln(qᵢ(0)/qᵢ(Tᵢ)) / (Tᵢ(1 − a*ᵢᵢ)) (Lian &amp; Haimes 2006),
/// the rate at which an unperturbed sector's inoperability decays to qᵢ(Tᵢ) in continuous time.
/// </summary>
public static class Resilience
{
    /// <summary>qᵢ(Tᵢ)/qᵢ(0) when not given: recovered means 1% of the initial inoperability is left.</summary>
    public const double DefaultTargetFraction = 0.01;

    /// <summary>kᵢ for a recovery time; the caller has checked 0 &lt; target &lt; initial and time &gt; 0.</summary>
    public static double FromRecoveryTime(double time, double initial, double target, double selfDependency) =>
        Math.Log(initial / target) / (time * (1 - selfDependency));

    internal static double[]? Resolve(SectorMatrix matrix, DynamicScenario scenario, double[] q0, SectorErrors errors)
    {
        var n = matrix.Count;
        var k = new double[n];
        var source = new string?[n];
        foreach (var (entry, index) in (scenario.Resilience ?? []).Select((e, i) => (e, i)))
        {
            var field = $"resilience[{index}]";
            var i = Claim(matrix, entry?.Sector, field, source, errors);
            if (entry is null || i < 0)
            {
                continue;
            }
            if (!double.IsFinite(entry.K) || entry.K <= 0)
            {
                errors.Add($"{field}.k", Text.T("Sector {0}: the resilience coefficient must be a number above 0 ({1}).", SectorErrors.Name(matrix.Sectors, i), entry.K));
                continue;
            }
            k[i] = entry.K;
            source[i] = $"{field}.k";
        }
        foreach (var (entry, index) in (scenario.RecoveryTimes ?? []).Select((e, i) => (e, i)))
        {
            var field = $"recoveryTimes[{index}]";
            var i = Claim(matrix, entry?.Sector, field, source, errors);
            if (entry is null || i < 0)
            {
                continue;
            }
            var value = FromEntry(matrix, entry, i, q0[i], field, errors);
            if (value is { } v)
            {
                k[i] = v;
                source[i] = $"{field}.time";
            }
        }
        var defaults = matrix.Input.RecoveryTimes;
        for (var i = 0; i < n; i++)
        {
            if (source[i] is not null)
            {
                continue;
            }
            if (defaults is null)
            {
                errors.Add("recoveryTimes", Text.T("Sector {0} has no recovery time or resilience coefficient; give one, or use a matrix with default recovery times.", SectorErrors.Name(matrix.Sectors, i)));
                continue;
            }
            k[i] = FromRecoveryTime(defaults[i], 1, DefaultTargetFraction, matrix[i, i]);
            source[i] = "timeStep";
        }
        CheckStep(matrix, scenario.TimeStep, k, source, errors);
        return errors.Any ? null : k;
    }

    private static int Claim(SectorMatrix matrix, string? sector, string field, string?[] source, SectorErrors errors)
    {
        var i = ScenarioChecks.Sector(matrix, sector, field, errors);
        if (i >= 0 && source[i] is { } earlier)
        {
            errors.Add($"{field}.sector", Text.T("Sector {0} already has its resilience from {1}; give each sector one recovery time or one coefficient.", SectorErrors.Name(matrix.Sectors, i), earlier));
            return -1;
        }
        if (i >= 0)
        {
            source[i] = field;
        }
        return i;
    }

    private static double? FromEntry(SectorMatrix matrix, RecoveryTime entry, int i, double q0, string field, SectorErrors errors)
    {
        var name = SectorErrors.Name(matrix.Sectors, i);
        var ok = true;
        if (!double.IsFinite(entry.Time) || entry.Time <= 0)
        {
            errors.Add($"{field}.time", Text.T("Sector {0}: the recovery time must be a number above 0 ({1}).", name, entry.Time));
            ok = false;
        }
        var initial = entry.Initial ?? (q0 > 0 ? q0 : 1);
        if (!double.IsFinite(initial) || initial is <= 0 or > 1)
        {
            errors.Add($"{field}.initial", Text.T("Sector {0}: the inoperability at the start of recovery, qᵢ(0), must be above 0 and at most 1 ({1}).", name, initial));
            return null;
        }
        var target = entry.Target ?? initial * DefaultTargetFraction;
        if (!double.IsFinite(target) || target <= 0 || target >= initial)
        {
            errors.Add($"{field}.target", Text.T("Sector {0}: the inoperability left at the recovery time, qᵢ(Tᵢ), must be above 0 and below qᵢ(0) = {1} ({2}).", name, initial, target));
            return null;
        }
        return ok ? FromRecoveryTime(entry.Time, initial, target, matrix[i, i]) : null;
    }

    /// <summary>
    /// The explicit step overshoots (qᵢ jumps past its equilibrium and oscillates) when
    /// Δt·kᵢ·(1 − a*ᵢᵢ) &gt; 1, so such a scenario is refused rather than answered wrongly.
    /// </summary>
    private static void CheckStep(SectorMatrix matrix, double dt, double[] k, string?[] source, SectorErrors errors)
    {
        for (var i = 0; i < k.Length; i++)
        {
            var factor = dt * k[i] * (1 - matrix[i, i]);
            if (source[i] is { } field && factor > 1 + 1e-12)
            {
                errors.Add(field, Text.T("Sector {0} recovers too fast for the time step: Δt·kᵢ·(1 − a*ᵢᵢ) is {1} and must be at most 1. Use a smaller time step or a longer recovery time.", SectorErrors.Name(matrix.Sectors, i), Math.Round(factor, 6)));
            }
        }
    }
}
