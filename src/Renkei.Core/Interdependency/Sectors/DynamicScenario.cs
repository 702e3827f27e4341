namespace Renkei.Interdependency.Sectors;

/// <summary>
/// c*ᵢ(t) = <see cref="Value"/> for every step t from <see cref="From"/> to <see cref="To"/>, both
/// inclusive (0-based steps); c*(t) drives the move from q(t) to q(t+1). Windows of one sector must
/// not overlap.
/// </summary>
public sealed record PerturbationWindow(string Sector, double Value, int From, int To);

/// <summary>
/// Recovery time Tᵢ (time units) for kᵢ = ln(qᵢ(0)/qᵢ(Tᵢ)) / (Tᵢ(1 − a*ᵢᵢ)). <see cref="Initial"/> defaults
/// to the scenario's initial inoperability of the sector, or 1 when it has none; <see cref="Target"/>
/// to 1% of <see cref="Initial"/> (Lian &amp; Haimes 2006; only the ratio matters).
/// </summary>
public sealed record RecoveryTime(string Sector, double Time, double? Initial = null, double? Target = null);

/// <summary>A resilience coefficient kᵢ given directly (per time unit).</summary>
public sealed record ResilienceCoefficient(string Sector, double K);

/// <summary>
/// The dynamic model's input: <see cref="Steps"/> steps of length <see cref="TimeStep"/> time units.
/// Each sector's kᵢ comes from <see cref="Resilience"/>, else <see cref="RecoveryTimes"/>, else the
/// matrix's default recovery times; a sector without any is an error.
/// </summary>
public sealed record DynamicScenario(
    int Steps,
    IReadOnlyList<PerturbationWindow>? Perturbations = null,
    double TimeStep = 1,
    IReadOnlyList<SectorValue>? InitialInoperability = null,
    IReadOnlyList<RecoveryTime>? RecoveryTimes = null,
    IReadOnlyList<ResilienceCoefficient>? Resilience = null);

/// <summary>
/// One sector's path: its kᵢ, the peak of qᵢ and the first step reaching it, qᵢ at the last step,
/// ∫qᵢ dt (trapezoid rule, time units) and, with outputs, the loss xᵢ·∫qᵢ dt.
/// </summary>
public sealed record DynamicSectorResult(string Sector, double Resilience, double Peak, int PeakStep, double Final, double Integral, double? Loss);

/// <summary>
/// The dynamic model's answer. <see cref="Inoperability"/>[t][i] is qᵢ at step t (time t·Δt),
/// t = 0 … Steps, sectors in the matrix's order.
/// </summary>
public sealed record DynamicResult(
    IReadOnlyList<string> Sectors,
    double TimeStep,
    IReadOnlyList<double[]> Inoperability,
    IReadOnlyList<DynamicSectorResult> Summary,
    double? TotalLoss);
