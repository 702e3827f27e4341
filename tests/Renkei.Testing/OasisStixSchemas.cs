using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Visitors;

namespace Renkei.Testing;

/// <summary>
/// Validates STIX 2.1 JSON against the official OASIS JSON schemas in <c>tests/data/stix2-json-schemas</c>:
/// the bundle envelope against <c>common/bundle.json</c> and each object against the schema of its
/// type, so that errors name the object. Each schema is loaded once.
/// </summary>
/// <remarks>
/// The envelope is checked without its objects: <c>bundle.json</c> validates them with a oneOf over
/// every type, which is slow and reports mismatches with all the other types. Objects of types with
/// no schema (custom ones) are checked against the common core schemas, as bundle.json does.
/// Instances are read with dates left as strings (timestamps must match the schemas' patterns).
/// </remarks>
public static class OasisStixSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Schemas = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Sdos = new(StringComparer.Ordinal)
    {
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
        "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
        "opinion", "report", "threat-actor", "tool", "vulnerability",
    };

    private static readonly HashSet<string> Observables = new(StringComparer.Ordinal)
    {
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate",
    };

    /// <summary>Errors as <c>object: path kind</c> lines; empty when the JSON is valid.</summary>
    public static Task<IReadOnlyList<string>> ValidateAsync(JsonNode bundleOrObject) => ValidateAsync(bundleOrObject.ToJsonString());

    /// <summary>Errors as <c>object: path kind</c> lines; empty when the JSON is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string json)
    {
        var root = Parse(json);
        var errors = new List<string>();
        // A bundle by its type, or by its objects when the type is what is wrong.
        if (root is JObject { } bundle && ((string?)bundle["type"] == "bundle" || bundle["objects"] is not null))
        {
            var envelope = (JObject)bundle.DeepClone();
            var objects = bundle["objects"] as JArray;
            // Objects are checked one by one below; an empty or non-list objects stays for bundle.json to judge.
            if (objects is { Count: > 0 })
            {
                envelope.Remove("objects");
            }
            await AddErrorsAsync(errors, "bundle", Path("common", "bundle.json"), envelope);
            for (var i = 0; i < (objects?.Count ?? 0); i++)
            {
                await ValidateObjectAsync(errors, objects![i], $"objects[{i}]");
            }
            return errors;
        }
        await ValidateObjectAsync(errors, root, "object");
        return errors;
    }

    private static async Task ValidateObjectAsync(List<string> errors, JToken obj, string position)
    {
        var label = (obj as JObject)?["id"]?.Type == JTokenType.String ? (string)obj["id"]! : position;
        var type = (obj as JObject)?["type"]?.Type == JTokenType.String ? (string)obj["type"]! : null;
        await AddErrorsAsync(errors, label, SchemaFor(type, obj), obj);
    }

    private static string SchemaFor(string? type, JToken obj) => type switch
    {
        _ when type is not null && Sdos.Contains(type) => Path("sdos", type + ".json"),
        "relationship" or "sighting" => Path("sros", type + ".json"),
        _ when type is not null && Observables.Contains(type) => Path("observables", type + ".json"),
        "marking-definition" or "language-content" or "extension-definition" or "bundle" => Path("common", type + ".json"),
        // Custom objects: as bundle.json, the SDO/SRO core or, for SCO-like objects without created, the observable core.
        _ => obj["created"] is null ? Path("common", "cyber-observable-core.json") : Path("common", "core.json"),
    };

    private static async Task AddErrorsAsync(List<string> errors, string label, string schemaPath, JToken instance)
    {
        var schema = await Schemas.GetOrAdd(schemaPath, p => new Lazy<Task<JsonSchema>>(() => LoadAsync(p))).Value;
        foreach (var error in Flatten(schema.Validate(instance)))
        {
            errors.Add($"{label}: {error.Path} {error.Kind}");
        }
    }

    private static async Task<JsonSchema> LoadAsync(string path)
    {
        var schema = await JsonSchema.FromFileAsync(path);
        new TimestampEnumerations().Visit(schema);
        return schema;
    }

    /// <summary>
    /// NJsonSchema reads schema files with Newtonsoft's default date handling, so an enum of
    /// timestamps (the TLP markings' created) becomes DateTime values that no JSON string equals;
    /// this puts them back as the STIX timestamp strings the schema file has.
    /// </summary>
    private sealed class TimestampEnumerations : JsonSchemaVisitorBase
    {
        protected override JsonSchema VisitSchema(JsonSchema schema, string path, string typeNameHint)
        {
            if (schema.Enumeration.Any(v => v is DateTime))
            {
                var values = schema.Enumeration
                    .Select(v => v is DateTime d ? d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : v)
                    .ToList();
                schema.Enumeration.Clear();
                foreach (var value in values)
                {
                    schema.Enumeration.Add(value);
                }
            }
            return schema;
        }
    }

    /// <summary>The leaf errors: a failed allOf/oneOf reports its branches' errors as children.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    private static string Path(string folder, string file) =>
        RepositoryFiles.Path("tests", "data", "stix2-json-schemas", "schemas", folder, file);
}
