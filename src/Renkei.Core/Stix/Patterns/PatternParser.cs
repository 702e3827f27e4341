using System.Globalization;

namespace Renkei.Stix.Patterns;

/// <summary>
/// A recursive-descent parser for STIX 2.1 patterns (spec §9). Precedence, loosest first:
/// FOLLOWEDBY, OR, AND between observation expressions; qualifiers bind to the expression just
/// before them (§9.5.2: they are not greedy); inside brackets OR is looser than AND (§9.5).
/// </summary>
internal sealed partial class PatternParser
{
    /// <summary>Parentheses deeper than this are refused, so a hostile pattern cannot exhaust the stack.</summary>
    public const int MaxNesting = 64;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "LAST",
        "IN", "START", "STOP", "SECONDS", "TIMES", "WITHIN", "REPEATS", "true", "false",
    };

    private readonly List<PatternToken> _tokens;
    private int _next;
    private int _nesting;

    private PatternParser(List<PatternToken> tokens) => _tokens = tokens;

    /// <summary>The syntax tree of a pattern; throws <see cref="PatternSyntaxException"/> with the position of the first problem.</summary>
    public static ObservationExpression Parse(string pattern)
    {
        var parser = new PatternParser(PatternLexer.Tokenise(pattern));
        var expression = parser.FollowedBy();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new PatternSyntaxException(parser.Peek.Position, $"expected AND, OR, FOLLOWEDBY or a qualifier but found {parser.Peek.Describe()}");
        }
        return expression;
    }

    private PatternToken Peek => _tokens[_next];

    private PatternToken Take()
    {
        var token = _tokens[_next];
        if (token.Kind != TokenKind.End)
        {
            _next++;
        }
        return token;
    }

    private PatternToken Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw new PatternSyntaxException(Peek.Position, $"expected {what} but found {Peek.Describe()}");
        }
        return Take();
    }

    private void ExpectWord(string keyword, string after)
    {
        if (!Peek.IsWord(keyword))
        {
            throw new PatternSyntaxException(Peek.Position, $"expected {keyword} after {after} but found {Peek.Describe()}");
        }
        Take();
    }

    private ObservationExpression FollowedBy() => Binary(Or, "FOLLOWEDBY");

    private ObservationExpression Or() => Binary(And, "OR");

    private ObservationExpression And() => Binary(Qualified, "AND");

    private ObservationExpression Binary(Func<ObservationExpression> operand, string keyword)
    {
        var first = operand();
        if (!Peek.IsWord(keyword))
        {
            return first;
        }
        var position = Peek.Position;
        var operands = new List<ObservationExpression> { first };
        while (Peek.IsWord(keyword))
        {
            Take();
            operands.Add(operand());
        }
        return new ObservationOperation(keyword, operands, position);
    }

    private ObservationExpression Qualified()
    {
        var expression = Primary();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Peek.Kind == TokenKind.Word && Peek.Text is "WITHIN" or "REPEATS" or "START")
        {
            var qualifier = Qualifier();
            // §9.5.1: an observation expression must not have more than one qualifier of a type.
            if (!seen.Add(qualifier.Keyword))
            {
                throw new PatternSyntaxException(qualifier.Position, $"an observation expression may have only one {qualifier.Keyword} qualifier");
            }
            expression = new QualifiedObservation(expression, qualifier, qualifier.Position);
        }
        return expression;
    }

    private Qualifier Qualifier()
    {
        var keyword = Take();
        switch (keyword.Text)
        {
            case "WITHIN":
                {
                    var amount = Literal();
                    if (!amount.IsNumber || double.Parse(amount.Text, CultureInfo.InvariantCulture) <= 0)
                    {
                        throw new PatternSyntaxException(amount.Position, "WITHIN needs a positive number of seconds");
                    }
                    ExpectWord("SECONDS", "the WITHIN amount");
                    return new Qualifier("WITHIN", amount, null, keyword.Position);
                }
            case "REPEATS":
                {
                    var count = Literal();
                    if (count.Kind != LiteralKind.Integer || count.Text.StartsWith('-') || count.Text.TrimStart('+') == "0")
                    {
                        throw new PatternSyntaxException(count.Position, "REPEATS needs a positive integer");
                    }
                    ExpectWord("TIMES", "the REPEATS count");
                    return new Qualifier("REPEATS", count, null, keyword.Position);
                }
            default:
                {
                    var start = Expect(TokenKind.Timestamp, "a timestamp t'…' after START");
                    ExpectWord("STOP", "the START timestamp");
                    var stop = Expect(TokenKind.Timestamp, "a timestamp t'…' after STOP");
                    // §9.5.1: observations must be at or after START and before STOP, so STOP must be later.
                    // (Both parse: the lexer has checked every timestamp constant.)
                    if (StixTimestamp.TryParse(start.Value, out var from) && StixTimestamp.TryParse(stop.Value, out var to) && to <= from)
                    {
                        throw new PatternSyntaxException(stop.Position, "the STOP timestamp must be later than the START timestamp");
                    }
                    return new Qualifier("START", ToLiteral(start), ToLiteral(stop), keyword.Position);
                }
        }
    }

    private ObservationExpression Primary()
    {
        var token = Peek;
        if (token.Kind == TokenKind.LeftBracket)
        {
            Take();
            var body = ComparisonOr();
            Expect(TokenKind.RightBracket, "']' or AND/OR");
            ObjectTypes(body);
            return new ObservationBrackets(body, token.Position);
        }
        if (token.Kind == TokenKind.LeftParen)
        {
            Enter(token);
            var inner = FollowedBy();
            Expect(TokenKind.RightParen, "')' or AND/OR/FOLLOWEDBY");
            _nesting--;
            return inner;
        }
        throw new PatternSyntaxException(token.Position, $"expected '[' or '(' to start an observation expression but found {token.Describe()}");
    }

    private void Enter(PatternToken parenthesis)
    {
        Take();
        if (++_nesting > MaxNesting)
        {
            throw new PatternSyntaxException(parenthesis.Position, $"parentheses are nested more than {MaxNesting} deep");
        }
    }
}
