using System.Text;

namespace Renkei.Stix.Patterns;

/// <summary>Splits a pattern into tokens (spec §9.2 constants, §9.4 whitespace), checking each literal's own syntax.</summary>
internal static class PatternLexer
{
    public static List<PatternToken> Tokenise(string pattern)
    {
        var tokens = new List<PatternToken>();
        var i = 0;
        while (true)
        {
            // §9.4: any Unicode whitespace delimits, and runs of it count as one.
            while (i < pattern.Length && char.IsWhiteSpace(pattern[i]))
            {
                i++;
            }
            if (i >= pattern.Length)
            {
                tokens.Add(new PatternToken(TokenKind.End, "", pattern.Length));
                return tokens;
            }
            var token = Next(pattern, i);
            tokens.Add(token);
            i = token.Position + token.Text.Length;
        }
    }

    private static PatternToken Next(string p, int i)
    {
        var c = p[i];
        var next = i + 1 < p.Length ? p[i + 1] : '\0';
        switch (c)
        {
            case '[': return new(TokenKind.LeftBracket, "[", i);
            case ']': return new(TokenKind.RightBracket, "]", i);
            case '(': return new(TokenKind.LeftParen, "(", i);
            case ')': return new(TokenKind.RightParen, ")", i);
            case ',': return new(TokenKind.Comma, ",", i);
            case ':': return new(TokenKind.Colon, ":", i);
            case '*': return new(TokenKind.Star, "*", i);
            case '=': return new(TokenKind.Equal, "=", i);
            case '!' when next == '=': return new(TokenKind.NotEqual, "!=", i);
            case '<' when next == '=': return new(TokenKind.LessOrEqual, "<=", i);
            case '<': return new(TokenKind.Less, "<", i);
            case '>' when next == '=': return new(TokenKind.GreaterOrEqual, ">=", i);
            case '>': return new(TokenKind.Greater, ">", i);
            case '\'': return QuotedString(p, i, i, TokenKind.String);
            case 't' or 'h' or 'b' when next == '\'':
                return Prefixed(p, i, c);
            case '.' when char.IsAsciiDigit(next):
                return Number(p, i);
            case '.': return new(TokenKind.Dot, ".", i);
            case '-' or '+' when char.IsAsciiDigit(next) || next == '.':
                return Number(p, i);
        }
        if (char.IsAsciiDigit(c))
        {
            return Number(p, i);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var end = i + 1;
            while (end < p.Length && (char.IsAsciiLetterOrDigit(p[end]) || p[end] is '_' or '-'))
            {
                end++;
            }
            return new(TokenKind.Word, p[i..end], i);
        }
        throw new PatternSyntaxException(i, $"unexpected character '{c}'");
    }

    /// <summary>A string constant: apostrophes around it, and only \' and \\ as escapes (§9.2).</summary>
    private static PatternToken QuotedString(string p, int start, int quote, TokenKind kind)
    {
        var value = new StringBuilder();
        var i = quote + 1;
        while (i < p.Length)
        {
            var c = p[i];
            if (c == '\'')
            {
                return new(kind, p[start..(i + 1)], start, value.ToString());
            }
            if (c == '\\')
            {
                if (i + 1 >= p.Length || p[i + 1] is not ('\'' or '\\'))
                {
                    throw new PatternSyntaxException(i, "a backslash in a string may only escape an apostrophe or another backslash");
                }
                value.Append(p[i + 1]);
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
        throw new PatternSyntaxException(start, "the string is not closed with an apostrophe");
    }

    private static PatternToken Prefixed(string p, int start, char prefix)
    {
        var token = QuotedString(p, start, start + 1, prefix switch
        {
            't' => TokenKind.Timestamp,
            'h' => TokenKind.Hex,
            _ => TokenKind.Binary,
        });
        var value = token.Value!;
        var valid = prefix switch
        {
            't' => StixTimestamp.TryParse(value, out _),
            'h' => value.Length % 2 == 0 && value.All(char.IsAsciiHexDigit),
            _ => IsBase64(value),
        };
        if (!valid)
        {
            throw new PatternSyntaxException(start, prefix switch
            {
                't' => $"'{value}' is not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z)",
                'h' => "a hex constant must have an even number of hexadecimal digits",
                _ => "a binary constant must be base64",
            });
        }
        return token;
    }

    /// <summary>Base64 per RFC 4648 with padding; line feeds are allowed and ignored (§9.2).</summary>
    private static bool IsBase64(string value)
    {
        var text = value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (text.Length % 4 != 0)
        {
            return false;
        }
        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < text.Length - padding; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Integers and floats as the grammar has them: optional sign, no leading zeros, no exponent.</summary>
    private static PatternToken Number(string p, int start)
    {
        var i = start;
        if (p[i] is '-' or '+')
        {
            i++;
        }
        var digitsStart = i;
        while (i < p.Length && char.IsAsciiDigit(p[i]))
        {
            i++;
        }
        var integerDigits = i - digitsStart;
        var isFloat = false;
        if (i < p.Length && p[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < p.Length && char.IsAsciiDigit(p[i]))
            {
                i++;
            }
            if (i == fractionStart)
            {
                throw new PatternSyntaxException(start, "a float needs digits after the decimal point");
            }
            isFloat = true;
        }
        if (i < p.Length && (char.IsAsciiLetter(p[i]) || p[i] == '_'))
        {
            throw new PatternSyntaxException(i, $"unexpected '{p[i]}' after a number");
        }
        if (!isFloat && integerDigits > 1 && p[digitsStart] == '0')
        {
            throw new PatternSyntaxException(start, "an integer must not have leading zeros");
        }
        return new(isFloat ? TokenKind.Float : TokenKind.Integer, p[start..i], start);
    }
}
