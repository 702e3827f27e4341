namespace Renkei.Stix.Patterns;

internal enum TokenKind
{
    End,
    /// <summary>A bare word: a keyword (AND, WITHIN …), true/false, an object type or a property name.</summary>
    Word,
    String,
    Timestamp,
    Hex,
    Binary,
    Integer,
    Float,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Comma,
    Colon,
    Dot,
    Star,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A token of a pattern; <see cref="Value"/> is the decoded content of string-like literals.</summary>
internal sealed record PatternToken(TokenKind Kind, string Text, int Position, string? Value = null)
{
    public bool IsWord(string keyword) => Kind == TokenKind.Word && Text == keyword;

    public string Describe() => Kind == TokenKind.End ? "the end of the pattern" : $"'{Text}'";
}

/// <summary>A pattern that does not follow the STIX 2.1 patterning grammar (spec §9) at a given character.</summary>
internal sealed class PatternSyntaxException(int position, string reason) : Exception($"at position {position}: {reason}")
{
    /// <summary>The 0-based index of the character the problem was found at.</summary>
    public int Position { get; } = position;

    public string Reason { get; } = reason;
}
