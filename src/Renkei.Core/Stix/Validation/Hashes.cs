using System.Text.Json;

namespace Renkei.Stix.Validation;

/// <summary>The hashes type (§2.7): algorithm names as keys, digests in the algorithm's format as values.</summary>
internal static class Hashes
{
    /// <summary>Hex digest lengths of the hash-algorithm-ov entries that have a fixed one (§10.7).</summary>
    private static readonly Dictionary<string, int> HexLengths = new(StringComparer.Ordinal)
    {
        ["MD5"] = 32,
        ["SHA-1"] = 40,
        ["SHA-256"] = 64,
        ["SHA-512"] = 128,
        ["SHA3-256"] = 64,
        ["SHA3-512"] = 128,
    };

    public static void Check(ObjectChecker c, string path, JsonElement hashes)
    {
        if (hashes.ValueKind != JsonValueKind.Object || !hashes.EnumerateObject().Any())
        {
            c.Error(path, "must be a non-empty dictionary of hashes");
            return;
        }
        foreach (var hash in hashes.EnumerateObject())
        {
            var key = hash.Name;
            var where = $"{path}.{ObjectChecker.Clip(key)}";
            if (key.Length is < 3 or > 250 || !key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            {
                c.Error(where, "is not a valid hash algorithm name (3–250 characters of A–Z, a–z, 0–9, hyphen and underscore)");
            }
            if (hash.Value.ValueKind != JsonValueKind.String)
            {
                c.Error(where, "must be a string");
            }
            else if (HexLengths.TryGetValue(key, out var length) && hash.Value.GetString() is var digest
                && (digest!.Length != length || !digest.All(char.IsAsciiHexDigit)))
            {
                c.Error(where, $"must be {length} hexadecimal digits");
            }
        }
    }
}
