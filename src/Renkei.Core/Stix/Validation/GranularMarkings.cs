using System.Globalization;
using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>Granular markings (§7.2.3): selectors into the object, and either a marking or a language.</summary>
internal static class GranularMarkings
{
    public static void Check(ObjectChecker c)
    {
        if (c.Get("granular_markings") is not { } list)
        {
            return;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            c.Error("granular_markings", "must be a list of granular markings");
            return;
        }
        var i = 0;
        foreach (var marking in list.EnumerateArray())
        {
            var path = $"granular_markings[{i++}]";
            if (marking.ValueKind != JsonValueKind.Object)
            {
                c.Error(path, "must be a granular marking object");
                continue;
            }
            var hasLang = marking.TryGetProperty("lang", out var lang);
            var hasRef = marking.TryGetProperty("marking_ref", out var markingRef);
            if (hasLang == hasRef)
            {
                c.Error(path, "must have exactly one of marking_ref and lang");
            }
            if (hasLang && lang.ValueKind != JsonValueKind.String)
            {
                c.Error(path + ".lang", "must be a string");
            }
            if (hasRef)
            {
                CommonProperties.Reference(c, path + ".marking_ref", markingRef, RefTarget.Only("marking-definition"));
            }
            Selectors(c, path + ".selectors", marking);
        }
    }

    private static void Selectors(ObjectChecker c, string path, JsonElement marking)
    {
        if (!marking.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array
            || selectors.GetArrayLength() == 0 || selectors.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            c.Error(path, "is required: a non-empty list of selector strings");
            return;
        }
        var i = 0;
        foreach (var selector in selectors.EnumerateArray())
        {
            var text = selector.GetString()!;
            if (!Selects(c.Object, text))
            {
                c.Error($"{path}[{i}]", $"'{ObjectChecker.Clip(text)}' does not select anything present in the object (components separated by '.', list indexes as [n])");
            }
            i++;
        }
    }

    /// <summary>Whether a selector such as <c>external_references.[0].source_name</c> reaches content of the object.</summary>
    private static bool Selects(JsonElement root, string selector)
    {
        var current = root;
        foreach (var component in selector.Split('.'))
        {
            if (component.Length >= 3 && component[0] == '[' && component[^1] == ']')
            {
                if (current.ValueKind != JsonValueKind.Array
                    || !int.TryParse(component[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= current.GetArrayLength())
                {
                    return false;
                }
                current = current[index];
            }
            else if (component.Length == 0 || current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(component, out current))
            {
                return false;
            }
        }
        return true;
    }
}
