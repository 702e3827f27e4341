using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// The static Inoperability Input-Output Model (Haimes &amp; Jiang 2001): q = A*q + c*, so
/// q = (I − A*)⁻¹ c*, each qᵢ then capped at 1 (the linear model knows no upper bound; a sector
/// cannot be more than wholly inoperable).
/// </summary>
public static class StaticModel
{
    public const int MaxPerturbations = 1_000;

    public static Result<StaticResult> Solve(SectorMatrix matrix, StaticScenario scenario)
    {
        var errors = new SectorErrors();
        var c = ScenarioChecks.SectorValues(matrix, scenario.Perturbations, "perturbations", errors);
        if (errors.Any || c is null)
        {
            return errors.ToProblem();
        }
        var q = MatrixMath.Multiply(matrix.L, c);
        var outputs = matrix.Input.Outputs;
        var sectors = new SectorInoperability[matrix.Count];
        double? total = outputs is null ? null : 0;
        for (var i = 0; i < sectors.Length; i++)
        {
            var capped = Math.Clamp(q[i], 0, 1);
            double? loss = outputs is null ? null : outputs[i] * capped;
            total += loss;
            sectors[i] = new SectorInoperability(matrix.Sectors[i], capped, q[i], loss);
        }
        return new StaticResult(sectors, total, matrix.SpectralRadius);
    }
}
