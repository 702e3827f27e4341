using System.Collections.Frozen;

namespace Renkei.Stix.Validation;

/// <summary>What kind of STIX object a type is, which decides its common properties (spec §3.2 table).</summary>
internal enum ObjectKind
{
    Sdo,
    Sro,
    Sco,
    LanguageContent,
    MarkingDefinition,
    ExtensionDefinition,
    /// <summary>A custom object by the deprecated convention of §11.2 (an <c>x-</c> type, no extension definition).</summary>
    Custom,
}

/// <summary>The object types STIX 2.1 defines (§4–§8), and the types a reference property may point to.</summary>
internal static class StixTypes
{
    public static readonly FrozenSet<string> Sdos = FrozenSet.Create(StringComparer.Ordinal,
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
        "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
        "opinion", "report", "threat-actor", "tool", "vulnerability");

    public static readonly FrozenSet<string> Sros = FrozenSet.Create(StringComparer.Ordinal, "relationship", "sighting");

    public static readonly FrozenSet<string> Scos = FrozenSet.Create(StringComparer.Ordinal,
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate");

    public static readonly FrozenSet<string> Metas = FrozenSet.Create(StringComparer.Ordinal,
        "language-content", "marking-definition", "extension-definition");

    /// <summary>The kind of a type the spec defines; null for custom and unknown types.</summary>
    public static ObjectKind? KindOf(string type) => type switch
    {
        _ when Sdos.Contains(type) => ObjectKind.Sdo,
        _ when Sros.Contains(type) => ObjectKind.Sro,
        _ when Scos.Contains(type) => ObjectKind.Sco,
        "language-content" => ObjectKind.LanguageContent,
        "marking-definition" => ObjectKind.MarkingDefinition,
        "extension-definition" => ObjectKind.ExtensionDefinition,
        _ => null,
    };

    public static bool IsKnown(string type) => KindOf(type) is not null || type == "bundle";
}

/// <summary>
/// The types a reference property may point to. Custom types (unknown here) pass every rule but
/// "only these types": an id alone does not say whether a custom object is an SDO or an SCO.
/// </summary>
internal sealed record RefTarget(string Description, Func<string, bool> Allows)
{
    public static RefTarget Only(params string[] types) =>
        new(string.Join(" or ", types), t => types.Contains(t, StringComparer.Ordinal));

    /// <summary>Any STIX object (a bundle is not one).</summary>
    public static readonly RefTarget Any = new("a STIX object", t => t != "bundle");

    public static readonly RefTarget Sdo = new("an SDO", t => !StixTypes.IsKnown(t) || StixTypes.Sdos.Contains(t));

    public static readonly RefTarget Sco = new("an SCO", t => !StixTypes.IsKnown(t) || StixTypes.Scos.Contains(t));

    public static readonly RefTarget SdoOrSco = new("an SDO or SCO (not an SRO, bundle, language content, marking or extension definition)",
        t => !StixTypes.IsKnown(t) || StixTypes.Sdos.Contains(t) || StixTypes.Scos.Contains(t));

    public static readonly RefTarget ScoOrSro = new("an SCO or SRO", t => !StixTypes.IsKnown(t) || StixTypes.Scos.Contains(t) || StixTypes.Sros.Contains(t));
}
