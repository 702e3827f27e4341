using System.Text.Json;

namespace Renkei.Reports;

public sealed record SeverityLevel(int Level, string NameJa, string NameEn, string Source);

/// <summary>
/// One alert level (警戒レベル): its name, and the lowest severity that raises the level to it.
/// <see cref="RenkeiOwn"/> says the seeds do not define it (they ask for alert levels, not which).
/// </summary>
public sealed record AlertLevel(int Level, string NameJa, string NameEn, int MinSeverity, string DescriptionJa, string DescriptionEn, bool RenkeiOwn, string Source);

/// <summary>
/// NISC's severity scale (深刻度, levels 0–4 with NISC's Japanese labels) and the alert levels tied
/// to it, both shipped as data files (<c>Data/severity-levels.json</c>, <c>Data/alert-levels.json</c>).
/// </summary>
public static class SeverityScale
{
    private sealed record SeverityFile(IReadOnlyList<SeverityLevel> Levels);

    private sealed record AlertFile(IReadOnlyList<AlertLevel> Levels);

    public static IReadOnlyList<SeverityLevel> Levels { get; } = LoadSeverity();

    public static IReadOnlyList<AlertLevel> AlertLevels { get; } = LoadAlertLevels();

    public static SeverityLevel? Severity(int? level) => Levels.FirstOrDefault(l => l.Level == level);

    public static AlertLevel? Alert(int? level) => AlertLevels.FirstOrDefault(l => l.Level == level);

    /// <summary>The lowest alert level: nothing open, or nothing open above its severity.</summary>
    public static AlertLevel Normal => AlertLevels[0];

    /// <summary>The alert level a severity calls for: the highest level whose minimum it reaches.</summary>
    public static AlertLevel ForSeverity(int? severity) =>
        severity is { } s ? AlertLevels.Last(l => l.MinSeverity <= s) : Normal;

    private static SeverityLevel[] LoadSeverity()
    {
        var levels = Read<SeverityFile>("severity-levels.json").Levels.OrderBy(l => l.Level).ToArray();
        if (!levels.Select(l => l.Level).SequenceEqual(Enumerable.Range(0, 5)))
        {
            throw new InvalidDataException("severity-levels.json must list levels 0 to 4 once each.");
        }
        return levels;
    }

    private static AlertLevel[] LoadAlertLevels()
    {
        var levels = Read<AlertFile>("alert-levels.json").Levels.OrderBy(l => l.Level).ToArray();
        if (levels.Length == 0 || levels[0].MinSeverity != 0)
        {
            throw new InvalidDataException("alert-levels.json: the lowest alert level must start at severity 0.");
        }
        for (var i = 1; i < levels.Length; i++)
        {
            if (levels[i].Level == levels[i - 1].Level || levels[i].MinSeverity <= levels[i - 1].MinSeverity || levels[i].MinSeverity > 4)
            {
                throw new InvalidDataException("alert-levels.json: each higher alert level must start at a higher severity (0–4).");
            }
        }
        return levels;
    }

    private static T Read<T>(string name)
    {
        using var stream = typeof(SeverityScale).Assembly.GetManifestResourceStream("Renkei.Reports." + name)
            ?? throw new InvalidDataException($"{name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, ReportJson.Options) ?? throw new InvalidDataException($"{name} is empty.");
    }
}
