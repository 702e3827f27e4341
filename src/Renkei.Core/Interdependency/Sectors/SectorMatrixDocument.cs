using System.Text;
using System.Text.Json;
using Renkei.Common;

namespace Renkei.Interdependency.Sectors;

/// <summary>
/// Reads a matrix document (JSON, the shape of <see cref="SectorMatrixInput"/>; other properties such as
/// <c>provenance</c> are ignored) element by element, so text, null or a missing value is reported at
/// its place (<c>matrix[2][5]</c>) instead of failing the whole document, then validates it with
/// <see cref="SectorMatrix.Create"/>.
/// </summary>
public static class SectorMatrixDocument
{
    /// <summary>2 MiB: a 200-sector matrix written with full double precision fits with room to spare.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static Result<SectorMatrix> Load(string json, IReadOnlySet<string>? knownSectors = null)
    {
        var input = Parse(json);
        return input.Ok ? SectorMatrix.Create(input.Value!, knownSectors) : input.Problem!;
    }

    public static Result<SectorMatrix> Load(Stream utf8, IReadOnlySet<string>? knownSectors = null)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return TooLarge();
            }
        }
        var input = Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        return input.Ok ? SectorMatrix.Create(input.Value!, knownSectors) : input.Problem!;
    }

    /// <summary>The document as an input record, with only syntactic checks (numbers are numbers, lists are lists).</summary>
    public static Result<SectorMatrixInput> Parse(string json) =>
        Encoding.UTF8.GetByteCount(json) > MaxBytes ? TooLarge() : Parse(Encoding.UTF8.GetBytes(json));

    private static Problem TooLarge() =>
        Problem.TooLarge("document", Text.T("The document is larger than {0} MiB.", MaxBytes / (1024 * 1024)));

    private static Result<SectorMatrixInput> Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Problem.Invalid("document", Text.T("The document is not valid JSON (line {0}, position {1}).", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem.Invalid("document", Text.T("The document must be a JSON object with 'sectors' and 'matrix'."));
            }
            var errors = new SectorErrors();
            var sectors = Strings(root, "sectors", required: true, errors) ?? [];
            if (sectors.Count > SectorMatrix.MaxSectors)
            {
                errors.Add("sectors", Text.T("There are {0} sectors; at most {1} are allowed.", sectors.Count, SectorMatrix.MaxSectors));
                return errors.ToProblem();
            }
            var matrix = Matrix(root, sectors, errors);
            var input = new SectorMatrixInput(
                sectors,
                matrix ?? [],
                Numbers(root, "outputs", sectors, errors),
                Numbers(root, "recoveryTimes", sectors, errors),
                Strings(root, "labels", required: false, errors),
                OptionalString(root, "name", errors),
                Version(root, errors),
                OptionalString(root, "timeUnit", errors));
            return errors.Any ? errors.ToProblem() : input;
        }
    }

    private static List<IReadOnlyList<double>>? Matrix(JsonElement root, IReadOnlyList<string> sectors, SectorErrors errors)
    {
        if (!Array(root, "matrix", required: true, errors, out var rows))
        {
            return null;
        }
        var result = new List<IReadOnlyList<double>>();
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"matrix[{i}]", Text.T("Row {0} must be a list of numbers.", SectorErrors.Name(sectors, i)));
            }
            else if (row.GetArrayLength() > SectorMatrix.MaxSectors)
            {
                errors.Add($"matrix[{i}]", Text.T("Row {0} has {1} coefficients; at most {2} are allowed.", SectorErrors.Name(sectors, i), row.GetArrayLength(), SectorMatrix.MaxSectors));
            }
            else
            {
                var values = new List<double>();
                var j = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    if (Number(cell) is { } v)
                    {
                        values.Add(v);
                    }
                    else
                    {
                        errors.Add($"matrix[{i}][{j}]", Text.T("Row {0}, column {1}: {2} is not a number.", SectorErrors.Name(sectors, i), SectorErrors.Name(sectors, j), Shown(cell)));
                    }
                    j++;
                }
                result.Add(values);
            }
            if (++i > SectorMatrix.MaxSectors)
            {
                errors.Add("matrix", Text.T("The matrix has more than {0} rows.", SectorMatrix.MaxSectors));
                return null;
            }
        }
        return result;
    }

    private static List<double>? Numbers(JsonElement root, string name, IReadOnlyList<string> sectors, SectorErrors errors)
    {
        if (!Array(root, name, required: false, errors, out var array))
        {
            return null;
        }
        var result = new List<double>();
        var i = 0;
        foreach (var cell in array.EnumerateArray())
        {
            if (Number(cell) is { } v)
            {
                result.Add(v);
            }
            else
            {
                errors.Add($"{name}[{i}]", Text.T("Sector {0}: {1} is not a number.", SectorErrors.Name(sectors, i), Shown(cell)));
            }
            i++;
        }
        return result;
    }

    private static List<string>? Strings(JsonElement root, string name, bool required, SectorErrors errors)
    {
        if (!Array(root, name, required, errors, out var array))
        {
            return null;
        }
        var result = new List<string>();
        var i = 0;
        foreach (var cell in array.EnumerateArray())
        {
            if (cell.ValueKind == JsonValueKind.String)
            {
                result.Add(cell.GetString()!);
            }
            else
            {
                errors.Add($"{name}[{i}]", Text.T("Entry {0}: {1} is not text.", i + 1, Shown(cell)));
            }
            i++;
        }
        return result;
    }

    private static bool Array(JsonElement root, string name, bool required, SectorErrors errors, out JsonElement array)
    {
        if (!root.TryGetProperty(name, out array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(name, Text.T("'{0}' is required.", name));
            }
            return false;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(name, Text.T("'{0}' must be a list.", name));
            return false;
        }
        if (array.GetArrayLength() > SectorMatrix.MaxSectors)
        {
            errors.Add(name, Text.T("'{0}' has {1} entries; at most {2} are allowed.", name, array.GetArrayLength(), SectorMatrix.MaxSectors));
            return false;
        }
        return true;
    }

    private static string? OptionalString(JsonElement root, string name, SectorErrors errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        errors.Add(name, Text.T("'{0}' must be text.", name));
        return null;
    }

    private static int? Version(JsonElement root, SectorErrors errors)
    {
        if (!root.TryGetProperty("version", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version) && version >= 0)
        {
            return version;
        }
        errors.Add("version", Text.T("'{0}' must be a whole number of at least 0.", "version"));
        return null;
    }

    /// <summary>A JSON number that fits a double; NaN and infinities cannot be written in JSON, and 1e999 overflows.</summary>
    private static double? Number(JsonElement cell) =>
        cell.ValueKind == JsonValueKind.Number && cell.TryGetDouble(out var v) && double.IsFinite(v) ? v : null;

    private static string Shown(JsonElement cell)
    {
        var raw = cell.ValueKind == JsonValueKind.Undefined ? "" : cell.GetRawText();
        return raw.Length > 40 ? string.Concat(raw.AsSpan(0, 40), "…") : raw;
    }
}
