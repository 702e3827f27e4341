using Renkei.Directory;

namespace Renkei.ReferenceData;

/// <summary>A secretariat as printed on a map; <see cref="Organisation"/> links it to the directory where it is listed.</summary>
public sealed record CeptoarMapSecretariat(string? Organisation, string NameJa, string? NameEn, string? Unit);

/// <summary>One CEPTOAR on a dated map. <see cref="Ceptoar"/> is the stable code of the same CEPTOAR in today's directory.</summary>
public sealed record CeptoarMapEntry(
    string Ceptoar, string NameJa, string NameEn, string Sector, string? Scope, string? GroupJa, string? GroupEn,
    IReadOnlyList<CeptoarMapSecretariat> Secretariats, string MembersJa, string MembersEn,
    string? MembersEarlierJa, string? MembersEarlierEn, string? ExtraRecipientsJa, string? ExtraRecipientsEn, string? Source);

/// <summary>Recipients beyond the members as a map prints them (the 2016 map's figures lost their columns in the seed's text).</summary>
public sealed record CeptoarMapExtraRecipients(
    IReadOnlyList<string> FiguresJa, IReadOnlyList<string> FiguresEn, string NoteJa, string NoteEn, string? OthersJa, string? OthersEn, string Source);

/// <summary>
/// A CEPTOAR map (セプター特性把握マップ) as of its date: read-only reference data, not directory
/// records. The 2016 map comes from ceptoar-map-2016.json; the 2023 map is ceptoars.json as
/// shipped (the directory's CEPTOAR records start from it and may since have been edited).
/// </summary>
public sealed record CeptoarMap(
    int Year, DateOnly AsOf, DateOnly? EarlierFiguresAsOf, string SectorSet, string TitleJa, string TitleEn, string Source,
    IReadOnlyList<CeptoarMapEntry> Entries, CeptoarMapExtraRecipients? ExtraRecipients,
    string? SecretariatTransfersJa = null, string? SecretariatTransfersEn = null, string? SecretariatTransfersSource = null);

public static class CeptoarMaps
{
    public static IReadOnlyList<CeptoarMap> All => ReferenceDataFiles.Shipped.CeptoarMaps;

    public static CeptoarMap? For(int year) => All.FirstOrDefault(m => m.Year == year);

    /// <summary>The 2023 map, from the same seeds as the directory's CEPTOAR records.</summary>
    internal static CeptoarMap From2023(ReferenceDataFiles files)
    {
        var orgs = files.Organisations.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var entries = files.Ceptoars.Select(c => new CeptoarMapEntry(
            c.Code, c.NameJa, c.NameEn, c.Sector, c.Scope,
            c.Sector == "finance" ? "金融CEPTOAR連絡協議会" : null, c.Sector == "finance" ? "Financial CEPTOAR liaison council" : null,
            c.Secretariats.Select(s => new CeptoarMapSecretariat(s.Organisation, orgs[s.Organisation].NameJa, orgs[s.Organisation].NameEn, s.Unit)).ToList(),
            string.Join(" ", c.Figures.Select(f => Figure(f, ja: true))), string.Join(", ", c.Figures.Select(f => Figure(f, ja: false))),
            null, null, c.ExtraRecipientsNoteJa, c.ExtraRecipientsNoteEn, "seed 001 l.359–366")).ToList();
        return new CeptoarMap(2023, files.FiguresAsOf ?? new DateOnly(2023, 9, 30), null, "2023",
            "セプター特性把握マップ（2023年9月末日現在）", "CEPTOAR characteristics map (end of September 2023)",
            "seed 001 l.357–366 (2023年9月末日現在), as shipped in ceptoars.json", entries, null);
    }

    private static string Figure(ReferenceDataFiles.FigureSeed f, bool ja)
    {
        var n = f.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var (unitJa, one, many) = f.Unit switch
        {
            MemberUnit.Companies => ("社", "company", "companies"),
            MemberUnit.Bodies => ("団体", "body", "bodies"),
            MemberUnit.Institutions => ("機関", "institution", "institutions"),
            MemberUnit.Groups => ("グループ", "group", "groups"),
            MemberUnit.Prefectures => ("都道府県", "prefecture", "prefectures"),
            MemberUnit.Municipalities => ("市区町村", "municipality", "municipalities"),
            _ => ("水道事業体", "water utility", "water utilities"),
        };
        return ja ? n + unitJa : n + " " + (f.Count == 1 ? one : many);
    }

    /// <summary>Codes on a map must resolve: the stable CEPTOAR code, the sector (in the map's set), scope and secretariat.</summary>
    internal static List<string> Validate(CeptoarMap map, ReferenceDataFiles files, IReadOnlyList<SectorSet> sets)
    {
        var errors = new List<string>();
        var what = $"CEPTOAR map {map.Year}";
        var set = sets.FirstOrDefault(s => s.Code == map.SectorSet);
        if (set is null)
        {
            errors.Add($"{what} names unknown sector set '{map.SectorSet}'");
        }
        var ceptoars = files.Ceptoars.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var orgs = files.Organisations.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        var scopes = files.Sectors.SelectMany(s => s.Scopes.Select(sc => (sc.Code, Sector: s.Code))).ToDictionary(x => x.Code, x => x.Sector, StringComparer.Ordinal);
        foreach (var e in map.Entries)
        {
            if (!ceptoars.Contains(e.Ceptoar))
            {
                errors.Add($"{what} names unknown CEPTOAR '{e.Ceptoar}'");
            }
            if (set is not null && !set.Sectors.Contains(e.Sector, StringComparer.Ordinal))
            {
                errors.Add($"{what} puts CEPTOAR '{e.Ceptoar}' under sector '{e.Sector}', which is not in sector set '{set.Code}'");
            }
            if (e.Scope is not null && (!scopes.TryGetValue(e.Scope, out var sector) || sector != e.Sector))
            {
                errors.Add($"{what} names business scope '{e.Scope}' for CEPTOAR '{e.Ceptoar}', which is not in its sector");
            }
            errors.AddRange(e.Secretariats.Where(s => s.Organisation is not null && !orgs.Contains(s.Organisation))
                .Select(s => $"{what} names unknown secretariat '{s.Organisation}' for CEPTOAR '{e.Ceptoar}'"));
        }
        return errors;
    }
}
