namespace Renkei.Interdependency.Sectors;

/// <summary>A perturbation c*ᵢ: the share of sector i's operability lost directly, in [0, 1].</summary>
public sealed record SectorValue(string Sector, double Value);

/// <summary>The static model's input: the perturbed sectors (others have c*ᵢ = 0), each at most once.</summary>
public sealed record StaticScenario(IReadOnlyList<SectorValue> Perturbations);

/// <summary>
/// One sector's equilibrium inoperability qᵢ, capped at 1; <see cref="Uncapped"/> is the linear
/// model's value before capping, so a reader sees how far past total failure the model went.
/// <see cref="Loss"/> is xᵢ·qᵢ (output per time unit lost) when the matrix has outputs.
/// </summary>
public sealed record SectorInoperability(string Sector, double Inoperability, double Uncapped, double? Loss);

/// <summary>The static model's answer, sectors in the matrix's order.</summary>
public sealed record StaticResult(IReadOnlyList<SectorInoperability> Sectors, double? TotalLoss, double SpectralRadius);
