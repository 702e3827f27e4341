using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

public sealed class SectorMatrixTests
{
    private static readonly string[] Seven = ["telecom", "finance", "electricity", "gas", "medical", "water", "railways"];

    private static double[][] Zeros(int n) => [.. Enumerable.Range(0, n).Select(_ => new double[n])];

    private static Renkei.Common.Problem? Create(string[] sectors, double[][] rows, IReadOnlySet<string>? known = null) =>
        SectorMatrix.Create(new SectorMatrixInput(sectors, rows), known).Problem;

    [Fact]
    public void Create_ValidMatrix_ComputesSpectralRadiusAndLeontiefInverse()
    {
        var matrix = Matrices.HaimesJiang2001();

        matrix.SpectralRadius.ShouldBe(0.4, 1e-12);
        var l = matrix.LeontiefInverse();
        l[0][1].ShouldBe(0.8 / 0.84, 1e-12);
        l[1][1].ShouldBe(1 / 0.84, 1e-12);
    }

    [Fact]
    public void Create_NegativeCoefficient_NamesRowAndColumnInKeyAndWords()
    {
        var rows = Zeros(7);
        rows[2][5] = -0.1;

        var reasons = Matrices.Field(Create(Seven, rows), "matrix[2][5]");

        reasons.Single().ShouldContain("Row 3 (electricity), column 6 (water)");
        reasons.Single().ShouldContain("negative");
    }

    [Fact]
    public void Create_CoefficientAboveOne_NamesThePlace()
    {
        var rows = Zeros(2);
        rows[1][0] = 1.2;

        Matrices.Field(Create(["a", "b"], rows), "matrix[1][0]").Single().ShouldContain("at most 1");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_NonFiniteCoefficient_NamesThePlace(double value)
    {
        var rows = Zeros(2);
        rows[0][1] = value;

        Matrices.Field(Create(["a", "b"], rows), "matrix[0][1]").Single().ShouldContain("finite");
    }

    [Fact]
    public void Create_RowAddingUpToMoreThanOne_NamesTheRow()
    {
        Matrices.Field(Create(["a", "b", "c"], [[0, 0.6, 0.6], [0, 0, 0], [0, 0, 0]]), "matrix[0]").Single().ShouldContain("add up to 1.2");
    }

    [Fact]
    public void Create_FewerRowsThanSectors_SaysItMustBeSquare()
    {
        Matrices.Field(Create(["a", "b"], [[0, 0]]), "matrix").Single().ShouldContain("square");
    }

    [Fact]
    public void Create_RaggedRow_NamesTheRow()
    {
        Matrices.Field(Create(["a", "b"], [[0, 0], [0]]), "matrix[1]").Single().ShouldContain("Row 2 (b) has 1 coefficients");
    }

    [Fact]
    public void Create_LoopWithRowSumsOfOne_IsUnstableWithItsRadius()
    {
        var reason = Matrices.Field(Create(["a", "b"], [[0, 1], [1, 0]]), "matrix").Single();

        reason.ShouldContain("unstable");
        reason.ShouldContain("spectral radius is 1");
    }

    [Fact]
    public void Create_SelfDependencyOfOne_IsUnstable()
    {
        Matrices.Field(Create(["a"], [[1]]), "matrix").Single().ShouldContain("unstable");
    }

    [Fact]
    public void Create_DuplicateSector_NamesTheSecond()
    {
        Matrices.Field(Create(["a", "a"], Zeros(2)), "sectors[1]").Single().ShouldContain("twice");
    }

    [Fact]
    public void Create_UnknownSectorCode_NamesTheSector()
    {
        Matrices.Field(Create(["telecom", "power"], Zeros(2), SectorCodes.Known), "sectors[1]").Single().ShouldContain("'power'");
    }

    [Fact]
    public void Create_MalformedSectorCode_NamesTheSector()
    {
        Matrices.Field(Create(["Tele com"], Zeros(1)), "sectors[0]").ShouldNotBeEmpty();
    }

    [Fact]
    public void Create_TooManySectors_SaysTheLimit()
    {
        var sectors = Enumerable.Range(0, 201).Select(i => $"s{i}").ToArray();

        Matrices.Field(Create(sectors, Zeros(201)), "sectors").Single().ShouldContain("at most 200");
    }

    [Fact]
    public void Create_OutputsOfWrongLengthAndNegativeRecoveryTime_NameBoth()
    {
        var problem = SectorMatrix.Create(new SectorMatrixInput(["a", "b"], Zeros(2), Outputs: [1], RecoveryTimes: [5, -1])).Problem;

        Matrices.Field(problem, "outputs").ShouldNotBeEmpty();
        Matrices.Field(problem, "recoveryTimes[1]").Single().ShouldContain("2 (b)");
    }
}
