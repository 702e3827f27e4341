using System.Text.Json;

namespace Renkei.Stix;

/// <summary>Interim: the envelope and bundle checks until the full validator lands.</summary>
internal static class StixValidation
{
    public static Dictionary<string, string[]> ValidateEnvelope(JsonElement root) => Shape(root, envelope: true);

    public static Dictionary<string, string[]> ValidateBundle(JsonElement root) => Shape(root, envelope: false);

    private static Dictionary<string, string[]> Shape(JsonElement root, bool envelope)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors[envelope ? "envelope" : "bundle"] = ["must be a JSON object"];
            return errors;
        }
        if (!envelope && StixParsing.Str(root, "type") != "bundle")
        {
            errors["type"] = ["must be \"bundle\""];
        }
        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            errors["objects"] = ["must be a list of STIX objects"];
            return errors;
        }
        var i = 0;
        foreach (var o in objects.EnumerateArray())
        {
            if (StixParsing.Str(o, "id") is null || StixParsing.Str(o, "type") is null)
            {
                errors[$"objects[{i}]"] = ["must have a type and an id"];
            }
            i++;
        }
        return errors;
    }
}
