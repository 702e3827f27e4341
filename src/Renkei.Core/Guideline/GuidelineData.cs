using System.Text.Json;
using Renkei.Assessments;
using Renkei.Common;

namespace Renkei.Guideline;

/// <summary>What a coverage level counts as in the matrices' share covered.</summary>
public enum CoverageCount
{
    Covered,
    NotCovered,
    NotRequired,
}

/// <summary>One level of how a standards document takes up a guideline item (seed 002 l.1390-1432).</summary>
public sealed record CoverageLevel(string Code, string Counts, string LabelJa, string LabelEn, string Seed)
{
    public CoverageCount Count => EnumText.Parse<CoverageCount>(Counts);
}

/// <summary>A guideline version shipped as data.</summary>
public sealed record GuidelineRevisionData(int Version, string Kind, DateOnly PublishedOn, string NoteJa, string NoteEn, string? Seed, List<FrameworkItemDocument> Items);

public sealed record GuidelineFile(string Code, string TitleJa, string TitleEn, string? Seed, string LevelsNote, List<CoverageLevel> CoverageLevels, List<GuidelineRevisionData> Revisions);

/// <summary>
/// The guideline shipped as data (Guideline/Data/guideline-revisions.json): the framework's code
/// and title, the coverage levels and the versions the seeds describe.
/// </summary>
public static class GuidelineData
{
    public const string FrameworkCode = "nisc-guideline";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<GuidelineFile> Loaded = new(Load);

    public static GuidelineFile File => Loaded.Value;

    public static IReadOnlyList<CoverageLevel> Levels => File.CoverageLevels;

    public static CoverageLevel? Level(string? code) => File.CoverageLevels.FirstOrDefault(l => l.Code == code);

    private static GuidelineFile Load()
    {
        const string name = "guideline-revisions.json";
        using var stream = typeof(GuidelineData).Assembly.GetManifestResourceStream($"Renkei.Guideline.{name}")
            ?? throw new InvalidDataException($"{name} is not embedded.");
        var file = JsonSerializer.Deserialize<GuidelineFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{name} is empty.");
        if (file.Code != FrameworkCode)
        {
            throw new InvalidDataException($"{name}: the framework code is '{file.Code}', not '{FrameworkCode}'.");
        }
        foreach (var level in file.CoverageLevels)
        {
            if (!EnumText.TryParse<CoverageCount>(level.Counts, out _) || string.IsNullOrWhiteSpace(level.LabelJa) || string.IsNullOrWhiteSpace(level.LabelEn) || level.Code.Length > 40)
            {
                throw new InvalidDataException($"{name}: coverage level '{level.Code}' needs counts (covered, not_covered, not_required), both labels and a code of at most 40 characters.");
            }
        }
        if (file.CoverageLevels.GroupBy(l => l.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{name}: coverage level '{twice.Key}' appears twice.");
        }
        for (var i = 0; i < file.Revisions.Count; i++)
        {
            if (file.Revisions[i].Version != i + 1 || !EnumText.TryParse<RevisionKind>(file.Revisions[i].Kind, out _))
            {
                throw new InvalidDataException($"{name}: revision {i + 1} needs version {i + 1} and a kind (initial, revision, addendum).");
            }
        }
        return file;
    }

    /// <summary>The framework document of a shipped version.</summary>
    public static FrameworkDocument Document(GuidelineRevisionData r) => new()
    {
        Code = File.Code,
        Version = r.Version,
        TitleJa = File.TitleJa,
        TitleEn = File.TitleEn,
        Kind = EnumText.ToText(FrameworkKind.Guideline),
        Seed = r.Seed,
        Items = r.Items,
    };
}
