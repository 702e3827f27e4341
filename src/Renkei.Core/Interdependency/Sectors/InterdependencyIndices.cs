using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// One sector's indices, after Setola, De Porcellinis &amp; Sforna (2009): the dependency index is the
/// mean of its row without the diagonal (how much it depends on the others), the influence index the
/// mean of its column without the diagonal (how much the others depend on it). "Direct" uses A*;
/// "total" uses (I − A*)⁻¹, so indirect paths of every order count too.
/// </summary>
public sealed record SectorIndex(string Sector, double DirectDependency, double DirectInfluence, double TotalDependency, double TotalInfluence);

/// <summary>Dependency and influence indices, and n-th-order interdependency.</summary>
public static class InterdependencyIndices
{
    public const int MaxOrder = 100;

    /// <summary>The indices of every sector, in the matrix's order; all 0 for a one-sector matrix.</summary>
    public static IReadOnlyList<SectorIndex> Compute(SectorMatrix matrix)
    {
        var n = matrix.Count;
        var a = matrix.A;
        var l = matrix.L;
        var divisor = Math.Max(1, n - 1);
        var result = new SectorIndex[n];
        for (var i = 0; i < n; i++)
        {
            double rowA = 0, colA = 0, rowL = 0, colL = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }
                rowA += a[i, j];
                colA += a[j, i];
                rowL += l[i, j];
                colL += l[j, i];
            }
            result[i] = new SectorIndex(matrix.Sectors[i], rowA / divisor, colA / divisor, rowL / divisor, colL / divisor);
        }
        return result;
    }

    /// <summary>A*ⁿ: entry (i, j) is how much of sector j's inoperability reaches sector i through exactly n links.</summary>
    public static Result<double[][]> Power(SectorMatrix matrix, int order) =>
        Orders(matrix, order, cumulative: false);

    /// <summary>A* + A*² + … + A*ⁿ: the reach through at most n links; tends to (I − A*)⁻¹ − I as n grows.</summary>
    public static Result<double[][]> Cumulative(SectorMatrix matrix, int order) =>
        Orders(matrix, order, cumulative: true);

    private static Result<double[][]> Orders(SectorMatrix matrix, int order, bool cumulative)
    {
        if (order is < 1 or > MaxOrder)
        {
            return Problem.Invalid("order", Text.T("The order must be between 1 and {0} ({1}).", MaxOrder, order));
        }
        var power = matrix.A;
        var sum = (double[,])power.Clone();
        for (var k = 2; k <= order; k++)
        {
            power = MatrixMath.Multiply(power, matrix.A);
            if (cumulative)
            {
                for (var i = 0; i < matrix.Count; i++)
                {
                    for (var j = 0; j < matrix.Count; j++)
                    {
                        sum[i, j] += power[i, j];
                    }
                }
            }
        }
        return MatrixMath.ToRows(cumulative ? sum : power);
    }
}
