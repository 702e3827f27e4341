using System.Text.Json.Nodes;
using Renkei.Indicators;
using Renkei.Stix.Patterns;

namespace Renkei.Stix;

/// <summary>STIX cyber-observable objects (SCOs, spec §6) for Renkei's typed indicators.</summary>
public static class StixObservables
{
    /// <summary>
    /// The SCO an indicator observes, with its deterministic id (§2.9): e.g.
    /// <c>{"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--28bb3599-…","value":"198.51.100.3"}</c>,
    /// or a <c>file</c> with one hash. The same indicator always gets the same id, from any producer
    /// following the spec, so SCOs from different reports and organisations merge. Null for a CVE
    /// (a vulnerability is an SDO, not an observable) and for a value not valid for its type.
    /// </summary>
    public static JsonObject? ForIndicator(IndicatorValue indicator)
    {
        var value = IndicatorRules.Normalise(indicator.Type, indicator.Value);
        if (value is null)
        {
            return null;
        }
        if (IndicatorPatterns.HashName(indicator.Type) is { } hash)
        {
            // A file's ID contributing properties are hashes, name, extensions and parent_directory_ref (§6.7);
            // only the hash is known here, and the spec asks for exactly one hash in the id.
            return Sco("file", new JsonObject { ["hashes"] = new JsonObject { [hash] = value } });
        }
        var type = indicator.Type switch
        {
            IndicatorType.Ipv4 => "ipv4-addr",
            IndicatorType.Ipv6 => "ipv6-addr",
            IndicatorType.Domain => "domain-name",
            IndicatorType.Url => "url",
            IndicatorType.Email => "email-addr",
            _ => null,
        };
        // For these the only ID contributing property is value (§6.4, §6.5, §6.8, §6.9, §6.15).
        return type is null ? null : Sco(type, new JsonObject { ["value"] = value });
    }

    private static JsonObject Sco(string type, JsonObject contributing)
    {
        var sco = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = StixIds.ForSco(type, contributing),
        };
        foreach (var (name, value) in contributing)
        {
            sco[name] = value?.DeepClone();
        }
        return sco;
    }
}
