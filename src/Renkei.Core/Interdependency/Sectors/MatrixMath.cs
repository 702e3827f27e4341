using MathNet.Numerics.LinearAlgebra;

namespace Renkei.Interdependency.Sectors;

/// <summary>The few dense-matrix operations the sector model needs, on plain arrays.</summary>
internal static class MatrixMath
{
    /// <summary>
    /// ρ(A) from the full eigenvalue decomposition, not power iteration: interdependency matrices are
    /// often periodic (A = [[0, a], [b, 0]] has eigenvalues ±√(ab)), where power iteration oscillates.
    /// </summary>
    public static double SpectralRadius(double[,] a)
    {
        var evd = Matrix<double>.Build.DenseOfArray(a).Evd();
        return evd.EigenValues.Max(e => e.Magnitude);
    }

    /// <summary>(I − A)⁻¹; only called on matrices with ρ(A) &lt; 1, where it exists and is non-negative.</summary>
    public static double[,] LeontiefInverse(double[,] a)
    {
        var m = Matrix<double>.Build.DenseIdentity(a.GetLength(0)) - Matrix<double>.Build.DenseOfArray(a);
        return m.Inverse().ToArray();
    }

    public static double[,] Multiply(double[,] x, double[,] y)
    {
        var n = x.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                var xik = x[i, k];
                if (xik == 0)
                {
                    continue;
                }
                for (var j = 0; j < n; j++)
                {
                    result[i, j] += xik * y[k, j];
                }
            }
        }
        return result;
    }

    public static double[] Multiply(double[,] x, double[] v)
    {
        var n = x.GetLength(0);
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += x[i, j] * v[j];
            }
            result[i] = sum;
        }
        return result;
    }

    public static double[][] ToRows(double[,] a)
    {
        var rows = new double[a.GetLength(0)][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[a.GetLength(1)];
            for (var j = 0; j < rows[i].Length; j++)
            {
                rows[i][j] = a[i, j];
            }
        }
        return rows;
    }
}
