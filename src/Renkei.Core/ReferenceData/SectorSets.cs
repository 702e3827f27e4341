namespace Renkei.ReferenceData;

/// <summary>How a report filed under a later sector code is counted in an older set (airports under aviation before the split).</summary>
public sealed record SectorMapping(string From, string To, string Source);

/// <summary>
/// One dated CI sector list of the action plans (sector-sets.json): it applies from
/// <see cref="FromFiscalYear"/> until the next set's start.
/// </summary>
public sealed record SectorSet(
    string Code, int FromFiscalYear, string PlanJa, string PlanEn, string Source, string NoteJa, string NoteEn,
    IReadOnlyList<string> Sectors, IReadOnlyList<SectorMapping> Mapped)
{
    /// <summary>The sector of this set a report filed under <paramref name="sectorCode"/> counts under; null when the sector did not exist then.</summary>
    public string? SectorFor(string sectorCode) =>
        Sectors.Contains(sectorCode, StringComparer.Ordinal) ? sectorCode : Mapped.FirstOrDefault(m => m.From == sectorCode)?.To;
}

/// <summary>The dated sector sets, oldest first, validated against sectors.json at start (see <see cref="ReferenceDataFiles.Load"/>).</summary>
public static class SectorSets
{
    public static IReadOnlyList<SectorSet> All => ReferenceDataFiles.Shipped.SectorSets;

    /// <summary>The set the current sectors form (the newest).</summary>
    public static SectorSet Current => All[^1];

    public static SectorSet? ByCode(string code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>The set in force in a fiscal year; years before the first set use the first set.</summary>
    public static SectorSet For(int fiscalYear) => All.LastOrDefault(s => s.FromFiscalYear <= fiscalYear) ?? All[0];

    /// <summary>
    /// Problems with the sets: unknown sector codes, mappings that do not lead into the set, years
    /// out of order, and a newest set that differs from today's sectors (the current year's
    /// statistics would then drop sectors people can file under).
    /// </summary>
    public static List<string> Validate(IReadOnlyList<SectorSet> sets, IReadOnlyList<string> sectorCodes)
    {
        var errors = new List<string>();
        var known = sectorCodes.ToHashSet(StringComparer.Ordinal);
        if (sets.Count == 0)
        {
            return ["no sector set is defined"];
        }
        foreach (var dup in sets.GroupBy(s => s.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"sector set code '{dup.Key}' appears more than once");
        }
        for (var i = 1; i < sets.Count; i++)
        {
            if (sets[i].FromFiscalYear <= sets[i - 1].FromFiscalYear)
            {
                errors.Add($"sector set '{sets[i].Code}' starts in fiscal year {sets[i].FromFiscalYear}, not after set '{sets[i - 1].Code}'");
            }
        }
        foreach (var set in sets)
        {
            errors.AddRange(set.Sectors.Where(c => !known.Contains(c)).Select(c => $"sector set '{set.Code}' names unknown sector '{c}'"));
            errors.AddRange(set.Sectors.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"sector set '{set.Code}' lists sector '{g.Key}' twice"));
            foreach (var m in set.Mapped)
            {
                if (!known.Contains(m.From))
                {
                    errors.Add($"sector set '{set.Code}' maps unknown sector '{m.From}'");
                }
                else if (set.Sectors.Contains(m.From, StringComparer.Ordinal))
                {
                    errors.Add($"sector set '{set.Code}' maps sector '{m.From}', which is in the set");
                }
                if (!set.Sectors.Contains(m.To, StringComparer.Ordinal))
                {
                    errors.Add($"sector set '{set.Code}' maps '{m.From}' to '{m.To}', which is not in the set");
                }
            }
        }
        if (!sets[^1].Sectors.Order(StringComparer.Ordinal).SequenceEqual(sectorCodes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            errors.Add($"the newest sector set '{sets[^1].Code}' does not list exactly the sectors of sectors.json");
        }
        return errors;
    }
}

/// <summary>A sector set as served: <see cref="ToFiscalYear"/> is the last fiscal year it applies to, null for the current set.</summary>
public sealed record SectorSetView(
    string Code, int FromFiscalYear, int? ToFiscalYear, string PlanJa, string PlanEn, string Source, string NoteJa, string NoteEn,
    IReadOnlyList<string> Sectors, IReadOnlyList<SectorMapping> Mapped);
