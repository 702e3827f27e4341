using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Renkei.Stix;

/// <summary>STIX 2.1 identifiers (<c>type--uuid</c>, spec §2.9), including deterministic UUIDv5 ones.</summary>
public static class StixIds
{
    /// <summary>The namespace the spec fixes for SCO ids (§2.9); producers must not use it for anything else.</summary>
    public static readonly Guid ScoNamespace = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    /// <summary>A name-based UUID (RFC 4122 §4.3, version 5: SHA-1 over namespace bytes and UTF-8 name).</summary>
    public static Guid UuidV5(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        // RFC 4122 hashes the namespace in network byte order, which Guid's default layout is not.
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what RFC 4122 version 5 is defined with; it names things here, it does not protect them.
#pragma warning disable CA5350
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }

    /// <summary>
    /// A deterministic id <c>type--uuidv5(namespace, name)</c>, for objects of our own whose id must
    /// not change between exports (use a namespace of our own: the SCO namespace is reserved).
    /// </summary>
    public static string For(string type, Guid namespaceId, string name) => $"{type}--{UuidV5(namespaceId, name):D}";

    /// <summary>
    /// The SCO id the spec recommends (§2.9): UUIDv5 in <see cref="ScoNamespace"/> over the RFC 8785
    /// canonical JSON of the object's ID contributing properties, e.g. <c>{"value":"198.51.100.3"}</c>.
    /// </summary>
    public static string ForSco(string type, JsonObject contributingProperties) =>
        For(type, ScoNamespace, CanonicalJson.Serialize(contributingProperties));

    /// <summary>
    /// Splits an identifier into its type and UUID; false unless it is <c>type--uuid</c> with a valid
    /// type name and an RFC 4122 UUID (versions 1–5, variant 10), as §2.9 requires.
    /// </summary>
    public static bool TryParse(string? id, [NotNullWhen(true)] out string? type, out Guid uuid)
    {
        type = null;
        uuid = Guid.Empty;
        if (id is null)
        {
            return false;
        }
        var separator = id.LastIndexOf("--", StringComparison.Ordinal);
        if (separator <= 0 || id.Length - separator - 2 != 36)
        {
            return false;
        }
        var typePart = id[..separator];
        var uuidPart = id[(separator + 2)..];
        if (!IsTypeName(typePart) || !IsRfc4122(uuidPart) || !Guid.TryParseExact(uuidPart, "D", out uuid))
        {
            return false;
        }
        type = typePart;
        return true;
    }

    /// <summary>
    /// Whether a type name follows §3.1 and §11.2: 3–250 characters of a–z, 0–9 and hyphen, starting
    /// with a letter, with no doubled or trailing hyphen.
    /// </summary>
    public static bool IsTypeName(string? type)
    {
        if (type is null || type.Length is < 3 or > 250 || type[0] is < 'a' or > 'z' || type[^1] == '-')
        {
            return false;
        }
        for (var i = 1; i < type.Length; i++)
        {
            var c = type[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && type[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsRfc4122(string uuid)
    {
        // xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx: V is the version (1–5 in RFC 4122), N the variant (10xx).
        // Upper-case hex digits are accepted as RFC 4122 does on input (the OASIS examples contain one).
        for (var i = 0; i < 36; i++)
        {
            var c = uuid[i];
            if (i is 8 or 13 or 18 or 23 ? c != '-' : !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return uuid[14] is >= '1' and <= '5' && uuid[19] is '8' or '9' or 'a' or 'b' or 'A' or 'B';
    }
}
