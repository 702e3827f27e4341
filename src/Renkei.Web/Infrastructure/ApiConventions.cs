using Microsoft.AspNetCore.Mvc;

namespace Renkei.Web.Infrastructure;

public static class ApiConventions
{
    /// <summary>JSON bodies above this are refused with 413; CSV imports have their own limit.</summary>
    public const long MaxJsonBody = 1024 * 1024;

    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>JSON as the API writes it, problem details for every failure, and the OpenAPI document.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            Uploads.NameField(context.HttpContext, context.ProblemDetails);
        });
        services.AddExceptionHandler<BadInputExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Renkei API";
            document.Info.Description = "Renkei (連携): the coordination platform of Japan's critical-infrastructure cybersecurity community. " +
                "Authenticate with 'Authorization: Bearer <API token>'. Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The /api/v1 group: signed-in callers only, bounded bodies, problem details on failure.</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) =>
        (RouteGroupBuilder)app.MapGroup("/api/v1")
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBody))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();

    /// <summary>Clamps paging parameters; an out-of-range limit is an error, not silently changed.</summary>
    public static Common.Problem? CheckPaging(int offset, int limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (offset < 0)
        {
            errors["offset"] = [Common.Text.T("must be 0 or more")];
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [Common.Text.T("must be between 1 and {0}", MaxLimit)];
        }
        return errors.Count > 0 ? Common.Problem.Invalid(errors) : null;
    }
}
