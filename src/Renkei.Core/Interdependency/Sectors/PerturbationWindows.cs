using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>Validated perturbation windows, answering c*(t) for a step.</summary>
internal sealed class PerturbationWindows
{
    private readonly (int Sector, double Value, int From, int To)[] _windows;

    private PerturbationWindows((int, double, int, int)[] windows) => _windows = windows;

    /// <summary>Writes c*(t) into <paramref name="c"/>.</summary>
    public void At(int step, double[] c)
    {
        Array.Clear(c);
        foreach (var (sector, value, from, to) in _windows)
        {
            if (step >= from && step <= to)
            {
                c[sector] = value;
            }
        }
    }

    public static PerturbationWindows? Check(SectorMatrix matrix, IReadOnlyList<PerturbationWindow>? windows, int steps, SectorErrors errors)
    {
        windows ??= [];
        if (windows.Count > StaticModel.MaxPerturbations)
        {
            errors.Add("perturbations", Text.T("There are {0} entries; at most {1} are allowed.", windows.Count, StaticModel.MaxPerturbations));
            return null;
        }
        var valid = new List<(int Sector, double Value, int From, int To)>();
        var indexOf = new List<int>();
        for (var k = 0; k < windows.Count; k++)
        {
            var field = $"perturbations[{k}]";
            var w = windows[k];
            if (w is null)
            {
                errors.Add(field, Text.T("The entry is empty."));
                continue;
            }
            var i = ScenarioChecks.Sector(matrix, w.Sector, field, errors);
            var ok = ScenarioChecks.Fraction(w.Value, $"{field}.value", errors) & i >= 0;
            if (w.From < 0 || w.From >= steps)
            {
                errors.Add($"{field}.from", Text.T("The first step must be between 0 and {0}, the last step ({1}).", steps - 1, w.From));
                ok = false;
            }
            if (w.To < w.From || w.To >= steps)
            {
                errors.Add($"{field}.to", Text.T("The last step must be between the first step and {0}, the last step ({1}).", steps - 1, w.To));
                ok = false;
            }
            if (!ok)
            {
                continue;
            }
            var clash = valid.FindIndex(v => v.Sector == i && v.From <= w.To && w.From <= v.To);
            if (clash >= 0)
            {
                errors.Add(field, Text.T("Perturbation of sector {0} overlaps perturbation {1} of the same sector; give each sector one value per step.", SectorErrors.Name(matrix.Sectors, i), indexOf[clash]));
                continue;
            }
            valid.Add((i, w.Value, w.From, w.To));
            indexOf.Add(k);
        }
        return errors.Any ? null : new PerturbationWindows([.. valid]);
    }
}
