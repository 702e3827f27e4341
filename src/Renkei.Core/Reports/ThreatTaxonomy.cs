using System.Text.Json;

namespace Renkei.Reports;

public sealed record ThreatTerm(string Code, string NameJa, string NameEn);

public sealed record ThreatCategory(string Code, string NameJa, string NameEn, IReadOnlyList<ThreatTerm> Subtypes, IReadOnlyList<ThreatTerm> Examples);

/// <summary>
/// The seeds' threat taxonomy (cyber attack, unintentional, disaster, spill-over; their sub-types
/// and concrete examples), shipped as a data file. Reports store the codes.
/// </summary>
public sealed class ThreatTaxonomy
{
    private sealed record File(IReadOnlyList<ThreatCategory> Categories);

    public static ThreatTaxonomy Instance { get; } = Load();

    private ThreatTaxonomy(IReadOnlyList<ThreatCategory> categories) => Categories = categories;

    public IReadOnlyList<ThreatCategory> Categories { get; }

    public ThreatCategory? Category(string? code) => Categories.FirstOrDefault(c => c.Code == code);

    private static ThreatTaxonomy Load()
    {
        using var stream = typeof(ThreatTaxonomy).Assembly.GetManifestResourceStream("Renkei.Reports.threats.json")
            ?? throw new InvalidDataException("threats.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, ReportJson.Options)
            ?? throw new InvalidDataException("threats.json is empty.");
        var codes = file.Categories.Select(c => c.Code).ToList();
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            throw new InvalidDataException("threats.json repeats a category code.");
        }
        return new ThreatTaxonomy(file.Categories);
    }
}
