using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>Validates one STIX object: its type, id, common properties and the rules of its type.</summary>
internal static class ObjectValidator
{
    public static void Validate(JsonElement obj, string label, Findings findings)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            findings.Error(label, "", "must be a JSON object");
            return;
        }
        var type = obj.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (type is null)
        {
            findings.Error(label, "type", "is required (a string)");
            return;
        }
        var c = new ObjectChecker(obj, label, type, findings);
        if (!StixIds.IsTypeName(type))
        {
            c.Error("type", $"'{ObjectChecker.Clip(type)}' is not a valid type name (3–250 characters of a–z, 0–9 and single hyphens, starting with a letter)");
            return;
        }
        if (type == "bundle")
        {
            c.Error("type", "a bundle cannot be an object of a bundle");
            return;
        }
        var kind = StixTypes.KindOf(type) ?? CustomKind(c);
        if (kind is null)
        {
            return;
        }
        Id(c);
        CommonProperties.Names(c);
        CommonProperties.Check(c, kind.Value);
        CommonProperties.References(c);
        CommonProperties.Extensions(c);
        switch (kind)
        {
            case ObjectKind.Sdo or ObjectKind.Sro:
                DomainObjectRules.Check(c);
                break;
            case ObjectKind.Sco:
                ObservableRules.Check(c);
                break;
            case ObjectKind.Custom:
                if (obj.EnumerateObject().All(p => p.Name is "type" or "id" or "spec_version" or "created" or "modified" or "created_by_ref"
                    or "revoked" or "labels" or "confidence" or "lang" or "external_references" or "object_marking_refs" or "granular_markings" or "extensions"))
                {
                    c.Error("", "a custom object must have at least one property of its own (§11.2)");
                }
                break;
            default:
                MetaObjectRules.Check(c);
                break;
        }
    }

    /// <summary>
    /// How a type the spec does not define is accepted, if at all.
    /// </summary>
    /// <remarks>
    /// STIX 2.1 offers two ways to add object types. The current one (§7.3) is an object whose
    /// <c>extensions</c> names an <c>extension-definition--…</c> with <c>extension_type</c>
    /// new-sdo, new-sco or new-sro; it follows the rules of that kind of object. The deprecated one
    /// (§11.2) is a custom object, kept for backward compatibility: its type "SHOULD" start with
    /// <c>x-</c>, and must if compatibility with future versions is required, since an unprefixed
    /// name may become a standard type with another meaning. An importer cannot tell an unprefixed
    /// custom type from a misspelt standard type or an object of another STIX version, so we accept
    /// only <c>x-</c> types by that route and reject every other unknown type with the reason.
    /// </remarks>
    private static ObjectKind? CustomKind(ObjectChecker c)
    {
        if (c.Get("extensions") is { ValueKind: JsonValueKind.Object } extensions)
        {
            foreach (var extension in extensions.EnumerateObject())
            {
                if (extension.Name.StartsWith("extension-definition--", StringComparison.Ordinal)
                    && extension.Value.ValueKind == JsonValueKind.Object
                    && extension.Value.TryGetProperty("extension_type", out var kind) && kind.ValueKind == JsonValueKind.String)
                {
                    switch (kind.GetString())
                    {
                        case "new-sdo": return ObjectKind.Sdo;
                        case "new-sro": return ObjectKind.Sro;
                        case "new-sco": return ObjectKind.Sco;
                    }
                }
            }
        }
        if (c.Type.StartsWith("x-", StringComparison.Ordinal))
        {
            return ObjectKind.Custom;
        }
        c.Error("type", $"'{c.Type}' is not a STIX 2.1 object type; a custom type must start with x- (§11.2) or be declared in extensions by an extension-definition with extension_type new-sdo, new-sco or new-sro (§7.3)");
        return null;
    }

    private static void Id(ObjectChecker c)
    {
        var id = c.String("id", required: true);
        if (id is null)
        {
            return;
        }
        if (!StixIds.TryParse(id, out var idType, out _))
        {
            c.Error("id", $"'{ObjectChecker.Clip(id)}' is not an identifier ({c.Type}--UUID, RFC 4122)");
        }
        else if (idType != c.Type)
        {
            c.Error("id", $"'{id}' names type {idType} but the object is a {c.Type}");
        }
    }
}
