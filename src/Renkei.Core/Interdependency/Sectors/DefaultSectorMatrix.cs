using System.Text.Json;
using System.Text.Json.Serialization;

namespace Renkei.Interdependency.Sectors;

/// <summary>Where a coefficient of the default matrix comes from.</summary>
public enum ProvenanceKind
{
    /// <summary>The dependency itself comes from the seeds (DOMAIN.md §4); its magnitude is still assumed.</summary>
    Seed,
    /// <summary>An editable assumption of the file.</summary>
    Assumption,
}

/// <summary>The provenance of one non-zero coefficient: row depends on column.</summary>
public sealed record CoefficientProvenance(string Row, string Column, ProvenanceKind Kind, string Why);

/// <summary>
/// The default 15-sector matrix for Japan (<c>Interdependency/Data/sector-matrix.json</c>, versioned),
/// with its provenance. Analysts copy <see cref="Matrix"/>'s <see cref="SectorMatrix.Input"/>, edit it
/// and create their own; the file itself is read with the same parser as theirs.
/// </summary>
public sealed class DefaultSectorMatrix
{
    private sealed record ProvenanceSection(string Summary, string Zeros, string RecoveryTimes, IReadOnlyList<CoefficientProvenance> Coefficients);

    private sealed record File(ProvenanceSection Provenance);

    private static readonly Lazy<DefaultSectorMatrix> Loaded = new(Load);

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private DefaultSectorMatrix(SectorMatrix matrix, ProvenanceSection provenance, string json)
    {
        Matrix = matrix;
        Summary = provenance.Summary;
        Coefficients = provenance.Coefficients;
        Json = json;
    }

    public static DefaultSectorMatrix Instance => Loaded.Value;

    public SectorMatrix Matrix { get; }

    public int Version => Matrix.Input.Version ?? 0;

    /// <summary>What the file says about its sources, in a sentence or two.</summary>
    public string Summary { get; }

    /// <summary>One entry per non-zero coefficient; a zero means "no direct dependency" (an assumption).</summary>
    public IReadOnlyList<CoefficientProvenance> Coefficients { get; }

    /// <summary>The file as shipped, for download and editing.</summary>
    public string Json { get; }

    private static DefaultSectorMatrix Load()
    {
        using var stream = typeof(DefaultSectorMatrix).Assembly.GetManifestResourceStream("Renkei.Interdependency.sector-matrix.json")
            ?? throw new InvalidDataException("sector-matrix.json is not embedded.");
        var json = new StreamReader(stream).ReadToEnd();
        var matrix = SectorMatrixDocument.Load(json, SectorCodes.Known);
        if (!matrix.Ok)
        {
            var reasons = string.Join("; ", matrix.Problem!.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? []);
            throw new InvalidDataException($"sector-matrix.json is invalid: {reasons}");
        }
        var file = JsonSerializer.Deserialize<File>(json, FileOptions)
            ?? throw new InvalidDataException("sector-matrix.json has no provenance.");
        return new DefaultSectorMatrix(matrix.Value!, file.Provenance, json);
    }
}
