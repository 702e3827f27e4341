using System.Collections.Frozen;
using System.Text.Json;

namespace Renkei.Interdependency.Sectors;

/// <summary>The sector codes of the reference data (<c>ReferenceData/Data/sectors.json</c>), in its order.</summary>
public static class SectorCodes
{
    private static readonly string[] Ordered = Load();

    /// <summary>The 15 critical-infrastructure sectors of Japan's action plan.</summary>
    public static IReadOnlyList<string> Japan => Ordered;

    /// <summary>The same codes as a set, for <see cref="SectorMatrix.Create"/>'s known-sector check.</summary>
    public static IReadOnlySet<string> Known { get; } = Ordered.ToFrozenSet(StringComparer.Ordinal);

    private sealed record Sector(string Code);

    private sealed record File(IReadOnlyList<Sector> Sectors);

    private static string[] Load()
    {
        using var stream = typeof(SectorCodes).Assembly.GetManifestResourceStream("Renkei.ReferenceData.sectors.json")
            ?? throw new InvalidDataException("sectors.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("sectors.json is empty.");
        return [.. file.Sectors.Select(s => s.Code)];
    }
}
