namespace Renkei.Interdependency.Sectors;

/// <summary>
/// An input-output table: <c>transactions[i][j]</c> = xᵢⱼ, what sector j buys from sector i in a
/// period; <c>outputs[j]</c> = xⱼ, sector j's total output in the same period and currency.
/// </summary>
public sealed record InputOutputTable(IReadOnlyList<string> Sectors, IReadOnlyList<IReadOnlyList<double>> Transactions, IReadOnlyList<double> Outputs);
