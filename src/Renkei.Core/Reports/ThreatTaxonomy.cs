using System.Text.Json;

namespace Renkei.Reports;

/// <summary>
/// One term of the taxonomy. <paramref name="Responder"/> (examples only): "society" for threats
/// society as a whole should handle, "operator" for those the operator handles itself.
/// <paramref name="RenkeiOwn"/>: Renkei added the term; the seeds do not name it.
/// <paramref name="Seed"/>: where the seeds name it (file:lines).
/// </summary>
public sealed record ThreatTerm(string Code, string NameJa, string NameEn, string? Responder = null, bool RenkeiOwn = false, string? Seed = null);

/// <summary>
/// A threat category. <paramref name="Grouping"/>: "received" (自ら受ける脅威) or
/// "caused_to_others" (他に与える脅威).
/// </summary>
public sealed record ThreatCategory(string Code, string NameJa, string NameEn, IReadOnlyList<ThreatTerm> Subtypes, IReadOnlyList<ThreatTerm> Examples,
    string Grouping = "received", bool RenkeiOwn = false, string? Seed = null);

/// <summary>A dimension value of the taxonomy (a grouping or a responder) with its names.</summary>
public sealed record ThreatDimension(string Code, string NameJa, string NameEn, string? Seed = null);

/// <summary>A grouping of categories: threats the operator receives, or causes to others.</summary>
public sealed record ThreatGroupingView(string Code, string NameJa, string NameEn, IReadOnlyList<string> Categories, string? Seed);

/// <summary>
/// The seeds' threat taxonomy (seed 002: intentional causes such as cyber attack, unintentional
/// causes, disaster or disease — threats the operator receives — and spill-over to other sectors,
/// the threat it causes to others), with sub-types and examples by responder (society-wide or the
/// operator), shipped as a data file. Reports store the codes.
/// </summary>
public sealed class ThreatTaxonomy
{
    private sealed record File(IReadOnlyList<ThreatDimension> Groupings, IReadOnlyList<ThreatDimension> Responders, IReadOnlyList<ThreatCategory> Categories);

    public static ThreatTaxonomy Instance { get; } = Load();

    private ThreatTaxonomy(File file)
    {
        Categories = file.Categories;
        Responders = file.Responders;
        Groupings = file.Groupings.Select(g => new ThreatGroupingView(g.Code, g.NameJa, g.NameEn,
            file.Categories.Where(c => c.Grouping == g.Code).Select(c => c.Code).ToList(), g.Seed)).ToList();
    }

    public IReadOnlyList<ThreatCategory> Categories { get; }

    public IReadOnlyList<ThreatGroupingView> Groupings { get; }

    public IReadOnlyList<ThreatDimension> Responders { get; }

    public ThreatCategory? Category(string? code) => Categories.FirstOrDefault(c => c.Code == code);

    public ThreatDimension? Responder(string? code) => Responders.FirstOrDefault(r => r.Code == code);

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
        if (file.Categories.FirstOrDefault(c => file.Groupings.All(g => g.Code != c.Grouping)) is { } ungrouped)
        {
            throw new InvalidDataException($"threats.json: category '{ungrouped.Code}' has an unknown grouping '{ungrouped.Grouping}'.");
        }
        var examples = file.Categories.SelectMany(c => c.Examples).ToList();
        if (examples.FirstOrDefault(e => file.Responders.All(r => r.Code != e.Responder)) is { } unassigned)
        {
            throw new InvalidDataException($"threats.json: example '{unassigned.Code}' has no known responder.");
        }
        if (file.Categories.SelectMany(c => c.Subtypes.Concat(c.Examples)).FirstOrDefault(t => !t.RenkeiOwn && string.IsNullOrWhiteSpace(t.Seed)) is { } uncited)
        {
            throw new InvalidDataException($"threats.json: '{uncited.Code}' cites no seed and is not marked as Renkei's own.");
        }
        return new ThreatTaxonomy(file);
    }
}
