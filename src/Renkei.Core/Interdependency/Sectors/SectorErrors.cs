using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// Collects field errors under JSON-path keys (<c>matrix[2][5]</c>, <c>perturbations[1].sector</c>)
/// with reasons already translated by the caller's <c>Text.T</c>, so each message keeps its own key.
/// </summary>
internal sealed class SectorErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>Stops collecting after this many: a 200×200 matrix of text must not produce 40,000 messages.</summary>
    public const int Limit = 50;

    public bool Any => _errors.Count > 0;

    public bool Full => _errors.Count >= Limit;

    public void Add(string field, string reason)
    {
        if (_errors.TryGetValue(field, out var existing))
        {
            _errors[field] = [.. existing, reason];
        }
        else if (!Full)
        {
            _errors[field] = [reason];
        }
    }

    public Problem ToProblem() => Problem.Invalid(_errors);

    /// <summary>"3 (electricity)": the 1-based position people count in, with the sector code to name it.</summary>
    public static string Name(IReadOnlyList<string> sectors, int index) =>
        index < sectors.Count ? $"{index + 1} ({sectors[index]})" : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
