using System.Text.RegularExpressions;
using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// A validated, stable interdependency matrix A* with its sectors: every coefficient in [0, 1],
/// every row summing to at most 1, spectral radius below 1. Immutable; the Leontief inverse
/// (I − A*)⁻¹ is computed once, so repeated scenarios on one matrix cost a matrix–vector product.
/// </summary>
public sealed partial class SectorMatrix
{
    public const int MaxSectors = 200;

    /// <summary>Room for rounding when a row is written as decimals that should add up to exactly 1.</summary>
    private const double RowSumTolerance = 1e-9;

    private readonly double[,] _a;
    private readonly Lazy<double[,]> _leontief;

    private SectorMatrix(SectorMatrixInput input, double[,] a, double spectralRadius)
    {
        Input = input;
        _a = a;
        SpectralRadius = spectralRadius;
        _leontief = new Lazy<double[,]>(() => MatrixMath.LeontiefInverse(_a));
    }

    /// <summary>The input it was built from: serialise it to copy the matrix, edit it, and create again.</summary>
    public SectorMatrixInput Input { get; }

    public IReadOnlyList<string> Sectors => Input.Sectors;

    public int Count => Input.Sectors.Count;

    /// <summary>ρ(A*), the largest eigenvalue modulus; below 1 by construction.</summary>
    public double SpectralRadius { get; }

    /// <summary>a*ᵢⱼ: how much sector <paramref name="row"/> depends on sector <paramref name="column"/>.</summary>
    public double this[int row, int column] => _a[row, column];

    /// <summary>The position of a sector code, or -1.</summary>
    public int IndexOf(string sector)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(Sectors[i], sector, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>(I − A*)⁻¹, the total (direct and indirect) interdependency.</summary>
    public double[][] LeontiefInverse() => MatrixMath.ToRows(_leontief.Value);

    internal double[,] A => _a;

    internal double[,] L => _leontief.Value;

    /// <summary>
    /// Validates a matrix. <paramref name="knownSectors"/>, when given, is the list sector codes must
    /// come from (the API and CLI pass <see cref="SectorCodes.Known"/>); without it any code of lower-case
    /// letters, digits and hyphens is accepted (literature examples, what-if sectors).
    /// </summary>
    public static Result<SectorMatrix> Create(SectorMatrixInput input, IReadOnlySet<string>? knownSectors = null)
    {
        var errors = new SectorErrors();
        var sectors = input.Sectors ?? [];
        var n = sectors.Count;
        CheckSectors(sectors, knownSectors, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var a = CheckCoefficients(sectors, input.Matrix ?? [], errors);
        CheckPerSector(sectors, input.Outputs, "outputs", positiveOnly: false, errors);
        CheckPerSector(sectors, input.RecoveryTimes, "recoveryTimes", positiveOnly: true, errors);
        if (input.Labels is { } labels && labels.Count != n)
        {
            errors.Add("labels", Text.T("There are {0} labels for {1} sectors; give one label per sector, in the same order.", labels.Count, n));
        }
        if (errors.Any || a is null)
        {
            return errors.ToProblem();
        }
        var rho = MatrixMath.SpectralRadius(a);
        if (!(rho < 1))
        {
            errors.Add("matrix", Text.T("The matrix is unstable: its spectral radius is {0}, and it must be below 1. Inoperability would grow without bound; lower the coefficients of the sectors that depend on each other in a loop.", Math.Round(rho, 6)));
            return errors.ToProblem();
        }
        return new SectorMatrix(input with { Sectors = [.. sectors], Matrix = MatrixMath.ToRows(a) }, a, rho);
    }

    private static void CheckSectors(IReadOnlyList<string> sectors, IReadOnlySet<string>? known, SectorErrors errors)
    {
        if (sectors.Count == 0)
        {
            errors.Add("sectors", Text.T("Give at least one sector."));
            return;
        }
        if (sectors.Count > MaxSectors)
        {
            errors.Add("sectors", Text.T("There are {0} sectors; at most {1} are allowed.", sectors.Count, MaxSectors));
            return;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sectors.Count; i++)
        {
            var code = sectors[i];
            var field = $"sectors[{i}]";
            if (string.IsNullOrEmpty(code) || !CodePattern().IsMatch(code))
            {
                errors.Add(field, Text.T("Sector {0}: '{1}' is not a sector code (lower-case letters, digits and hyphens).", i + 1, code ?? ""));
            }
            else if (known is not null && !known.Contains(code))
            {
                errors.Add(field, Text.T("Sector {0}: '{1}' is not a known sector code.", i + 1, code));
            }
            else if (seen.TryGetValue(code, out var first))
            {
                errors.Add(field, Text.T("Sector {0}: '{1}' is listed twice (also sector {2}).", i + 1, code, first + 1));
            }
            else
            {
                seen[code] = i;
            }
        }
    }

    private static double[,]? CheckCoefficients(IReadOnlyList<string> sectors, IReadOnlyList<IReadOnlyList<double>> rows, SectorErrors errors)
    {
        var n = sectors.Count;
        if (rows.Count != n)
        {
            errors.Add("matrix", Text.T("The matrix has {0} rows for {1} sectors; it must be square, one row and one column per sector.", rows.Count, n));
            return null;
        }
        var a = new double[n, n];
        var ok = true;
        for (var i = 0; i < n && !errors.Full; i++)
        {
            var row = rows[i] ?? [];
            if (row.Count != n)
            {
                errors.Add($"matrix[{i}]", Text.T("Row {0} has {1} coefficients; it must have {2}, one per sector.", SectorErrors.Name(sectors, i), row.Count, n));
                ok = false;
                continue;
            }
            var sum = 0.0;
            var rowOk = true;
            for (var j = 0; j < n; j++)
            {
                var v = row[j];
                var field = $"matrix[{i}][{j}]";
                string? reason = null;
                if (!double.IsFinite(v))
                {
                    reason = Text.T("Row {0}, column {1}: the coefficient must be a finite number.", SectorErrors.Name(sectors, i), SectorErrors.Name(sectors, j));
                }
                else if (v < 0)
                {
                    reason = Text.T("Row {0}, column {1}: coefficients must not be negative ({2}).", SectorErrors.Name(sectors, i), SectorErrors.Name(sectors, j), v);
                }
                else if (v > 1)
                {
                    reason = Text.T("Row {0}, column {1}: coefficients must be at most 1 ({2}); a sector cannot lose more operability than the sector it depends on.", SectorErrors.Name(sectors, i), SectorErrors.Name(sectors, j), v);
                }
                if (reason is not null)
                {
                    errors.Add(field, reason);
                    rowOk = false;
                    continue;
                }
                a[i, j] = v;
                sum += v;
            }
            if (rowOk && sum > 1 + RowSumTolerance)
            {
                errors.Add($"matrix[{i}]", Text.T("Row {0}: the coefficients add up to {1}; they must add up to at most 1, as a sector cannot lose more than all of its operability.", SectorErrors.Name(sectors, i), Math.Round(sum, 6)));
            }
            ok &= rowOk;
        }
        return ok ? a : null;
    }

    private static void CheckPerSector(IReadOnlyList<string> sectors, IReadOnlyList<double>? values, string field, bool positiveOnly, SectorErrors errors)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count != sectors.Count)
        {
            errors.Add(field, Text.T("There are {0} values for {1} sectors; give one per sector, in the same order.", values.Count, sectors.Count));
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v) || v < 0 || (positiveOnly && v == 0))
            {
                errors.Add($"{field}[{i}]", positiveOnly
                    ? Text.T("Sector {0}: the value must be a number above 0 ({1}).", SectorErrors.Name(sectors, i), v)
                    : Text.T("Sector {0}: the value must be a number of at least 0 ({1}).", SectorErrors.Name(sectors, i), v));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();
}
