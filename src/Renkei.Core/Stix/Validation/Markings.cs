using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>
/// Marking definitions (§7.2.1): statement markings, the four predefined TLP 1.0 objects, and TLP 2.0
/// markings, which STIX 2.1 carries as the property extension published by the OASIS CTI TC
/// (cti-stix-common-objects, extension-definition-specifications/tlp-2.0) with fixed ids.
/// </summary>
internal static class Markings
{
    private sealed record Tlp(string Level, string Id, string Name, string Created);

    /// <summary>§7.2.1.4: "the only instances of TLP marking definitions permitted are those defined here".</summary>
    private static readonly Tlp[] Tlp1 =
    [
        new("white", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE", "2017-01-20T00:00:00.000Z"),
        new("green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN", "2017-01-20T00:00:00.000Z"),
        new("amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER", "2017-01-20T00:00:00.000Z"),
        new("red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED", "2017-01-20T00:00:00.000Z"),
    ];

    public const string Tlp2Extension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static readonly Tlp[] Tlp2 =
    [
        new("clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "2022-10-01T00:00:00.000Z"),
        new("green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "2022-10-01T00:00:00.000Z"),
        new("amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "2022-10-01T00:00:00.000Z"),
        new("amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "2022-10-01T00:00:00.000Z"),
        new("red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "2022-10-01T00:00:00.000Z"),
    ];

    public static void Check(ObjectChecker c)
    {
        c.String("name");
        var id = c.String("id");
        var definitionType = c.String("definition_type");
        // definition_type and definition are deprecated but required unless the marking is an extension.
        if (!c.Has("extensions"))
        {
            c.Require("definition_type");
            c.Require("definition");
        }
        var definition = c.Get("definition");
        if (definition is { ValueKind: not JsonValueKind.Object })
        {
            c.Error("definition", "must be a marking object");
            definition = null;
        }
        if (definitionType == "statement" && definition is { } statement
            && (!statement.TryGetProperty("statement", out var text) || text.ValueKind != JsonValueKind.String))
        {
            c.Error("definition.statement", "is required (a string) in a statement marking");
        }
        if (definitionType == "tlp")
        {
            var level = definition is { } d && d.TryGetProperty("tlp", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            Predefined(c, Tlp1, id, level, "TLP 1.0", "definition.tlp");
        }
        else if (Tlp1.Any(t => t.Id == id))
        {
            c.Error("definition_type", "this id is a predefined TLP 1.0 marking, which must be exactly as §7.2.1.4 defines it (definition_type tlp)");
        }
        Tlp2Marking(c, id);
    }

    private static void Tlp2Marking(ObjectChecker c, string? id)
    {
        var extension = c.Get("extensions") is { ValueKind: JsonValueKind.Object } extensions && extensions.TryGetProperty(Tlp2Extension, out var e) ? e : (JsonElement?)null;
        if (extension is not { ValueKind: JsonValueKind.Object } value)
        {
            if (Tlp2.Any(t => t.Id == id))
            {
                c.Error("extensions", $"this id is a published TLP 2.0 marking, which carries the {Tlp2Extension} extension");
            }
            return;
        }
        var path = $"extensions.{Tlp2Extension}";
        if (!value.TryGetProperty("extension_type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "property-extension")
        {
            c.Error(path + ".extension_type", "must be property-extension for the TLP 2.0 extension");
        }
        var level = value.TryGetProperty("tlp_2_0", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        Predefined(c, Tlp2, id, level, "TLP 2.0", path + ".tlp_2_0");
    }

    /// <summary>A TLP marking must be the published object for its level, property for property.</summary>
    private static void Predefined(ObjectChecker c, Tlp[] published, string? id, string? level, string version, string levelPath)
    {
        var expected = published.FirstOrDefault(t => t.Level == level);
        if (expected is null)
        {
            c.Error(levelPath, $"must be one of {string.Join(", ", published.Select(t => t.Level))} ({version})");
            return;
        }
        if (id != expected.Id)
        {
            c.Error("id", $"a {version} {level} marking must have the published id {expected.Id}");
        }
        if (c.String("name") is { } name && name != expected.Name)
        {
            c.Error("name", $"must be {expected.Name} for the {version} {level} marking");
        }
        if (c.String("created") is { } created && created != expected.Created)
        {
            c.Error("created", $"must be {expected.Created} for the published {version} {level} marking");
        }
    }
}
