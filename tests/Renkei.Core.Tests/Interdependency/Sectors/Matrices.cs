using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

/// <summary>Builds valid matrices for tests; fails the test when the matrix is refused.</summary>
internal static class Matrices
{
    public static SectorMatrix Of(string[] sectors, double[][] rows, double[]? outputs = null, double[]? recoveryTimes = null)
    {
        var result = SectorMatrix.Create(new SectorMatrixInput(sectors, rows, outputs, recoveryTimes));
        result.Problem.ShouldBeNull();
        return result.Value!;
    }

    /// <summary>Haimes &amp; Jiang (2001), two-sector example, as transcribed in stigrs/diim tests/test_case1.csv.</summary>
    public static SectorMatrix HaimesJiang2001() => Of(["s1", "s2"], [[0.0, 0.8], [0.2, 0.0]]);

    /// <summary>Lian &amp; Haimes (2006), the 2×2 economy, as transcribed in stigrs/diim tests/test_case10_amat.csv.</summary>
    public static SectorMatrix LianHaimes2006() => Of(["s1", "s2"], [[0.15, 0.50], [0.10, 0.05]]);

    public static string[] Field(Renkei.Common.Problem? problem, string key)
    {
        problem.ShouldNotBeNull();
        problem.Errors.ShouldNotBeNull();
        problem.Errors.Keys.ShouldContain(key);
        return problem.Errors[key];
    }
}
