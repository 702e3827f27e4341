using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Renkei.Web.Infrastructure;

/// <summary>
/// Turns request-parsing failures (malformed JSON, wrong types, unknown enum values, invalid
/// UTF-8, oversized bodies, wrong content types, unparsable query values) into 4xx problem
/// details naming the field and the reason. Anything else is a bug: a 500 without internals.
/// </summary>
public sealed class BadInputExceptionHandler(IProblemDetailsService problems, ILogger<BadInputExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = Describe(bad);
        }
        else
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged. Nothing you sent was saved unless a response said so.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
            };
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (!Paths.IsMachine(httpContext.Request.Path))
        {
            await ErrorPages.WriteAsync(httpContext, problem.Status.Value);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(BadHttpRequestException bad)
    {
        var status = bad.StatusCode;
        var json = FindJsonException(bad);
        if (json is not null)
        {
            var field = FieldOf(json.Path);
            var reason = Reason(json);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this operation.",
                Detail = field.Length == 0 ? reason : $"{field}: {reason}",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            };
        }
        return status switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Status = status,
                Title = "The request body is too large.",
                Detail = bad.Message,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = status,
                Title = "Unsupported media type.",
                Detail = "Send the body as application/json (or text/csv for imports).",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            },
            _ => new HttpValidationProblemDetails(ParameterError(bad.Message))
            {
                Status = status,
                Title = "The request is malformed.",
                Detail = bad.Message,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            },
        };
    }

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    /// <summary>"$.audience[0].kind" becomes "audience[0].kind"; the root is "".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", "", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal);
    }

    private static string Reason(JsonException json)
    {
        var message = json.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known field";
        }
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var target = message.Split("could not be converted to ", 2)[1].Split('.', 2)[0].Split(' ')[0];
            return target.Contains("Nullable", StringComparison.Ordinal) || target.Contains("Enum", StringComparison.Ordinal) || target.StartsWith("Renkei.", StringComparison.Ordinal)
                ? "has a value of the wrong type or outside the allowed values"
                : $"has a value of the wrong type (expected {Friendly(target)})";
        }
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "appears more than once";
        }
        if (message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || message.Contains("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return "the body is not valid UTF-8";
        }
        return "the body is not well-formed JSON (" + message.Split(" Path:", 2)[0] + ")";
    }

    private static string Friendly(string clrType) => clrType switch
    {
        var t when t.Contains("String", StringComparison.Ordinal) => "a string",
        var t when t.Contains("Int", StringComparison.Ordinal) => "an integer",
        var t when t.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        var t when t.Contains("Guid", StringComparison.Ordinal) => "an id",
        var t when t.Contains("DateOnly", StringComparison.Ordinal) => "a date (YYYY-MM-DD)",
        var t when t.Contains("List", StringComparison.Ordinal) || t.Contains("[]", StringComparison.Ordinal) => "an array",
        _ => "another type",
    };

    /// <summary>Binding failures name the parameter: 'Failed to bind parameter "int limit" from "abc".'</summary>
    private static Dictionary<string, string[]> ParameterError(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start >= 0 && end > start)
        {
            var parameter = message[(start + 1)..end].Split(' ').Last();
            return new Dictionary<string, string[]> { [parameter] = [message] };
        }
        return new Dictionary<string, string[]> { [""] = [message] };
    }
}
