namespace Renkei.Stix.Patterns;

/// <summary>The STIX 2.1 patterning language (spec §9): checks whether a pattern is well formed.</summary>
public static class StixPattern
{
    /// <summary>
    /// Patterns longer than this (256 Ki characters) are refused before parsing: a pattern is a
    /// detection rule, not a data set, and parsing holds every token in memory.
    /// </summary>
    public const int MaxLength = 1 << 18;

    /// <summary>
    /// Whether the pattern follows the grammar and the rules of §9 that can be checked without data
    /// (constant syntax, operator/constant types, qualifier values, AND only within one object type).
    /// The error names the 0-based character position of the first problem, e.g.
    /// <c>at position 17: expected ']' or AND/OR but found 'FOLLOWEDBY'</c>.
    /// </summary>
    /// <remarks>
    /// MATCHES regular expressions are not compiled: the spec prescribes PCRE, which .NET does not
    /// implement, and a regex valid in one may be invalid in the other.
    /// </remarks>
    public static (bool Ok, string? Error) Validate(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return (false, "at position 0: the pattern is empty");
        }
        if (pattern.Length > MaxLength)
        {
            return (false, $"at position {MaxLength}: the pattern is longer than {MaxLength} characters");
        }
        try
        {
            PatternParser.Parse(pattern);
            return (true, null);
        }
        catch (PatternSyntaxException e)
        {
            return (false, e.Message);
        }
    }

    /// <summary>
    /// A string constant for a pattern: the value between apostrophes, with apostrophes and
    /// backslashes escaped by a backslash (the only escapes §9.2 allows).
    /// </summary>
    public static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
