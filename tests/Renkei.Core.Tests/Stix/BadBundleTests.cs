using System.Text.Json.Nodes;
using Renkei.Testing;
using static Renkei.Core.Tests.Stix.StixBundles;

namespace Renkei.Core.Tests.Stix;

/// <summary>
/// Bundles that break one rule each: our validator must reject each with the right object, property
/// and reason; where the official JSON schemas can express the rule, they must reject it too.
/// </summary>
public sealed class BadBundleTests
{
    private sealed record BadBundle(Action<JsonObject> Break, string Object, string Path, string Reason, bool SchemaDetects);

    private const string Uuid = "0f4a8c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private static readonly Dictionary<string, BadBundle> Cases = new(StringComparer.Ordinal)
    {
        ["spec_version 2.0 on an SDO"] = new(b => Object(b, Indicator)["spec_version"] = "2.0", Indicator, "spec_version", "is \"2.0\"; only STIX 2.1", false),
        ["spec_version 2.0 on an SCO"] = new(b => Object(b, Address)["spec_version"] = "2.0", Address, "spec_version", "is \"2.0\"", false),
        ["spec_version missing on an SDO"] = new(b => Object(b, Malware).Remove("spec_version"), Malware, "spec_version", "is required", true),
        ["spec_version 2.0 on the bundle"] = new(b => b["spec_version"] = "2.0", Bundle, "spec_version", "only STIX 2.1 bundles", false),
        ["id of another type"] = new(b => Object(b, Indicator)["id"] = $"malware--{Uuid}", $"malware--{Uuid}", "id", "names type malware but the object is a indicator", true),
        ["id without a UUID"] = new(b => Object(b, Indicator)["id"] = "indicator--1234", "objects[1]", "id", "is not an identifier", true),
        ["id with a non-RFC 4122 UUID"] = new(b => Object(b, Indicator)["id"] = "indicator--0f4a8c3e-5b6d-7e7f-8a9b-0c1d2e3f4a5b", "objects[1]", "id", "is not an identifier", true),
        ["bundle id not a bundle id"] = new(b => b["id"] = $"report--{Uuid}", "bundle", "id", "is not a bundle identifier", true),
        ["bundle objects empty"] = new(b => b["objects"] = new JsonArray(), Bundle, "objects", "non-empty list", true),
        ["type with a double hyphen"] = new(b => Object(b, Malware)["type"] = "mal--ware", Malware, "type", "is not a valid type name", true),
        ["modified before created"] = new(b => Object(b, Malware)["modified"] = "2016-04-06T20:07:08.999Z", Malware, "modified", "must be the same as or later than created", false),
        ["created without milliseconds"] = new(b => Object(b, Malware)["created"] = "2016-04-06T20:07:09Z", Malware, "created", "precise to at least the millisecond", true),
        ["malformed timestamp"] = new(b => Object(b, Indicator)["valid_from"] = "2016-01-01 00:00:00Z", Indicator, "valid_from", "is not a STIX timestamp", true),
        ["timestamp with an offset"] = new(b => Object(b, Malware)["modified"] = "2016-04-06T20:07:09.000+09:00", Malware, "modified", "is not a STIX timestamp", true),
        ["impossible date"] = new(b => Object(b, Malware)["first_seen"] = "2015-02-29T00:00:00Z", Malware, "first_seen", "is not a STIX timestamp", false),
        ["bad pattern"] = new(b => Object(b, Indicator)["pattern"] = "[ipv4-addr:value = '198.51.100.3'", Indicator, "pattern", "is not a valid STIX pattern: at position 33: expected ']'", false),
        ["pattern mixing types under AND"] = new(b => Object(b, Indicator)["pattern"] = "[ipv4-addr:value = '198.51.100.3' AND domain-name:value = 'x.example']", Indicator, "pattern", "different object types", false),
        ["valid_until before valid_from"] = new(b => Object(b, Indicator)["valid_until"] = "2015-12-31T23:59:59Z", Indicator, "valid_until", "must be later than valid_from", false),
        ["indicator without pattern"] = new(b => Object(b, Indicator).Remove("pattern"), Indicator, "pattern", "is required", true),
        ["indicator without valid_from"] = new(b => Object(b, Indicator).Remove("valid_from"), Indicator, "valid_from", "is required", true),
        ["identity without name"] = new(b => Object(b, Producer).Remove("name"), Producer, "name", "is required", true),
        ["malware without is_family"] = new(b => Object(b, Malware).Remove("is_family"), Malware, "is_family", "is required", true),
        ["malware family without name"] = new(b => Object(b, Malware).Remove("name"), Malware, "name", "is required", true),
        ["relationship without target"] = new(b => Object(b, Relationship).Remove("target_ref"), Relationship, "target_ref", "is required", true),
        ["sighting without sighting_of_ref"] = new(b => Object(b, Sighting).Remove("sighting_of_ref"), Sighting, "sighting_of_ref", "is required", true),
        ["location with nothing to locate"] = new(b => { var l = Object(b, Location); l.Remove("region"); l.Remove("country"); l.Remove("longitude"); }, Location, "", "a location needs region, country, or latitude and longitude", true),
        ["latitude without longitude"] = new(b => Object(b, Location).Remove("longitude"), Location, "longitude", "latitude and longitude must be given together", true),
        ["latitude out of range"] = new(b => Object(b, Location)["latitude"] = 91, Location, "latitude", "from -90 to 90", true),
        ["created_by_ref not an identity"] = new(b => Object(b, Indicator)["created_by_ref"] = Malware, Indicator, "created_by_ref", "must reference identity, not a malware", false),
        ["object_marking_refs not a marking"] = new(b => Object(b, Indicator)["object_marking_refs"] = new JsonArray(Producer), Indicator, "object_marking_refs[0]", "must reference marking-definition", false),
        ["relationship to a marking definition"] = new(b => Object(b, Relationship)["target_ref"] = TlpGreen, Relationship, "target_ref", "must reference an SDO or SCO", true),
        ["relationship from a relationship"] = new(b => Object(b, Relationship)["source_ref"] = Relationship, Relationship, "source_ref", "must reference an SDO or SCO", true),
        ["sighting of an SCO"] = new(b => Object(b, Sighting)["sighting_of_ref"] = Address, Sighting, "sighting_of_ref", "must reference an SDO", false),
        ["sighted where a malware is"] = new(b => Object(b, Sighting)["where_sighted_refs"] = new JsonArray(Malware), Sighting, "where_sighted_refs[0]", "must reference identity or location", true),
        ["observed data referring to an SDO"] = new(b => Object(b, ObservedData)["object_refs"] = new JsonArray(Malware), ObservedData, "object_refs[0]", "must reference an SCO or SRO", true),
        ["reference that is not an id"] = new(b => Object(b, Indicator)["created_by_ref"] = "identity-1", Indicator, "created_by_ref", "is not an identifier", true),
        ["confidence over 100"] = new(b => Object(b, Indicator)["confidence"] = 101, Indicator, "confidence", "from 0 to 100", true),
        ["number_observed zero"] = new(b => Object(b, ObservedData)["number_observed"] = 0, ObservedData, "number_observed", "from 1 to 999,999,999", true),
        ["sighting count negative"] = new(b => Object(b, Sighting)["count"] = -1, Sighting, "count", "from 0 to 999,999,999", true),
        ["last_observed before first_observed"] = new(b => Object(b, ObservedData)["last_observed"] = "2015-12-21T18:59:59Z", ObservedData, "last_observed", "later than first_observed", false),
        ["observed data without objects"] = new(b => Object(b, ObservedData).Remove("object_refs"), ObservedData, "object_refs", "exactly one of object_refs and the deprecated objects", true),
        ["empty labels"] = new(b => Object(b, Indicator)["labels"] = new JsonArray(), Indicator, "labels", "empty list", true),
        ["labels not strings"] = new(b => Object(b, Indicator)["labels"] = new JsonArray(1), Indicator, "labels", "non-empty list of strings", true),
        ["external reference without source_name"] = new(b => Object(b, Indicator)["external_references"] = new JsonArray(new JsonObject { ["url"] = "https://example.com" }), Indicator, "external_references[0].source_name", "is required", true),
        ["external reference with only a source"] = new(b => Object(b, Indicator)["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "x" }), Indicator, "external_references[0]", "at least one of description, url or external_id", true),
        ["granular marking selecting nothing"] = new(b => Object(b, Indicator)["granular_markings"] = new JsonArray(new JsonObject { ["selectors"] = new JsonArray("description"), ["marking_ref"] = TlpGreen }), Indicator, "granular_markings[0].selectors[0]", "does not select anything", false),
        ["granular marking with lang and marking_ref"] = new(b => Object(b, Indicator)["granular_markings"] = new JsonArray(new JsonObject { ["selectors"] = new JsonArray("name"), ["marking_ref"] = TlpGreen, ["lang"] = "ja" }), Indicator, "granular_markings[0]", "exactly one of marking_ref and lang", false),
        ["TLP 1.0 marking with an unpublished id"] = new(b => Object(b, TlpGreen)["id"] = $"marking-definition--{Uuid}", $"marking-definition--{Uuid}", "id", "must have the published id", true),
        ["TLP 1.0 marking of an unknown level"] = new(b => Object(b, TlpGreen)["definition"] = new JsonObject { ["tlp"] = "purple" }, TlpGreen, "definition.tlp", "must be one of white, green, amber, red", true),
        ["marking without definition"] = new(b => Object(b, TlpGreen).Remove("definition"), TlpGreen, "definition", "is required", true),
        ["conflicting duplicates"] = new(b => Objects(b).Add(Changed(Object(b, Malware), "name", "Poison Ivy 2")), Malware, "", "objects[9] has the same id and modified 2016-04-06T20:07:09.000Z as objects[2] but different content", false),
        ["conflicting SCO duplicates"] = new(b => Objects(b).Add(Changed(Object(b, Address), "value", "198.51.100.4")), Address, "", "objects[9] has the same id as objects[5] but different content", false),
        ["unknown type that is not custom"] = new(b => Objects(b).Add(new JsonObject { ["type"] = "threat-report", ["spec_version"] = "2.1", ["id"] = $"threat-report--{Uuid}", ["created"] = "2016-04-06T20:03:00.000Z", ["modified"] = "2016-04-06T20:03:00.000Z", ["name"] = "x" }), $"threat-report--{Uuid}", "type", "is not a STIX 2.1 object type", false),
        ["bundle inside a bundle"] = new(b => Objects(b).Add(new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Uuid}" }), $"bundle--{Uuid}", "type", "a bundle cannot be an object of a bundle", false),
        ["defanged on an SDO"] = new(b => Object(b, Malware)["defanged"] = true, Malware, "defanged", "only allowed on SCOs", false),
        ["property name with capitals"] = new(b => Object(b, Malware)["Description"] = "x", Malware, "Description", "is not a valid property name", true),
        ["SCO without its value"] = new(b => Object(b, Address).Remove("value"), Address, "value", "is required", true),
        ["relationship type with spaces"] = new(b => Object(b, Relationship)["relationship_type"] = "related to", Relationship, "relationship_type", "may only contain a–z, 0–9 and hyphens", true),
        ["extension without extension_type"] = new(b => Object(b, Malware)["extensions"] = new JsonObject { [$"extension-definition--{Uuid}"] = new JsonObject { ["rank"] = 5 } }, Malware, $"extensions.extension-definition--{Uuid}.extension_type", "is required for a STIX Extension", true),
    };

    private static JsonObject Changed(JsonObject original, string property, string value)
    {
        var copy = original.DeepClone().AsObject();
        copy[property] = value;
        return copy;
    }

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Fact]
    public void Valid_HasNoErrors()
    {
        var result = Validate(Valid());
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Valid_PassesTheOasisSchemas() => (await OasisStixSchemas.ValidateAsync(Valid())).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_BadBundle_IsRejectedForTheRightObjectAndReason(string name)
    {
        var bad = Cases[name];
        var bundle = Valid();
        bad.Break(bundle);
        var errors = Validate(bundle).Errors;
        errors.ShouldContain(e => e.Object == bad.Object && e.Path == bad.Path && e.Reason.Contains(bad.Reason, StringComparison.Ordinal),
            $"expected {bad.Object} {bad.Path}: …{bad.Reason}…, got:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OasisSchemas_BadBundle_RejectedWhereTheSchemaCanTell(string name)
    {
        var bad = Cases[name];
        var bundle = Valid();
        bad.Break(bundle);
        var errors = await OasisStixSchemas.ValidateAsync(bundle);
        if (bad.SchemaDetects)
        {
            errors.ShouldNotBeEmpty();
        }
        else
        {
            // Documents which rules only the validator enforces: if the schemas start catching one, flip its flag.
            errors.ShouldBeEmpty(string.Join("\n", errors));
        }
    }
}
