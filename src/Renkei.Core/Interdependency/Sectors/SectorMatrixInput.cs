namespace Renkei.Interdependency.Sectors;

/// <summary>
/// An interdependency matrix as people write it (the JSON document of <see cref="SectorMatrixDocument"/>,
/// camelCase): <c>matrix[i][j]</c> is a*ᵢⱼ, how much sector i's inoperability follows sector j's
/// (row i depends on column j). Optional, one entry per sector in the same order: <c>outputs</c>
/// (output per time unit, for economic loss), <c>recoveryTimes</c> (Tᵢ in time units, default K for
/// the dynamic model) and <c>labels</c> (display names).
/// </summary>
public sealed record SectorMatrixInput(
    IReadOnlyList<string> Sectors,
    IReadOnlyList<IReadOnlyList<double>> Matrix,
    IReadOnlyList<double>? Outputs = null,
    IReadOnlyList<double>? RecoveryTimes = null,
    IReadOnlyList<string>? Labels = null,
    string? Name = null,
    int? Version = null,
    string? TimeUnit = null);
