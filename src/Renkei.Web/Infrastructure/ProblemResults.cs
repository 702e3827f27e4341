using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Renkei.Common;

namespace Renkei.Web.Infrastructure;

/// <summary>Feature problems as RFC 7807 responses.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult From(Problem problem) => problem.Kind switch
    {
        ProblemKind.NotFound => TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found",
            Detail = problem.Detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        }),
        ProblemKind.Forbidden => TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = problem.Detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        }),
        // A conflict that names fields (a stale version of one entry among many) carries them.
        ProblemKind.Conflict when problem.Errors is { Count: > 0 } => TypedResults.Problem(new HttpValidationProblemDetails(problem.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = problem.Detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        }),
        ProblemKind.Conflict => TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = problem.Detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        }),
        ProblemKind.TooLarge => TypedResults.Problem(new HttpValidationProblemDetails(problem.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [])
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request body is too large.",
            Detail = problem.Detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        }),
        _ => TypedResults.Problem(new HttpValidationProblemDetails(problem.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [])
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = problem.Detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        }),
    };

    public static ProblemHttpResult NotFound(string what) => From(Problem.NotFound(what));

    /// <summary>200 with the value, or the problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(Result<T> result) =>
        result.Ok ? TypedResults.Ok(result.Value!) : From(result.Problem!);

    public static ProblemHttpResult Unauthenticated() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Unauthorized",
        Detail = "Sign in, or send an API token as 'Authorization: Bearer <token>'.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
    });
}
