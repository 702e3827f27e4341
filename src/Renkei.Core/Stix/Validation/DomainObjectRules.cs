using System.Text.Json;
using Renkei.Stix.Patterns;

namespace Renkei.Stix.Validation;

/// <summary>The properties each SDO (§4) and SRO (§5) requires, and their own rules.</summary>
internal static class DomainObjectRules
{
    private static readonly HashSet<string> Opinions = new(StringComparer.Ordinal)
    {
        "strongly-disagree", "disagree", "neutral", "agree", "strongly-agree",
    };

    public static void Check(ObjectChecker c)
    {
        switch (c.Type)
        {
            case "attack-pattern" or "course-of-action" or "identity" or "incident" or "tool" or "vulnerability":
                c.String("name", required: true);
                break;
            case "campaign" or "intrusion-set" or "threat-actor" or "infrastructure":
                c.String("name", required: true);
                Seen(c, "first_seen", "last_seen");
                break;
            case "grouping":
                c.String("name");
                c.String("context", required: true);
                c.Require("object_refs");
                break;
            case "indicator":
                Indicator(c);
                break;
            case "location":
                Location(c);
                break;
            case "malware":
                // is_family is required (the 2.1 property table and the OASIS schema); a family needs a name.
                if (c.Boolean("is_family", required: true) == true)
                {
                    c.String("name", required: true);
                }
                Seen(c, "first_seen", "last_seen");
                break;
            case "malware-analysis":
                c.String("product", required: true);
                if (!c.Has("result") && !c.Has("analysis_sco_refs"))
                {
                    c.Error("", "a malware analysis needs result or analysis_sco_refs");
                }
                c.Timestamp("submitted");
                c.Timestamp("analysis_started");
                c.Timestamp("analysis_ended");
                break;
            case "note":
                c.String("content", required: true);
                c.Require("object_refs");
                break;
            case "observed-data":
                ObservedData(c);
                break;
            case "opinion":
                if (c.String("opinion", required: true) is { } opinion && !Opinions.Contains(opinion))
                {
                    c.Error("opinion", $"'{ObjectChecker.Clip(opinion)}' is not in the opinion enumeration ({string.Join(", ", Opinions)})");
                }
                c.Require("object_refs");
                break;
            case "report":
                c.String("name", required: true);
                c.Timestamp("published", required: true);
                c.Require("object_refs");
                break;
            case "relationship":
                Relationship(c);
                break;
            case "sighting":
                c.Require("sighting_of_ref");
                Seen(c, "first_seen", "last_seen");
                c.Integer("count", 0, 999_999_999);
                c.Boolean("summary");
                break;
        }
    }

    private static void Seen(ObjectChecker c, string first, string last)
    {
        c.Timestamp(first);
        c.Timestamp(last);
        c.Order(first, last, strict: false);
    }

    private static void Indicator(ObjectChecker c)
    {
        var pattern = c.String("pattern", required: true);
        var patternType = c.String("pattern_type", required: true);
        c.String("pattern_version");
        c.Timestamp("valid_from", required: true);
        c.Timestamp("valid_until");
        // §4.7.1: valid_until, when present, must be greater than valid_from.
        c.Order("valid_from", "valid_until", strict: true);
        c.StringList("indicator_types");
        // Patterns in other languages (snort, yara, sigma …) are not ours to parse.
        if (pattern is not null && patternType == "stix" && StixPattern.Validate(pattern) is { Ok: false } result)
        {
            c.Error("pattern", $"is not a valid STIX pattern: {result.Error}");
        }
    }

    private static void Location(ObjectChecker c)
    {
        var latitude = c.Number("latitude", -90, 90);
        var longitude = c.Number("longitude", -180, 180);
        c.Number("precision", 0, double.MaxValue);
        if (c.Has("latitude") != c.Has("longitude"))
        {
            c.Error(c.Has("latitude") ? "longitude" : "latitude", "latitude and longitude must be given together");
        }
        if (c.Has("precision") && !(c.Has("latitude") && c.Has("longitude")))
        {
            c.Error("precision", "needs latitude and longitude");
        }
        // §4.10: at least one of region, country, or latitude and longitude.
        if (!c.Has("region") && !c.Has("country") && (latitude is null || longitude is null))
        {
            c.Error("", "a location needs region, country, or latitude and longitude");
        }
    }

    private static void ObservedData(ObjectChecker c)
    {
        c.Timestamp("first_observed", required: true);
        c.Timestamp("last_observed", required: true);
        c.Order("first_observed", "last_observed", strict: false);
        c.Integer("number_observed", 1, 999_999_999, required: true);
        var hasObjects = c.Has("objects");
        var hasRefs = c.Has("object_refs");
        if (hasObjects == hasRefs)
        {
            c.Error(hasObjects ? "objects" : "object_refs", "exactly one of object_refs and the deprecated objects must be present");
        }
        if (hasRefs && c.Get("object_refs") is { ValueKind: JsonValueKind.Array } refs
            && !refs.EnumerateArray().Any(r => StixIds.TryParse(r.GetString(), out var t, out _) && !StixTypes.Sros.Contains(t)))
        {
            c.Error("object_refs", "must contain at least one SCO reference");
        }
        if (hasObjects && c.Get("objects") is { } container && !ObservableContainer(container))
        {
            c.Error("objects", "must be a non-empty dictionary of cyber-observable objects, each with a type");
        }
    }

    /// <summary>The deprecated observable container (§2.13): local keys to SCOs without ids.</summary>
    private static bool ObservableContainer(JsonElement container) =>
        container.ValueKind == JsonValueKind.Object && container.EnumerateObject().Any()
        && container.EnumerateObject().All(o => o.Value.ValueKind == JsonValueKind.Object
            && o.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String);

    private static void Relationship(ObjectChecker c)
    {
        if (c.String("relationship_type", required: true) is { } kind
            && (kind.Length == 0 || !kind.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            c.Error("relationship_type", $"'{ObjectChecker.Clip(kind)}' may only contain a–z, 0–9 and hyphens");
        }
        c.Require("source_ref");
        c.Require("target_ref");
        c.Timestamp("start_time");
        c.Timestamp("stop_time");
        // §5.1.2: stop_time must be later than start_time.
        c.Order("start_time", "stop_time", strict: true);
    }
}
