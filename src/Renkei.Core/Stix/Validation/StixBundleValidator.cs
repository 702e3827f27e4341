using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>
/// Validates STIX 2.1 content against the rules of the specification that can be checked on the
/// content alone: bundle shape, object types and ids, common properties, the required properties
/// and constraints of every SDO, SRO, SCO and meta object, references, markings, patterns, and
/// conflicting duplicates. References are checked for form and target type, not resolved: the spec
/// lets them point to objects the consumer does not have (§3.3).
/// </summary>
public static class StixBundleValidator
{
    /// <summary>
    /// Validates a bundle (<c>"type": "bundle"</c>) or a single STIX object.
    /// </summary>
    /// <remarks>
    /// Duplicates within a bundle: objects are versions identified by id and <c>modified</c> (§3.6),
    /// and every representation of a version must be identical, so the same id and modified with
    /// different content is an error naming the id (objects without modified — SCOs and marking
    /// definitions — are not versioned, so any two with one id must be identical). An identical
    /// repeat is a warning and is validated once. The input is measured first (depth and object
    /// count, without recursion) so that a hostile bundle is refused before any rule runs.
    /// </remarks>
    public static StixValidationResult Validate(JsonElement bundleOrObject, StixValidationOptions? options = null)
    {
        options ??= new StixValidationOptions();
        var findings = new Findings(options.MaxErrors);
        if (TooDeep(bundleOrObject, options.MaxDepth))
        {
            findings.Error("bundle", "", $"the JSON is nested more than {options.MaxDepth} levels deep");
            return findings.Result();
        }
        if (bundleOrObject.ValueKind == JsonValueKind.Object
            && bundleOrObject.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "bundle")
        {
            Bundle(bundleOrObject, findings, options);
        }
        else
        {
            ObjectValidator.Validate(bundleOrObject, LabelOf(bundleOrObject, "object"), findings);
        }
        return findings.Result();
    }

    private static void Bundle(JsonElement bundle, Findings findings, StixValidationOptions options)
    {
        var id = bundle.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var usable = StixIds.TryParse(id, out var idType, out _) && idType == "bundle";
        var label = usable ? id! : "bundle";
        if (id is null)
        {
            findings.Error(label, "id", "is required (bundle--UUID)");
        }
        else if (!usable)
        {
            findings.Error(label, "id", $"'{ObjectChecker.Clip(id)}' is not a bundle identifier (bundle--UUID, RFC 4122)");
        }
        // A 2.1 bundle has no spec_version; a 2.0 bundle said "2.0", and its objects follow the 2.0 rules.
        if (bundle.TryGetProperty("spec_version", out var version) && !(version.ValueKind == JsonValueKind.String && version.GetString() == "2.1"))
        {
            findings.Error(label, "spec_version", $"is {version.GetRawText()}; only STIX 2.1 bundles (without spec_version) are accepted");
        }
        if (!bundle.TryGetProperty("objects", out var objects))
        {
            return;
        }
        if (objects.ValueKind != JsonValueKind.Array || objects.GetArrayLength() == 0)
        {
            findings.Error(label, "objects", "must be a non-empty list of STIX objects");
            return;
        }
        if (objects.GetArrayLength() > options.MaxObjects)
        {
            findings.Error(label, "objects", $"has {objects.GetArrayLength()} objects; at most {options.MaxObjects} are accepted");
            return;
        }
        var versions = new Dictionary<(string Id, string Modified), (int Index, JsonElement Object)>();
        var index = 0;
        foreach (var obj in objects.EnumerateArray())
        {
            if (findings.Full)
            {
                return;
            }
            var objectLabel = LabelOf(obj, $"objects[{index}]");
            if (Duplicate(obj, objectLabel, index, versions, findings))
            {
                index++;
                continue;
            }
            ObjectValidator.Validate(obj, objectLabel, findings);
            index++;
        }
    }

    /// <summary>True when the object repeats an earlier one with the same id and version (reported here).</summary>
    private static bool Duplicate(JsonElement obj, string label, int index, Dictionary<(string, string), (int Index, JsonElement Object)> versions, Findings findings)
    {
        if (!StixIds.TryParse(label, out _, out _))
        {
            return false;
        }
        var modified = obj.TryGetProperty("modified", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        if (!versions.TryGetValue((label, modified), out var first))
        {
            versions[(label, modified)] = (index, obj);
            return false;
        }
        if (JsonElement.DeepEquals(obj, first.Object))
        {
            findings.Warning(label, "", $"objects[{index}] repeats objects[{first.Index}] exactly; it is treated as the same object");
        }
        else
        {
            var version = modified.Length == 0 ? "" : $" and modified {modified}";
            findings.Error(label, "", $"objects[{index}] has the same id{version} as objects[{first.Index}] but different content (§3.6: a version's representations must be identical)");
        }
        return true;
    }

    /// <summary>The object's id when it is a valid identifier, otherwise its position.</summary>
    private static string LabelOf(JsonElement obj, string position) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && StixIds.TryParse(id.GetString(), out _, out _) ? id.GetString()! : position;

    /// <summary>Whether the JSON nests deeper than the limit; walked with an explicit stack, never recursion.</summary>
    private static bool TooDeep(JsonElement root, int maxDepth)
    {
        var stack = new Stack<(JsonElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                continue;
            }
            if (depth > maxDepth)
            {
                return true;
            }
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    stack.Push((property.Value, depth + 1));
                }
            }
            else
            {
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push((item, depth + 1));
                }
            }
        }
        return false;
    }
}
