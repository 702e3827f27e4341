using System.Text.Json;
using Renkei.Access;

namespace Renkei.Stix;

/// <summary>The TLP a bundle's own markings impose: the most restrictive level any of its objects carries.</summary>
/// <remarks>
/// A set is labelled as a whole, so one AMBER object makes the whole set AMBER: splitting a
/// partner's bundle by marking would lose the relationships between its objects, and labelling
/// it lower than its most restricted object would pass that object on wider than its producer allowed.
/// </remarks>
public static class StixBundleMarkings
{
    /// <summary>The strictest TLP among object and granular markings (official TLP 1.0/2.0 ids, or TLP marking definitions in the bundle); null when unmarked.</summary>
    public static Tlp? Strictest(IReadOnlyList<JsonElement> objects)
    {
        // Marking definitions the bundle defines itself, in either TLP form.
        var defined = new Dictionary<string, Tlp>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (Str(o, "type") == "marking-definition" && Str(o, "id") is { } id && Defined(o) is { } level)
            {
                defined[id] = level;
            }
        }
        Tlp? strictest = null;
        foreach (var o in objects)
        {
            foreach (var reference in MarkingRefs(o))
            {
                var level = TlpMarkings.LevelOf(reference) ?? (defined.TryGetValue(reference, out var d) ? d : null);
                if (level is { } l && (strictest is null || l > strictest))
                {
                    strictest = l;
                }
            }
        }
        return strictest;
    }

    private static IEnumerable<string> MarkingRefs(JsonElement o)
    {
        if (o.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in refs.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String)
                {
                    yield return r.GetString()!;
                }
            }
        }
        if (o.TryGetProperty("granular_markings", out var granular) && granular.ValueKind == JsonValueKind.Array)
        {
            foreach (var g in granular.EnumerateArray())
            {
                if (g.ValueKind == JsonValueKind.Object && Str(g, "marking_ref") is { } r)
                {
                    yield return r;
                }
            }
        }
    }

    private static Tlp? Defined(JsonElement marking)
    {
        // STIX 2.1 §7.2.1.3: definition_type "tlp" with definition.tlp white/green/amber/red.
        if (Str(marking, "definition_type") == "tlp" && marking.TryGetProperty("definition", out var definition) && definition.ValueKind == JsonValueKind.Object)
        {
            return Str(definition, "tlp")?.ToLowerInvariant() switch
            {
                "white" or "clear" => Tlp.Clear,
                "green" => Tlp.Green,
                "amber" => Tlp.Amber,
                "amber+strict" => Tlp.AmberStrict,
                "red" => Tlp.Red,
                _ => null,
            };
        }
        // The TLP 2.0 extension form.
        if (marking.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty(TlpMarkings.Tlp20Extension, out var tlp2) && tlp2.ValueKind == JsonValueKind.Object)
        {
            return Str(tlp2, "tlp_2_0") switch
            {
                "clear" => Tlp.Clear,
                "green" => Tlp.Green,
                "amber" => Tlp.Amber,
                "amber+strict" => Tlp.AmberStrict,
                "red" => Tlp.Red,
                _ => null,
            };
        }
        return null;
    }

    private static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
