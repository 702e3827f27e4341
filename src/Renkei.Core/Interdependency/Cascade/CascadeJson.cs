using System.Globalization;
using System.Text.Json;
using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>
/// Reads <c>{"nodes":[…],"dependencies":[…]}</c> by walking the document rather than binding it,
/// so every wrong type and unknown field is reported with its path (a misspelt
/// <c>backup_hours</c> would otherwise be dropped and the backup silently read as 0).
/// Numbers may also be given as strings; null is the same as absent.
/// </summary>
internal static class CascadeJson
{
    private static readonly string[] NodeFields = ["id", "organisation", "name", "sector", "population", "recoveryHours"];
    private static readonly string[] DependencyFields = ["dependent", "provider", "strength", "backupHours", "recoveryHours"];
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };

    public static CascadeGraphInput? Read(byte[] content, CascadeErrors errors, out Problem? tooLarge)
    {
        tooLarge = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            errors.Add("file", Text.T("The file is not valid JSON: line {0}, byte {1}.", (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1));
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("file", Text.T("must be a JSON object with the arrays nodes and dependencies"));
                return null;
            }
            if (CascadeGraphBuilder.CheckSize(Length(root, "nodes"), Length(root, "dependencies")) is { } problem)
            {
                tooLarge = problem;
                return null;
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("nodes" or "dependencies"))
                {
                    errors.Add(property.Name, Text.T("is not a known field (expected: {0})", "nodes, dependencies"));
                }
            }
            var nodes = Array(root, "nodes", NodeFields, errors, (e, i) => new CascadeNodeInput(
                Str(e, "id", P("nodes", i), errors)!, Str(e, "organisation", P("nodes", i), errors), Str(e, "name", P("nodes", i), errors),
                Str(e, "sector", P("nodes", i), errors), Int(e, "population", P("nodes", i), errors), Num(e, "recoveryHours", P("nodes", i), errors)));
            var dependencies = Array(root, "dependencies", DependencyFields, errors, (e, i) => new CascadeDependencyInput(
                Str(e, "dependent", P("dependencies", i), errors)!, Str(e, "provider", P("dependencies", i), errors)!,
                Num(e, "strength", P("dependencies", i), errors), Num(e, "backupHours", P("dependencies", i), errors), Num(e, "recoveryHours", P("dependencies", i), errors)));
            return nodes is null || dependencies is null ? null : new CascadeGraphInput(nodes, dependencies);
        }
    }

    private static int Length(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;

    private static string P(string array, int index) => string.Create(CultureInfo.InvariantCulture, $"{array}[{index}]");

    private static List<T>? Array<T>(JsonElement root, string name, string[] fields, CascadeErrors errors, Func<JsonElement, int, T> read)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            errors.Add(name, Text.T("is required"));
            return null;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(name, Text.T("must be an array"));
            return null;
        }
        var list = new List<T>(array.GetArrayLength());
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(P(name, i), Text.T("must be an object"));
            }
            else
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (!fields.Contains(property.Name))
                    {
                        errors.Add(P(name, i) + "." + property.Name, Text.T("is not a known field (expected: {0})", string.Join(", ", fields)));
                    }
                }
            }
            list.Add(read(element, i));
            i++;
        }
        return list;
    }

    private static string? Str(JsonElement element, string field, string at, CascadeErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value))
        {
            return null;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                errors.Add(at + "." + field, Text.T("must be a string"));
                return null;
        }
    }

    private static double? Num(JsonElement element, string field, string at, CascadeErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
        {
            return number;
        }
        errors.Add(at + "." + field, Text.T("must be a number"));
        return null;
    }

    private static long? Int(JsonElement element, string field, string at, CascadeErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        errors.Add(at + "." + field, Text.T("must be a whole number"));
        return null;
    }
}
