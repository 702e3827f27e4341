using Renkei.Indicators;

namespace Renkei.Stix.Patterns;

/// <summary>Between Renkei's typed indicators and the simplest STIX patterns, both ways.</summary>
public static class IndicatorPatterns
{
    /// <summary>
    /// The pattern matching exactly this indicator, e.g. <c>[ipv4-addr:value = '198.51.100.3']</c> or
    /// <c>[file:hashes.'SHA-256' = '…']</c>; null for a CVE (it is a vulnerability object, not an
    /// observable) and for a value that is not valid for its type. The value is normalised first.
    /// </summary>
    public static string? ToPattern(IndicatorValue indicator)
    {
        var value = IndicatorRules.Normalise(indicator.Type, indicator.Value);
        var path = Path(indicator.Type);
        return value is null || path is null ? null : $"[{path} = {StixPattern.Quote(value)}]";
    }

    /// <summary>
    /// The indicator a pattern of the shape <see cref="ToPattern"/> produces stands for (one
    /// observation, one equality, no qualifiers), normalised; null for any other pattern. Hash names
    /// are matched leniently (<c>md5</c>, <c>'SHA-256'</c>, <c>SHA256</c>) as producers differ.
    /// </summary>
    public static IndicatorValue? FromPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > StixPattern.MaxLength)
        {
            return null;
        }
        if (Canonical(pattern) is { } canonical)
        {
            var normalised = IndicatorRules.Normalise(canonical.Type, canonical.Literal);
            return normalised is null ? null : new IndicatorValue(canonical.Type, normalised);
        }
        ObservationExpression parsed;
        try
        {
            parsed = PatternParser.Parse(pattern);
        }
        catch (PatternSyntaxException)
        {
            return null;
        }
        if (parsed is not ObservationBrackets { Body: Comparison { Operator: "=", Negated: false } comparison }
            || comparison.Values is not [{ Kind: LiteralKind.String } literal])
        {
            return null;
        }
        var type = Type(comparison.Path);
        var value = type is { } t ? IndicatorRules.Normalise(t, literal.Value) : null;
        return value is null ? null : new IndicatorValue(type!.Value, value);
    }

    private static readonly (string Prefix, IndicatorType Type)[] CanonicalPrefixes =
        Enum.GetValues<IndicatorType>().Where(t => Path(t) is not null).Select(t => ($"[{Path(t)} = '", t)).ToArray();

    /// <summary>
    /// The exact text <see cref="ToPattern"/> writes, with a literal free of quotes and
    /// backslashes, recognised without the parser (imports of 100,000 indicators correlate each
    /// one): the parser would read it as the same single equality on the same path and literal.
    /// Anything else, however close, goes to the parser.
    /// </summary>
    private static (IndicatorType Type, string Literal)? Canonical(string pattern)
    {
        if (!pattern.EndsWith("']", StringComparison.Ordinal))
        {
            return null;
        }
        foreach (var (prefix, type) in CanonicalPrefixes)
        {
            if (pattern.Length >= prefix.Length + 2 && pattern.StartsWith(prefix, StringComparison.Ordinal))
            {
                var literal = pattern.AsSpan(prefix.Length, pattern.Length - prefix.Length - 2);
                return literal.ContainsAny('\\', '\'') ? null : (type, literal.ToString());
            }
        }
        return null;
    }

    /// <summary>The SCO type and property an indicator type is matched on (§6); null for CVE.</summary>
    internal static string? Path(IndicatorType type) => type switch
    {
        IndicatorType.Ipv4 => "ipv4-addr:value",
        IndicatorType.Ipv6 => "ipv6-addr:value",
        IndicatorType.Domain => "domain-name:value",
        IndicatorType.Url => "url:value",
        IndicatorType.Email => "email-addr:value",
        // Hash names from the hash-algorithm-ov vocabulary (§10.7); hyphenated ones must be quoted (§9.7).
        IndicatorType.Md5 => "file:hashes.MD5",
        IndicatorType.Sha1 => "file:hashes.'SHA-1'",
        IndicatorType.Sha256 => "file:hashes.'SHA-256'",
        _ => null,
    };

    /// <summary>The hash-algorithm-ov name of a hash indicator type.</summary>
    internal static string? HashName(IndicatorType type) => type switch
    {
        IndicatorType.Md5 => "MD5",
        IndicatorType.Sha1 => "SHA-1",
        IndicatorType.Sha256 => "SHA-256",
        _ => null,
    };

    private static IndicatorType? Type(ObjectPath path)
    {
        if (path.Steps.Any(s => s.IsIndex))
        {
            return null;
        }
        var names = path.Steps.Select(s => s.Name!).ToList();
        return (path.ObjectType, names) switch
        {
            ("ipv4-addr", ["value"]) => IndicatorType.Ipv4,
            ("ipv6-addr", ["value"]) => IndicatorType.Ipv6,
            ("domain-name", ["value"]) => IndicatorType.Domain,
            ("url", ["value"]) => IndicatorType.Url,
            ("email-addr", ["value"]) => IndicatorType.Email,
            ("file", ["hashes", var algorithm]) => Hash(algorithm),
            _ => null,
        };
    }

    private static IndicatorType? Hash(string algorithm) =>
        algorithm.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "MD5" => IndicatorType.Md5,
            "SHA1" => IndicatorType.Sha1,
            "SHA256" => IndicatorType.Sha256,
            _ => null,
        };
}
