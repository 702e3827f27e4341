using System.Text.Json.Nodes;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Indicators;
using Renkei.Stix.Patterns;

namespace Renkei.Stix;

/// <summary>Builds the STIX objects Renkei exports; every object carries its TLP marking and its producer.</summary>
internal static class StixWriter
{
    public static JsonObject Sdo(string type, string id, DateTime created, DateTime modified, string createdBy, Tlp tlp)
    {
        // A version is never older than its first: clocks and revisions can only move modified forward.
        if (modified < created)
        {
            modified = created;
        }
        return new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = StixTime.SpecVersion,
            ["id"] = id,
            ["created"] = StixTime.Millis(created),
            ["modified"] = StixTime.Millis(modified),
            ["created_by_ref"] = createdBy,
            ["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(tlp)),
        };
    }

    public static JsonObject Identity(Organisation org)
    {
        var identity = new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = StixTime.SpecVersion,
            ["id"] = StixExportIds.Organisation(org.Id),
            ["created"] = StixTime.Millis(org.CreatedAt),
            ["modified"] = StixTime.Millis(org.UpdatedAt < org.CreatedAt ? org.CreatedAt : org.UpdatedAt),
            ["name"] = $"{org.NameJa} ({org.NameEn})",
            ["identity_class"] = "organization",
        };
        if (StixSectors.Of(org.SectorCode) is { } sector)
        {
            identity["sectors"] = new JsonArray(sector);
        }
        return identity;
    }

    /// <summary>An indicator for a typed value; null for a CVE (a vulnerability instead).</summary>
    public static JsonObject? Indicator(string id, IndicatorValue value, DateTime created, DateTime modified, DateTime validFrom, DateTime? validUntil, string createdBy, Tlp tlp)
    {
        if (IndicatorPatterns.ToPattern(value) is not { } pattern)
        {
            return null;
        }
        var o = Sdo("indicator", id, created, modified, createdBy, tlp);
        o["name"] = value.Value;
        if (value.Note is { } note)
        {
            o["description"] = note;
        }
        o["indicator_types"] = new JsonArray("malicious-activity");
        o["pattern"] = pattern;
        o["pattern_type"] = "stix";
        o["valid_from"] = StixTime.Millis(validFrom);
        if (validUntil is { } until && until > validFrom)
        {
            o["valid_until"] = StixTime.Millis(until);
        }
        return o;
    }

    public static JsonObject Vulnerability(string id, string cve, DateTime created, DateTime modified, string createdBy, Tlp tlp)
    {
        var o = Sdo("vulnerability", id, created, modified, createdBy, tlp);
        o["name"] = cve;
        o["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "cve", ["external_id"] = cve });
        return o;
    }

    public static JsonObject Relationship(string type, string source, string target, DateTime created, DateTime modified, string createdBy, Tlp tlp)
    {
        var o = Sdo("relationship", StixExportIds.Of("relationship", $"{type}:{source}:{target}"), created, modified, createdBy, tlp);
        o["relationship_type"] = type;
        o["source_ref"] = source;
        o["target_ref"] = target;
        return o;
    }
}
