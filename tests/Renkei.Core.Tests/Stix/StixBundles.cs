using System.Text.Json;
using System.Text.Json.Nodes;
using Renkei.Stix.Validation;

namespace Renkei.Core.Tests.Stix;

/// <summary>A valid STIX 2.1 bundle with one object of each common kind, for tests to break one rule at a time.</summary>
internal static class StixBundles
{
    public const string Producer = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
    public const string Indicator = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    public const string Malware = "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b";
    public const string Relationship = "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad";
    public const string TlpGreen = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string Address = "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4";
    public const string ObservedData = "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf";
    public const string Sighting = "sighting--ee20065d-2555-424f-ad9e-0f8428623c75";
    public const string Location = "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64";
    public const string Bundle = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d";

    public static JsonObject Valid() => JsonNode.Parse($$"""
        {
          "type": "bundle",
          "id": "{{Bundle}}",
          "objects": [
            {
              "type": "identity", "spec_version": "2.1", "id": "{{Producer}}",
              "created": "2016-04-06T20:03:00.000Z", "modified": "2016-04-06T20:03:00.000Z",
              "name": "Example CEPTOAR", "identity_class": "organization"
            },
            {
              "type": "indicator", "spec_version": "2.1", "id": "{{Indicator}}",
              "created_by_ref": "{{Producer}}",
              "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
              "indicator_types": ["malicious-activity"], "name": "C2 address",
              "pattern": "[ipv4-addr:value = '198.51.100.3']", "pattern_type": "stix",
              "valid_from": "2016-01-01T00:00:00Z", "valid_until": "2017-01-01T00:00:00Z",
              "confidence": 80, "labels": ["c2"],
              "external_references": [{ "source_name": "renkei", "external_id": "R-1" }],
              "object_marking_refs": ["{{TlpGreen}}"],
              "granular_markings": [{ "selectors": ["name", "external_references.[0].external_id"], "marking_ref": "{{TlpGreen}}" }]
            },
            {
              "type": "malware", "spec_version": "2.1", "id": "{{Malware}}",
              "created": "2016-04-06T20:07:09.000Z", "modified": "2016-04-06T20:07:09.000Z",
              "name": "Poison Ivy", "is_family": true,
              "first_seen": "2015-01-01T00:00:00Z", "last_seen": "2016-01-01T00:00:00Z",
              "kill_chain_phases": [{ "kill_chain_name": "lockheed-martin-cyber-kill-chain", "phase_name": "installation" }]
            },
            {
              "type": "relationship", "spec_version": "2.1", "id": "{{Relationship}}",
              "created": "2016-04-06T20:06:37.000Z", "modified": "2016-04-06T20:06:37.000Z",
              "relationship_type": "indicates", "source_ref": "{{Indicator}}", "target_ref": "{{Malware}}"
            },
            {
              "type": "marking-definition", "spec_version": "2.1", "id": "{{TlpGreen}}",
              "created": "2017-01-20T00:00:00.000Z", "definition_type": "tlp", "name": "TLP:GREEN",
              "definition": { "tlp": "green" }
            },
            { "type": "ipv4-addr", "spec_version": "2.1", "id": "{{Address}}", "value": "198.51.100.3" },
            {
              "type": "observed-data", "spec_version": "2.1", "id": "{{ObservedData}}",
              "created": "2016-04-06T19:58:16.000Z", "modified": "2016-04-06T19:58:16.000Z",
              "first_observed": "2015-12-21T19:00:00Z", "last_observed": "2015-12-21T19:00:00Z",
              "number_observed": 50, "object_refs": ["{{Address}}"]
            },
            {
              "type": "sighting", "spec_version": "2.1", "id": "{{Sighting}}",
              "created": "2016-04-06T20:08:31.000Z", "modified": "2016-04-06T20:08:31.000Z",
              "sighting_of_ref": "{{Indicator}}", "observed_data_refs": ["{{ObservedData}}"],
              "where_sighted_refs": ["{{Producer}}", "{{Location}}"], "count": 3,
              "first_seen": "2015-12-21T19:00:00Z", "last_seen": "2015-12-21T19:00:00Z"
            },
            {
              "type": "location", "spec_version": "2.1", "id": "{{Location}}",
              "created": "2016-04-06T20:03:00.000Z", "modified": "2016-04-06T20:03:00.000Z",
              "region": "eastern-asia", "country": "JP", "latitude": 35.68, "longitude": 139.76
            }
          ]
        }
        """)!.AsObject();

    /// <summary>The object with an id in the bundle.</summary>
    public static JsonObject Object(JsonObject bundle, string id) =>
        bundle["objects"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == id)!.AsObject();

    public static JsonArray Objects(JsonObject bundle) => bundle["objects"]!.AsArray();

    public static StixValidationResult Validate(JsonNode node, StixValidationOptions? options = null)
    {
        using var document = JsonDocument.Parse(node.ToJsonString(), new JsonDocumentOptions { MaxDepth = 1_000 });
        return StixBundleValidator.Validate(document.RootElement, options);
    }
}
