using System.Globalization;

namespace Renkei.Stix.Patterns;

/// <summary>Comparison expressions (spec §9.6), object paths (§9.7) and constants (§9.2).</summary>
internal sealed partial class PatternParser
{
    private ComparisonExpression ComparisonOr() => ComparisonRun(ComparisonAnd, "OR");

    private ComparisonExpression ComparisonAnd() => ComparisonRun(ComparisonPrimary, "AND");

    private ComparisonExpression ComparisonRun(Func<ComparisonExpression> operand, string keyword)
    {
        var first = operand();
        if (!Peek.IsWord(keyword))
        {
            return first;
        }
        var position = Peek.Position;
        var operands = new List<ComparisonExpression> { first };
        while (Peek.IsWord(keyword))
        {
            Take();
            operands.Add(operand());
        }
        return new ComparisonOperation(keyword, operands, position);
    }

    private ComparisonExpression ComparisonPrimary()
    {
        var token = Peek;
        if (token.Kind == TokenKind.LeftParen)
        {
            Enter(token);
            var inner = ComparisonOr();
            Expect(TokenKind.RightParen, "')' or AND/OR");
            _nesting--;
            return inner;
        }
        if (token.IsWord("EXISTS"))
        {
            Take();
            return new Comparison(Path(), "EXISTS", false, [], token.Position);
        }
        var path = Path();
        var negated = false;
        if (Peek.IsWord("NOT"))
        {
            Take();
            negated = true;
        }
        var op = Take();
        return op.Kind switch
        {
            TokenKind.Equal or TokenKind.NotEqual => new Comparison(path, op.Text, negated, [Literal()], path.Position),
            TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual => new Comparison(path, op.Text, negated, [Orderable()], path.Position),
            TokenKind.Word when op.Text == "IN" => new Comparison(path, "IN", negated, Set(), path.Position),
            TokenKind.Word when op.Text is "LIKE" or "MATCHES" => new Comparison(path, op.Text, negated, [StringConstant(op.Text)], path.Position),
            TokenKind.Word when op.Text is "ISSUBSET" or "ISSUPERSET" => new Comparison(path, op.Text, negated, [Network(op.Text)], path.Position),
            _ => throw new PatternSyntaxException(op.Position, $"expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) but found {op.Describe()}"),
        };
    }

    private ObjectPath Path()
    {
        var typeToken = Peek;
        if (typeToken.Kind != TokenKind.Word || Keywords.Contains(typeToken.Text))
        {
            throw new PatternSyntaxException(typeToken.Position, $"expected an object path (type:property) but found {typeToken.Describe()}");
        }
        Take();
        if (!StixIds.IsTypeName(typeToken.Text))
        {
            throw new PatternSyntaxException(typeToken.Position, $"'{typeToken.Text}' is not a STIX object type name (3–250 characters: a–z, 0–9, single hyphens)");
        }
        Expect(TokenKind.Colon, "':' after the object type");
        var steps = new List<PathStep> { new(PropertyName(), null, false) };
        while (true)
        {
            if (Peek.Kind == TokenKind.Dot)
            {
                Take();
                steps.Add(new PathStep(PropertyName(), null, false));
            }
            else if (Peek.Kind == TokenKind.LeftBracket)
            {
                Take();
                steps.Add(Index());
                Expect(TokenKind.RightBracket, "']' after the list index");
            }
            else
            {
                return new ObjectPath(typeToken.Text, steps, typeToken.Position);
            }
        }
    }

    /// <summary>A bare property name, or a quoted one (needed when it has a hyphen or a full stop, §9.7).</summary>
    private string PropertyName()
    {
        var token = Take();
        if (token.Kind == TokenKind.String)
        {
            return token.Value!;
        }
        if (token.Kind != TokenKind.Word || Keywords.Contains(token.Text))
        {
            throw new PatternSyntaxException(token.Position, $"expected a property name but found {token.Describe()}");
        }
        if (token.Text.Contains('-', StringComparison.Ordinal))
        {
            throw new PatternSyntaxException(token.Position, $"a property name with a hyphen must be quoted: '{token.Text}'");
        }
        return token.Text;
    }

    private PathStep Index()
    {
        var token = Take();
        if (token.Kind == TokenKind.Star)
        {
            return new PathStep(null, null, true);
        }
        if (token.Kind == TokenKind.Integer && int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            return new PathStep(null, index, true);
        }
        throw new PatternSyntaxException(token.Position, $"expected a list index (an integer or *) but found {token.Describe()}");
    }

    private PatternLiteral Literal()
    {
        var token = Take();
        if (token.Kind == TokenKind.Word && token.Text is "true" or "false")
        {
            return new PatternLiteral(LiteralKind.Boolean, token.Text, token.Text, token.Position);
        }
        if (token.Kind is TokenKind.String or TokenKind.Integer or TokenKind.Float or TokenKind.Timestamp or TokenKind.Hex or TokenKind.Binary)
        {
            return ToLiteral(token);
        }
        throw new PatternSyntaxException(token.Position, $"expected a constant (string, number, boolean, t'…', h'…' or b'…') but found {token.Describe()}");
    }

    private PatternLiteral Orderable()
    {
        var literal = Literal();
        return literal.Kind == LiteralKind.Boolean
            ? throw new PatternSyntaxException(literal.Position, "booleans cannot be compared with <, <=, > or >=")
            : literal;
    }

    private PatternLiteral StringConstant(string op)
    {
        var token = Take();
        return token.Kind == TokenKind.String
            ? ToLiteral(token)
            : throw new PatternSyntaxException(token.Position, $"{op} needs a string constant but found {token.Describe()}");
    }

    /// <summary>ISSUBSET and ISSUPERSET compare against an IP address or CIDR block (§9.6.1).</summary>
    private PatternLiteral Network(string op)
    {
        var literal = StringConstant(op);
        return IsAddressOrNetwork(literal.Value)
            ? literal
            : throw new PatternSyntaxException(literal.Position, $"{op} needs an IPv4 or IPv6 address or CIDR block, not '{literal.Value}'");
    }

    /// <summary>IN takes a parenthesised list of constants of one data type (§9.6.1).</summary>
    private List<PatternLiteral> Set()
    {
        Expect(TokenKind.LeftParen, "'(' to start the IN list");
        var values = new List<PatternLiteral>();
        if (Peek.Kind != TokenKind.RightParen)
        {
            values.Add(Literal());
            while (Peek.Kind == TokenKind.Comma)
            {
                Take();
                var value = Literal();
                if (value.IsNumber != values[0].IsNumber || (!value.IsNumber && value.Kind != values[0].Kind))
                {
                    throw new PatternSyntaxException(value.Position, "the constants of an IN list must all be of the same type");
                }
                values.Add(value);
            }
        }
        Expect(TokenKind.RightParen, "',' or ')' in the IN list");
        return values;
    }

    private static PatternLiteral ToLiteral(PatternToken token) => new(token.Kind switch
    {
        TokenKind.String => LiteralKind.String,
        TokenKind.Integer => LiteralKind.Integer,
        TokenKind.Float => LiteralKind.Float,
        TokenKind.Timestamp => LiteralKind.Timestamp,
        TokenKind.Hex => LiteralKind.Hex,
        _ => LiteralKind.Binary,
    }, token.Text, token.Value ?? token.Text, token.Position);

    private static bool IsAddressOrNetwork(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? value : value[..slash];
        if (!System.Net.IPAddress.TryParse(address, out var ip) || (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.Count(c => c == '.') != 3))
        {
            return false;
        }
        if (slash < 0)
        {
            return true;
        }
        var maxPrefix = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= maxPrefix;
    }

    /// <summary>
    /// The object types a comparison expression can match, checking §9.5: operands of AND must be
    /// satisfiable by the same object, so comparisons on different types may only be joined by OR.
    /// </summary>
    private static HashSet<string> ObjectTypes(ComparisonExpression expression)
    {
        if (expression is Comparison comparison)
        {
            return new HashSet<string>(StringComparer.Ordinal) { comparison.Path.ObjectType };
        }
        var operation = (ComparisonOperation)expression;
        var types = ObjectTypes(operation.Operands[0]);
        foreach (var operand in operation.Operands.Skip(1))
        {
            var next = ObjectTypes(operand);
            if (operation.Operator == "OR")
            {
                types.UnionWith(next);
                continue;
            }
            if (!types.Overlaps(next))
            {
                throw new PatternSyntaxException(operand.Position, $"AND joins comparisons on different object types ({string.Join(", ", types.Order(StringComparer.Ordinal))} and {string.Join(", ", next.Order(StringComparer.Ordinal))}); within brackets they must be joined by OR");
            }
            types.IntersectWith(next);
        }
        return types;
    }
}
