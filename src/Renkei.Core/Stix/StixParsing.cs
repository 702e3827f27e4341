using System.Text.Json;
using Renkei.Common;
using Renkei.Stix.Validation;

namespace Renkei.Stix;

/// <summary>Reading a received bundle (or TAXII envelope) into checked objects, with errors by object id.</summary>
public static class StixParsing
{
    /// <summary>A bundle whose every object passed validation; identical duplicates appear once.</summary>
    public sealed record CheckedBundle(string? BundleId, string Title, string? Producer, IReadOnlyList<JsonElement> Objects);

    public static Result<JsonDocument> Parse(byte[] body, bool envelope)
    {
        try
        {
            // Depth 64: STIX nests little; a hostile document gets a clear error instead of deep recursion.
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return Problem.Invalid(envelope ? "envelope" : "bundle", Text.T("is not valid JSON: {0}", e.Message));
        }
    }

    /// <summary>Most objects one bundle or envelope may bring (the byte limits of the API and TAXII apply first).</summary>
    public const int MaxObjects = 500_000;

    /// <summary>The envelope or bundle's shape and every object's validity; errors keyed by object id (or <c>objects[i]</c>).</summary>
    public static Result<CheckedBundle> Check(JsonElement root, bool envelope)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors[envelope ? "envelope" : "bundle"] = [Text.T("must be a JSON object")];
            return Problem.Invalid(errors);
        }
        if (!envelope && Str(root, "type") is { } single && single != "bundle")
        {
            // One object on its own (files such as the OASIS examples hold one): a bundle of one.
            Collect(StixBundleValidator.Validate(root, Options), errors);
            return errors.Count > 0 ? Problem.Invalid(errors) : new CheckedBundle(null, TitleOf([root], null), ProducerOf([root]), [root]);
        }
        if (!root.TryGetProperty("objects", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors["objects"] = [Text.T("must be a non-empty list of STIX objects")];
            return Problem.Invalid(errors);
        }
        if (envelope)
        {
            // A TAXII envelope is a bundle without type and id: validate its objects as one.
            using var bundle = JsonDocument.Parse("{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":" + list.GetRawText() + "}");
            Collect(StixBundleValidator.Validate(bundle.RootElement, Options), errors);
        }
        else
        {
            if (StixParsing.Str(root, "type") != "bundle")
            {
                errors["type"] = [Text.T("must be \"bundle\"")];
                return Problem.Invalid(errors);
            }
            Collect(StixBundleValidator.Validate(root, Options), errors);
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var objects = new List<JsonElement>();
        var seen = new HashSet<(string, string?)>();
        if (root.TryGetProperty("objects", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var o in array.EnumerateArray())
            {
                // Identical duplicates are one object (the validator refused conflicting ones).
                if (seen.Add((Str(o, "id")!, VersionText(o))))
                {
                    objects.Add(o);
                }
            }
        }
        var bundleId = envelope ? null : Str(root, "id");
        return new CheckedBundle(bundleId, TitleOf(objects, bundleId), ProducerOf(objects), objects);
    }

    private static readonly StixValidationOptions Options = new() { MaxObjects = MaxObjects };

    /// <summary>Errors by object (its id, or objects[i]), each "property: reason".</summary>
    private static void Collect(StixValidationResult result, Dictionary<string, string[]> errors)
    {
        foreach (var group in result.Errors.GroupBy(e => e.Object, StringComparer.Ordinal))
        {
            errors[group.Key] = group.Select(e => e.Path.Length == 0 ? e.Reason : $"{e.Path}: {e.Reason}").ToArray();
        }
    }

    /// <summary>Each object's id and version as far as they can be read (for a status listing every object).</summary>
    public static IEnumerable<(string Id, string? Version)> Identify(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("objects", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        var i = 0;
        foreach (var o in array.EnumerateArray())
        {
            yield return (Str(o, "id") ?? $"objects[{i}]", VersionText(o));
            i++;
        }
    }

    public static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The object's version as written: <c>modified</c>, else <c>created</c>; null for objects without either.</summary>
    public static string? VersionText(JsonElement o) => Str(o, "modified") ?? Str(o, "created");

    public static DateTime? Version(JsonElement o) => StixTimestamp.ParseUtc(VersionText(o));

    private static string TitleOf(List<JsonElement> objects, string? bundleId)
    {
        var reports = objects.Where(o => Str(o, "type") == "report" && Str(o, "name") is not null).Take(2).ToList();
        if (reports.Count == 1)
        {
            var name = Str(reports[0], "name")!;
            return name.Length > 300 ? name[..300] : name;
        }
        return bundleId is null ? "STIX" : "STIX " + bundleId;
    }

    private static string? ProducerOf(List<JsonElement> objects)
    {
        var creator = objects.Select(o => Str(o, "created_by_ref")).FirstOrDefault(r => r is not null);
        var identity = creator is null ? (JsonElement?)null : objects.FirstOrDefault(o => Str(o, "id") == creator);
        var name = identity is { } i ? Str(i, "name") : null;
        return name is null ? creator : name.Length > 300 ? name[..300] : name;
    }
}
