using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

public sealed class DefaultSectorMatrixTests
{
    private static readonly string[] SeedColumns = ["electricity", "telecom", "water"];

    [Fact]
    public void Instance_HasTheFifteenSectorsAndIsStable()
    {
        var defaults = DefaultSectorMatrix.Instance;

        defaults.Version.ShouldBeGreaterThanOrEqualTo(1);
        defaults.Matrix.Sectors.ShouldBe(SectorCodes.Japan);
        defaults.Matrix.Count.ShouldBe(15);
        defaults.Matrix.SpectralRadius.ShouldBeLessThan(1);
        defaults.Matrix.Input.RecoveryTimes!.Count.ShouldBe(15);
    }

    [Fact]
    public void Coefficients_EveryNonZeroCoefficientHasExactlyOneProvenance()
    {
        var defaults = DefaultSectorMatrix.Instance;
        var m = defaults.Matrix;
        var nonZero = new List<(string, string)>();
        for (var i = 0; i < m.Count; i++)
        {
            for (var j = 0; j < m.Count; j++)
            {
                if (m[i, j] != 0)
                {
                    nonZero.Add((m.Sectors[i], m.Sectors[j]));
                }
            }
        }

        defaults.Coefficients.Select(c => (c.Row, c.Column)).Order().ShouldBe(nonZero.Order());
        defaults.Coefficients.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Why));
    }

    [Fact]
    public void Coefficients_SeedExactlyWhereOthersDependOnPowerTelecomOrWater()
    {
        foreach (var c in DefaultSectorMatrix.Instance.Coefficients)
        {
            var fromSeeds = SeedColumns.Contains(c.Column) && c.Row != c.Column;
            c.Kind.ShouldBe(fromSeeds ? ProvenanceKind.Seed : ProvenanceKind.Assumption, $"{c.Row} → {c.Column}");
        }
        foreach (var column in SeedColumns)
        {
            DefaultSectorMatrix.Instance.Coefficients.Count(c => c.Column == column && c.Kind == ProvenanceKind.Seed).ShouldBeGreaterThan(5, column);
        }
    }

    [Fact]
    public void Matrix_PowerOutage_SpreadsFurtherThanAFinanceOutage()
    {
        var m = DefaultSectorMatrix.Instance.Matrix;

        var power = StaticModel.Solve(m, new StaticScenario([new SectorValue("electricity", 0.5)])).Value!;
        var finance = StaticModel.Solve(m, new StaticScenario([new SectorValue("finance", 0.5)])).Value!;

        power.Sectors.Count(s => s.Sector != "electricity" && s.Inoperability > 0.01).ShouldBeGreaterThan(10);
        finance.Sectors.Count(s => s.Sector != "finance" && s.Inoperability > 0.01).ShouldBeLessThan(3);
    }

    [Fact]
    public void Matrix_DefaultRecoveryTimes_RunAnHourlyDynamicScenario()
    {
        var scenario = new DynamicScenario(24 * 14, [new PerturbationWindow("electricity", 0.8, 0, 11)]);

        var result = DynamicModel.Simulate(DefaultSectorMatrix.Instance.Matrix, scenario);

        result.Problem.ShouldBeNull();
        result.Value!.Summary.Single(s => s.Sector == "railways").Peak.ShouldBeGreaterThan(0);
    }
}
