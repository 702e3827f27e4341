using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>Language content (§7.1), marking definitions (§7.2) and extension definitions (§7.3).</summary>
internal static class MetaObjectRules
{
    private static readonly HashSet<string> ExtensionTypes = new(StringComparer.Ordinal)
    {
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension",
    };

    public static void Check(ObjectChecker c)
    {
        switch (c.Type)
        {
            case "marking-definition":
                Markings.Check(c);
                break;
            case "language-content":
                LanguageContent(c);
                break;
            case "extension-definition":
                ExtensionDefinition(c);
                break;
        }
    }

    private static void LanguageContent(ObjectChecker c)
    {
        c.Require("object_ref");
        c.Timestamp("object_modified");
        if (!c.Require("contents"))
        {
            return;
        }
        // contents: language code → (property name → translated content).
        var contents = c.Get("contents")!.Value;
        if (contents.ValueKind != JsonValueKind.Object || !contents.EnumerateObject().Any()
            || contents.EnumerateObject().Any(l => l.Value.ValueKind != JsonValueKind.Object || !l.Value.EnumerateObject().Any()))
        {
            c.Error("contents", "must be a non-empty dictionary of language codes to non-empty dictionaries of translated properties");
        }
    }

    private static void ExtensionDefinition(ObjectChecker c)
    {
        c.String("name", required: true);
        c.String("schema", required: true);
        c.String("version", required: true);
        var types = c.StringList("extension_types", required: true);
        foreach (var type in types?.Where(t => !ExtensionTypes.Contains(t)) ?? [])
        {
            c.Error("extension_types", $"'{ObjectChecker.Clip(type)}' is not an extension type (new-sdo, new-sco, new-sro, property-extension, toplevel-property-extension)");
        }
        c.StringList("extension_properties");
        // §7.3.1: extension_properties only with toplevel-property-extension.
        if (c.Has("extension_properties") && types is not null && !types.Contains("toplevel-property-extension"))
        {
            c.Error("extension_properties", "may only be used when extension_types includes toplevel-property-extension");
        }
    }
}
