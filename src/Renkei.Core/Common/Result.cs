namespace Renkei.Common;

public enum ProblemKind
{
    /// <summary>The record does not exist or the caller may not see it (indistinguishable on purpose).</summary>
    NotFound,
    /// <summary>The caller may see the record but not do this to it.</summary>
    Forbidden,
    /// <summary>The request conflicts with the current state (stale version, duplicate, still in use).</summary>
    Conflict,
    /// <summary>One or more fields are invalid.</summary>
    Invalid,
    /// <summary>A field's content is larger than allowed (an upload); answered like <see cref="Invalid"/> but with 413.</summary>
    TooLarge,
}

/// <summary>An expected failure of a feature operation, with field-level reasons where there are fields.</summary>
public sealed record Problem(ProblemKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Problem NotFound(string what) => new(ProblemKind.NotFound, Text.T("{0} was not found.", Text.T(what)));

    public static Problem Forbidden(string detail) => new(ProblemKind.Forbidden, Text.T(detail));

    public static Problem Conflict(string detail) => new(ProblemKind.Conflict, Text.T(detail));

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, Text.T("One or more fields are invalid."), errors);

    public static Problem Invalid(string field, string reason) =>
        Invalid(new Dictionary<string, string[]> { [field] = [Text.T(reason)] });

    public static Problem TooLarge(string field, string reason) =>
        new(ProblemKind.TooLarge, Text.T("What you sent is larger than allowed."), new Dictionary<string, string[]> { [field] = [Text.T(reason)] });

    public static Problem StaleVersion(int expected, int actual) =>
        new(ProblemKind.Conflict, Text.T("The record was changed by someone else (you edited version {0}, it is now at version {1}). Reload it and apply your change again.", expected, actual));
}

/// <summary>A value or a <see cref="Common.Problem"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Problem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }
    public Problem? Problem { get; }
    public bool Ok => Problem is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem);
}
