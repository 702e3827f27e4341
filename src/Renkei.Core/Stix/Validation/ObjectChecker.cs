using System.Globalization;
using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>Typed property checks on one STIX object, reporting under its label (id or <c>objects[i]</c>).</summary>
internal sealed class ObjectChecker(JsonElement obj, string label, string type, Findings findings)
{
    public JsonElement Object => obj;

    public string Label => label;

    public string Type => type;

    public Findings Findings => findings;

    public void Error(string path, string reason) => findings.Error(label, path, reason);

    public bool Has(string name) => obj.TryGetProperty(name, out _);

    public JsonElement? Get(string name) => obj.TryGetProperty(name, out var value) ? value : null;

    public bool Require(string name)
    {
        if (Has(name))
        {
            return true;
        }
        Error(name, "is required");
        return false;
    }

    public string? String(string name, bool required = false)
    {
        if (Get(name) is not { } value)
        {
            if (required)
            {
                Error(name, "is required");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, "must be a string");
            return null;
        }
        return value.GetString();
    }

    public bool? Boolean(string name, bool required = false)
    {
        if (Get(name) is not { } value)
        {
            if (required)
            {
                Error(name, "is required");
            }
            return null;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(name, "must be a boolean");
            return null;
        }
        return value.GetBoolean();
    }

    public long? Integer(string name, long min, long max, bool required = false)
    {
        if (Get(name) is not { } value)
        {
            if (required)
            {
                Error(name, "is required");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            Error(name, $"must be an integer from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}");
            return null;
        }
        return number;
    }

    public double? Number(string name, double min, double max)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() is var number && (number < min || number > max))
        {
            Error(name, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return number;
    }

    /// <summary>A timestamp property (§2.16); <paramref name="milliseconds"/> for created and modified (§3.2).</summary>
    public StixTimestamp? Timestamp(string name, bool required = false, bool milliseconds = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (!StixTimestamp.TryParse(text, out var timestamp))
        {
            Error(name, $"'{Clip(text)}' is not a STIX timestamp (RFC 3339 in UTC: YYYY-MM-DDTHH:mm:ss[.s+]Z)");
            return null;
        }
        if (milliseconds && !StixTimestamp.HasMilliseconds(text))
        {
            Error(name, $"'{text}' must be precise to at least the millisecond (three digits after the decimal point)");
        }
        return timestamp;
    }

    /// <summary>Checks that <paramref name="later"/> is at or after (or, if strict, after) <paramref name="earlier"/>.</summary>
    public void Order(string earlier, string later, bool strict)
    {
        // Type and format errors were reported when each property was read; only the order is judged here.
        if (Get(earlier) is { ValueKind: JsonValueKind.String } first && first.GetString() is { } a
            && Get(later) is { ValueKind: JsonValueKind.String } second && second.GetString() is { } b
            && StixTimestamp.TryParse(a, out var from) && StixTimestamp.TryParse(b, out var to)
            && (strict ? to <= from : to < from))
        {
            Error(later, $"{later} ({b}) must be {(strict ? "later than" : "the same as or later than")} {earlier} ({a})");
        }
    }

    /// <summary>A non-empty list of strings (§2.12: lists are never empty).</summary>
    public List<string>? StringList(string name, bool required = false)
    {
        if (Get(name) is not { } value)
        {
            if (required)
            {
                Error(name, "is required");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            Error(name, "must be a non-empty list of strings");
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
