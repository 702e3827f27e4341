namespace Renkei.Stix.Patterns;

/// <summary>An observation expression (spec §9.5): brackets, observation operators, qualifiers.</summary>
internal abstract record ObservationExpression(int Position);

/// <summary><c>[ comparison expression ]</c>, matched against one observation.</summary>
internal sealed record ObservationBrackets(ComparisonExpression Body, int Position) : ObservationExpression(Position);

/// <summary>
/// <c>a AND b AND …</c>, <c>a OR b …</c> or <c>a FOLLOWEDBY b …</c> between observation expressions.
/// A run of one operator is one node, so the tree's depth grows only with parentheses (which are bounded).
/// </summary>
internal sealed record ObservationOperation(string Operator, IReadOnlyList<ObservationExpression> Operands, int Position) : ObservationExpression(Position);

/// <summary>An observation expression restricted by a qualifier (§9.5.1).</summary>
internal sealed record QualifiedObservation(ObservationExpression Inner, Qualifier Qualifier, int Position) : ObservationExpression(Position);

/// <summary>WITHIN n SECONDS, REPEATS n TIMES or START t'…' STOP t'…'.</summary>
internal sealed record Qualifier(string Keyword, PatternLiteral First, PatternLiteral? Second, int Position);

/// <summary>A comparison expression (§9.6): comparisons joined with AND/OR, possibly in parentheses.</summary>
internal abstract record ComparisonExpression(int Position);

/// <summary><c>a AND b AND …</c> or <c>a OR b OR …</c> inside brackets (one node per run, as above).</summary>
internal sealed record ComparisonOperation(string Operator, IReadOnlyList<ComparisonExpression> Operands, int Position) : ComparisonExpression(Position);

/// <summary>
/// One comparison: an object path, an operator (=, !=, &lt;, &gt;, &lt;=, &gt;=, IN, LIKE, MATCHES,
/// ISSUBSET, ISSUPERSET or EXISTS), NOT if negated, and a constant or a set of constants.
/// </summary>
internal sealed record Comparison(ObjectPath Path, string Operator, bool Negated, IReadOnlyList<PatternLiteral> Values, int Position) : ComparisonExpression(Position);

/// <summary><c>type:property.sub[*].x</c> (§9.7); an index step has no name, and a null index means <c>[*]</c>.</summary>
internal sealed record ObjectPath(string ObjectType, IReadOnlyList<PathStep> Steps, int Position);

internal sealed record PathStep(string? Name, int? Index, bool IsIndex);

internal enum LiteralKind
{
    String,
    Integer,
    Float,
    Boolean,
    Timestamp,
    Hex,
    Binary,
}

/// <summary>A constant (§9.2); <see cref="Value"/> is the decoded text of string-like constants.</summary>
internal sealed record PatternLiteral(LiteralKind Kind, string Text, string Value, int Position)
{
    public bool IsNumber => Kind is LiteralKind.Integer or LiteralKind.Float;
}
