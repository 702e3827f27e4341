using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>Checks shared by the static and dynamic scenarios: sector codes, duplicates, values in [0, 1].</summary>
internal static class ScenarioChecks
{
    /// <summary>The sector's index, or -1 after adding an error at <c>{field}.sector</c>.</summary>
    public static int Sector(SectorMatrix matrix, string? sector, string field, SectorErrors errors)
    {
        if (string.IsNullOrEmpty(sector))
        {
            errors.Add($"{field}.sector", Text.T("The sector is required."));
            return -1;
        }
        var index = matrix.IndexOf(sector);
        if (index < 0)
        {
            errors.Add($"{field}.sector", Text.T("'{0}' is not a sector of this matrix.", sector));
        }
        return index;
    }

    /// <summary>A value per sector from a list naming each sector at most once; unnamed sectors get 0.</summary>
    public static double[]? SectorValues(SectorMatrix matrix, IReadOnlyList<SectorValue>? values, string list, SectorErrors errors)
    {
        var result = new double[matrix.Count];
        values ??= [];
        if (values.Count > StaticModel.MaxPerturbations)
        {
            errors.Add(list, Text.T("There are {0} entries; at most {1} are allowed.", values.Count, StaticModel.MaxPerturbations));
            return null;
        }
        var seen = new Dictionary<int, int>();
        for (var k = 0; k < values.Count; k++)
        {
            var field = $"{list}[{k}]";
            var entry = values[k];
            if (entry is null)
            {
                errors.Add(field, Text.T("The entry is empty."));
                continue;
            }
            var i = Sector(matrix, entry.Sector, field, errors);
            if (i >= 0 && seen.TryGetValue(i, out var first))
            {
                errors.Add($"{field}.sector", Text.T("Sector {0} is already given in entry {1}; give each sector once.", SectorErrors.Name(matrix.Sectors, i), first));
            }
            else if (i >= 0)
            {
                seen[i] = k;
            }
            if (Fraction(entry.Value, $"{field}.value", errors) && i >= 0)
            {
                result[i] = entry.Value;
            }
        }
        return errors.Any ? null : result;
    }

    /// <summary>Inoperability and perturbations are fractions of normal operation.</summary>
    public static bool Fraction(double value, string field, SectorErrors errors)
    {
        if (double.IsFinite(value) && value is >= 0 and <= 1)
        {
            return true;
        }
        errors.Add(field, Text.T("The value must be between 0 and 1 ({0}).", value));
        return false;
    }
}
