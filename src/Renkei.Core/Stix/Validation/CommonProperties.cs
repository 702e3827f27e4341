using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>The common properties of §3.2, property names (§3.1), lists (§2.12), references (§3.3) and extensions.</summary>
internal static class CommonProperties
{
    private static readonly HashSet<string> ExtensionTypes = new(StringComparer.Ordinal)
    {
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension",
    };

    public static void Check(ObjectChecker c, ObjectKind kind)
    {
        SpecVersion(c, kind);
        var versioned = kind is ObjectKind.Sdo or ObjectKind.Sro or ObjectKind.LanguageContent or ObjectKind.ExtensionDefinition;
        // SCOs are not versioned (§3.6) and have no created; §11.2 custom objects may go either way.
        if (kind != ObjectKind.Sco && (kind != ObjectKind.Custom || c.Has("created")))
        {
            c.Timestamp("created", required: true, milliseconds: true);
        }
        if (versioned || (kind == ObjectKind.Custom && c.Has("modified")))
        {
            c.Timestamp("modified", required: true, milliseconds: true);
            c.Order("created", "modified", strict: false);
        }
        if (kind == ObjectKind.ExtensionDefinition)
        {
            c.Require("created_by_ref");
        }
        c.Boolean("revoked");
        c.StringList("labels");
        c.Integer("confidence", 0, 100);
        c.String("lang");
        ExternalReferences(c);
        GranularMarkings.Check(c);
        if (c.Has("defanged") && kind != ObjectKind.Sco)
        {
            c.Error("defanged", "is only allowed on SCOs");
        }
        c.Boolean("defanged");
        KillChainPhases(c);
    }

    private static void SpecVersion(ObjectChecker c, ObjectKind kind)
    {
        if (c.Get("spec_version") is not { } value)
        {
            // SCOs default to 2.1; deprecated custom objects (§11.2) are shown without it in the spec.
            if (kind is not (ObjectKind.Sco or ObjectKind.Custom))
            {
                c.Error("spec_version", "is required (\"2.1\")");
            }
            return;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() != "2.1")
        {
            c.Error("spec_version", $"is {value.GetRawText()}; only STIX 2.1 (\"2.1\") is accepted");
        }
    }

    /// <summary>
    /// Property names: ASCII a–z, 0–9 and underscore, 3–250 characters, starting with a letter
    /// (§3.1 for the spec's own, §11.1 and §7.3.2 for custom and extension properties); <c>id</c> is the exception.
    /// </summary>
    public static void Names(ObjectChecker c)
    {
        foreach (var property in c.Object.EnumerateObject())
        {
            var name = property.Name;
            var valid = name == "id" || (name.Length is >= 3 and <= 250 && name[0] is >= 'a' and <= 'z'
                && name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'));
            if (!valid)
            {
                c.Error(ObjectChecker.Clip(name), "is not a valid property name (3–250 characters of a–z, 0–9 and underscore, starting with a letter)");
            }
            else if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0)
            {
                c.Error(name, "is an empty list; lists must have at least one value (omit the property instead)");
            }
        }
    }

    /// <summary>Every top-level <c>*_ref</c> holds an identifier and every <c>*_refs</c> a list of them, of the types the spec allows.</summary>
    public static void References(ObjectChecker c) => References(c, c.Object, "", c.Type);

    private static void References(ObjectChecker c, JsonElement holder, string prefix, string type)
    {
        foreach (var property in holder.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (property.Name.EndsWith("_ref", StringComparison.Ordinal))
            {
                Reference(c, path, property.Value, ReferenceRules.For(type, property.Name));
            }
            else if (property.Name.EndsWith("_refs", StringComparison.Ordinal))
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    c.Error(path, "must be a list of identifiers");
                    continue;
                }
                var rule = ReferenceRules.For(type, property.Name);
                var i = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    Reference(c, $"{path}[{i++}]", item, rule);
                }
            }
        }
    }

    public static void Reference(ObjectChecker c, string path, JsonElement value, RefTarget rule)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            c.Error(path, "must be an identifier string");
            return;
        }
        var id = value.GetString();
        if (!StixIds.TryParse(id, out var target, out _))
        {
            c.Error(path, $"'{ObjectChecker.Clip(id!)}' is not an identifier (type--UUID, RFC 4122)");
        }
        else if (!rule.Allows(target))
        {
            c.Error(path, $"must reference {rule.Description}, not a {target}");
        }
    }

    /// <summary>Extensions (§3.2, §7.3): predefined or custom ones by name, STIX Extensions by definition id.</summary>
    public static void Extensions(ObjectChecker c)
    {
        if (c.Get("extensions") is not { } extensions)
        {
            return;
        }
        if (extensions.ValueKind != JsonValueKind.Object || !extensions.EnumerateObject().Any())
        {
            c.Error("extensions", "must be a non-empty dictionary");
            return;
        }
        foreach (var extension in extensions.EnumerateObject())
        {
            var path = $"extensions.{ObjectChecker.Clip(extension.Name)}";
            if (extension.Value.ValueKind != JsonValueKind.Object || !extension.Value.EnumerateObject().Any())
            {
                c.Error(path, "must be a dictionary with at least one property");
                continue;
            }
            if (extension.Name.StartsWith("extension-definition--", StringComparison.Ordinal))
            {
                if (!StixIds.TryParse(extension.Name, out _, out _))
                {
                    c.Error(path, "is not an extension-definition identifier");
                }
                var kind = extension.Value.TryGetProperty("extension_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
                if (kind is null || !ExtensionTypes.Contains(kind))
                {
                    c.Error(path + ".extension_type", "is required for a STIX Extension and must be one of new-sdo, new-sco, new-sro, property-extension, toplevel-property-extension");
                }
            }
            else if (!extension.Name.EndsWith("-ext", StringComparison.Ordinal) || !StixIds.IsTypeName(extension.Name))
            {
                // §11.3: names of predefined and custom extensions are a–z, 0–9 and hyphens, ending in -ext.
                c.Error(path, "is neither an extension-definition id nor an extension name (a–z, 0–9 and hyphens, ending in -ext)");
            }
            References(c, extension.Value, path + ".", c.Type);
        }
    }

    private static void ExternalReferences(ObjectChecker c)
    {
        if (c.Get("external_references") is not { } list)
        {
            return;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            c.Error("external_references", "must be a list of external references");
            return;
        }
        var i = 0;
        foreach (var reference in list.EnumerateArray())
        {
            var path = $"external_references[{i++}]";
            if (reference.ValueKind != JsonValueKind.Object)
            {
                c.Error(path, "must be an external reference object");
                continue;
            }
            if (!reference.TryGetProperty("source_name", out var source) || source.ValueKind != JsonValueKind.String)
            {
                c.Error(path + ".source_name", "is required (a string)");
            }
            // §2.5.2: besides source_name, at least one of description, url or external_id.
            if (!new[] { "description", "url", "external_id" }.Any(p => reference.TryGetProperty(p, out _)))
            {
                c.Error(path, "needs at least one of description, url or external_id besides source_name");
            }
            foreach (var name in new[] { "description", "url", "external_id" })
            {
                if (reference.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
                {
                    c.Error($"{path}.{name}", "must be a string");
                }
            }
            if (reference.TryGetProperty("hashes", out var hashes))
            {
                Hashes.Check(c, path + ".hashes", hashes);
            }
        }
    }

    private static void KillChainPhases(ObjectChecker c)
    {
        if (c.Get("kill_chain_phases") is not { } list)
        {
            return;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            c.Error("kill_chain_phases", "must be a list of kill chain phases");
            return;
        }
        var i = 0;
        foreach (var phase in list.EnumerateArray())
        {
            var path = $"kill_chain_phases[{i++}]";
            foreach (var name in new[] { "kill_chain_name", "phase_name" })
            {
                if (phase.ValueKind != JsonValueKind.Object || !phase.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
                {
                    c.Error($"{path}.{name}", "is required (a string)");
                }
            }
        }
    }
}
