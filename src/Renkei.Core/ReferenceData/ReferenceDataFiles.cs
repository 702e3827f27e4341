using System.Text.Json;
using System.Text.Json.Serialization;
using Renkei.Common;
using Renkei.Directory;

namespace Renkei.ReferenceData;

/// <summary>
/// The reference data shipped in the repository (<c>src/Renkei.Core/ReferenceData/Data/*.json</c>):
/// sectors and business scopes, the ministries and related bodies, every CEPTOAR of the 2023 map
/// with its secretariat and member figures, and the councils, ISACs and other frameworks.
/// </summary>
public sealed record ReferenceDataFiles(
    IReadOnlyList<ReferenceDataFiles.SectorSeed> Sectors,
    IReadOnlyList<ReferenceDataFiles.OrganisationSeed> Organisations,
    IReadOnlyList<ReferenceDataFiles.CeptoarSeed> Ceptoars,
    DateOnly? FiguresAsOf,
    IReadOnlyList<ReferenceDataFiles.CommunitySeed> Communities)
{
    public sealed record ScopeSeed(string Code, string NameJa, string NameEn);
    public sealed record SectorSeed(string Code, string NameJa, string NameEn, string Ministry, IReadOnlyList<ScopeSeed> Scopes);
    public sealed record OrganisationSeed(string Code, OrganisationKind Kind, string NameJa, string NameEn, string? Sector, string? Scope, string? Website);
    public sealed record SecretariatSeed(string Organisation, string? Unit);
    public sealed record FigureSeed(int Count, MemberUnit Unit);
    public sealed record CeptoarSeed(
        string Code, string NameJa, string NameEn, string Sector, string? Scope,
        IReadOnlyList<SecretariatSeed> Secretariats, IReadOnlyList<FigureSeed> Figures,
        int? ExtraRecipients, string? ExtraRecipientsNoteJa, string? ExtraRecipientsNoteEn);
    public sealed record CommunitySeed(
        string Code, CommunityKind Kind, string NameJa, string NameEn, string? DescriptionJa, string? DescriptionEn,
        string? Secretariat, IReadOnlyList<string>? Members);

    private sealed record SectorsFile(IReadOnlyList<SectorSeed> Sectors);
    private sealed record OrganisationsFile(IReadOnlyList<OrganisationSeed> Organisations);
    private sealed record CeptoarsFile(DateOnly? FiguresAsOf, IReadOnlyList<CeptoarSeed> Ceptoars);
    private sealed record CommunitiesFile(IReadOnlyList<CommunitySeed> Communities);

    private sealed record SectorSetsFile(IReadOnlyList<SectorSet> Sets);

    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    /// <summary>The dated sector sets (sector-sets.json), oldest first.</summary>
    public IReadOnlyList<SectorSet> SectorSets { get; private init; } = [];

    /// <summary>The dated CEPTOAR maps (2016 from ceptoar-map-2016.json, 2023 from ceptoars.json), oldest first.</summary>
    public IReadOnlyList<CeptoarMap> CeptoarMaps { get; private init; } = [];

    private static readonly Lazy<ReferenceDataFiles> LoadedOnce = new(() => Load());

    /// <summary>The shipped files, loaded and validated once, for read-only use (sector sets, maps).</summary>
    public static ReferenceDataFiles Shipped => LoadedOnce.Value;

    /// <param name="sectorSetsJson">Replaces sector-sets.json (tests of the validation).</param>
    public static ReferenceDataFiles Load(string? sectorSetsJson = null)
    {
        var sectors = Read<SectorsFile>("sectors.json").Sectors;
        var organisations = Read<OrganisationsFile>("organisations.json").Organisations;
        var ceptoars = Read<CeptoarsFile>("ceptoars.json");
        var communities = Read<CommunitiesFile>("communities.json").Communities;
        var sets = sectorSetsJson is null ? Read<SectorSetsFile>("sector-sets.json").Sets
            : JsonSerializer.Deserialize<SectorSetsFile>(sectorSetsJson, Json)?.Sets ?? throw new InvalidDataException("Sector sets are empty.");
        var files = new ReferenceDataFiles(sectors, organisations, ceptoars.Ceptoars, ceptoars.FiguresAsOf, communities) { SectorSets = sets };
        files = files with { CeptoarMaps = [Read<CeptoarMap>("ceptoar-map-2016.json"), Renkei.ReferenceData.CeptoarMaps.From2023(files)] };
        files.Validate();
        return files;
    }

    /// <summary>Cross-file references must resolve; a typo in a data file fails start-up, not a query months later.</summary>
    private void Validate()
    {
        var errors = new List<string>();
        var orgs = Organisations.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        var sectorCodes = Sectors.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var scopes = Sectors.SelectMany(s => s.Scopes.Select(sc => (sc.Code, Sector: s.Code))).ToDictionary(x => x.Code, x => x.Sector, StringComparer.Ordinal);
        void Unique(string what, IEnumerable<string> codes)
        {
            foreach (var dup in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add($"{what} code '{dup.Key}' appears more than once");
            }
        }
        Unique("sector", Sectors.Select(s => s.Code));
        Unique("business scope", Sectors.SelectMany(s => s.Scopes).Select(s => s.Code));
        Unique("organisation", Organisations.Select(o => o.Code));
        Unique("CEPTOAR", Ceptoars.Select(c => c.Code));
        Unique("community", Communities.Select(c => c.Code));
        foreach (var s in Sectors.Where(s => !orgs.Contains(s.Ministry)))
        {
            errors.Add($"sector '{s.Code}' names unknown ministry '{s.Ministry}'");
        }
        foreach (var o in Organisations)
        {
            if (o.Sector is not null && !sectorCodes.Contains(o.Sector))
            {
                errors.Add($"organisation '{o.Code}' names unknown sector '{o.Sector}'");
            }
            if (o.Scope is not null && (!scopes.TryGetValue(o.Scope, out var sector) || sector != o.Sector))
            {
                errors.Add($"organisation '{o.Code}' names business scope '{o.Scope}', which is not in its sector");
            }
        }
        foreach (var c in Ceptoars)
        {
            if (!sectorCodes.Contains(c.Sector))
            {
                errors.Add($"CEPTOAR '{c.Code}' names unknown sector '{c.Sector}'");
            }
            if (c.Scope is not null && (!scopes.TryGetValue(c.Scope, out var sector) || sector != c.Sector))
            {
                errors.Add($"CEPTOAR '{c.Code}' names business scope '{c.Scope}', which is not in its sector");
            }
            errors.AddRange(c.Secretariats.Where(s => !orgs.Contains(s.Organisation)).Select(s => $"CEPTOAR '{c.Code}' names unknown secretariat '{s.Organisation}'"));
        }
        foreach (var c in Communities)
        {
            if (c.Secretariat is not null && !orgs.Contains(c.Secretariat))
            {
                errors.Add($"community '{c.Code}' names unknown secretariat '{c.Secretariat}'");
            }
            errors.AddRange((c.Members ?? []).Where(m => !orgs.Contains(m)).Select(m => $"community '{c.Code}' names unknown member '{m}'"));
        }
        errors.AddRange(Renkei.ReferenceData.SectorSets.Validate(SectorSets, Sectors.Select(s => s.Code).ToList()));
        foreach (var map in CeptoarMaps)
        {
            errors.AddRange(Renkei.ReferenceData.CeptoarMaps.Validate(map, this, SectorSets));
        }
        if (errors.Count > 0)
        {
            throw new InvalidDataException("Reference data files are inconsistent: " + string.Join("; ", errors));
        }
    }

    internal static T Read<T>(string name)
    {
        var resource = $"Renkei.ReferenceData.{name}";
        using var stream = typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"Reference data file {name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Reference data file {name} is empty.");
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    internal static string Canonical(object snapshot) => JsonSerializer.Serialize(snapshot, Json);

    internal static string Text<T>(T value) where T : struct, Enum => EnumText.ToText(value);
}
