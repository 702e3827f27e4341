using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// Interdependency matrices from an input-output table. Technical coefficients aᵢⱼ = xᵢⱼ/xⱼ (Leontief).
/// Demand side (Santos &amp; Haimes 2004): A* = diag(x)⁻¹ A diag(x), so a*ᵢⱼ = xᵢⱼ/xᵢ — a fall in j's
/// demand reaches i in proportion to the share of i's output that j buys. Supply side (Ghosh, as in
/// Leung, Haimes &amp; Santos 2007): A*ˢ = Aᵀ, so a*ˢᵢⱼ = xⱼᵢ/xᵢ — a loss of supplier j's output reaches
/// i in proportion to the share of i's inputs (per unit of output) that j supplies.
/// </summary>
public static class Leontief
{
    public static Result<double[][]> TechnicalCoefficients(InputOutputTable table)
    {
        var x = Check(table);
        return x.Ok ? MatrixMath.ToRows(Build(table, x.Value!, (t, o, i, j) => t[i][j] / o[j])) : x.Problem!;
    }

    public static Result<SectorMatrix> DemandSide(InputOutputTable table, IReadOnlySet<string>? knownSectors = null) =>
        Derive(table, knownSectors, (t, o, i, j) => t[i][j] / o[i]);

    public static Result<SectorMatrix> SupplySide(InputOutputTable table, IReadOnlySet<string>? knownSectors = null) =>
        Derive(table, knownSectors, (t, o, i, j) => t[j][i] / o[i]);

    private static Result<SectorMatrix> Derive(InputOutputTable table, IReadOnlySet<string>? knownSectors, Func<IReadOnlyList<IReadOnlyList<double>>, IReadOnlyList<double>, int, int, double> entry)
    {
        var x = Check(table);
        if (!x.Ok)
        {
            return x.Problem!;
        }
        var a = Build(table, x.Value!, entry);
        return SectorMatrix.Create(new SectorMatrixInput(table.Sectors, MatrixMath.ToRows(a), Outputs: [.. table.Outputs]), knownSectors);
    }

    private static double[,] Build(InputOutputTable table, double[] outputs, Func<IReadOnlyList<IReadOnlyList<double>>, IReadOnlyList<double>, int, int, double> entry)
    {
        var n = outputs.Length;
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i, j] = entry(table.Transactions, outputs, i, j);
            }
        }
        return a;
    }

    /// <summary>
    /// A consistent table: square, non-negative, positive outputs, and no sector selling more to other
    /// sectors (row) or buying more from them (column) than its total output — that would mean negative
    /// final demand or negative value added.
    /// </summary>
    private static Result<double[]> Check(InputOutputTable table)
    {
        var errors = new SectorErrors();
        var sectors = table.Sectors ?? [];
        var rows = table.Transactions ?? [];
        var outputs = table.Outputs ?? [];
        var n = sectors.Count;
        if (n is 0 or > SectorMatrix.MaxSectors)
        {
            errors.Add("sectors", Text.T("There are {0} sectors; between 1 and {1} are allowed.", n, SectorMatrix.MaxSectors));
            return errors.ToProblem();
        }
        if (rows.Count != n || rows.Any(r => r is null || r.Count != n))
        {
            errors.Add("transactions", Text.T("The transactions table must be square, one row and one column per sector ({0}).", n));
        }
        if (outputs.Count != n)
        {
            errors.Add("outputs", Text.T("There are {0} values for {1} sectors; give one per sector, in the same order.", outputs.Count, n));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        for (var j = 0; j < n; j++)
        {
            if (!double.IsFinite(outputs[j]) || outputs[j] <= 0)
            {
                errors.Add($"outputs[{j}]", Text.T("Sector {0}: the value must be a number above 0 ({1}).", SectorErrors.Name(sectors, j), outputs[j]));
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v = rows[i][j];
                if (!double.IsFinite(v) || v < 0)
                {
                    errors.Add($"transactions[{i}][{j}]", Text.T("Row {0}, column {1}: a transaction must be a number of at least 0 ({2}).", SectorErrors.Name(sectors, i), SectorErrors.Name(sectors, j), v));
                }
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        for (var i = 0; i < n; i++)
        {
            var sold = rows[i].Sum();
            var bought = rows.Sum(r => r[i]);
            if (sold > outputs[i] * (1 + 1e-9))
            {
                errors.Add($"transactions[{i}]", Text.T("Row {0}: the sector sells {1} to other sectors, more than its total output {2}.", SectorErrors.Name(sectors, i), sold, outputs[i]));
            }
            if (bought > outputs[i] * (1 + 1e-9))
            {
                errors.Add($"outputs[{i}]", Text.T("Column {0}: the sector buys {1} from other sectors, more than its total output {2}.", SectorErrors.Name(sectors, i), bought, outputs[i]));
            }
        }
        return errors.Any ? errors.ToProblem() : outputs.ToArray();
    }
}
