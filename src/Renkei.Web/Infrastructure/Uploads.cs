using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Renkei.Web.Identity;

namespace Renkei.Web.Infrastructure;

/// <summary>Endpoint metadata: the endpoint takes one file in the form field <paramref name="Name"/>, of at most <paramref name="MaxFileBytes"/>.</summary>
/// <remarks>Lets a body refused before the endpoint runs be answered with a problem naming the field.</remarks>
public sealed record UploadField(string Name, long MaxFileBytes);

/// <summary>File uploads (multipart/form-data) on the JSON API.</summary>
public static class Uploads
{
    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    public const long MultipartAllowance = 64 * 1024;

    /// <summary>
    /// One file in <paramref name="field"/>: the body may be the file plus the multipart framing,
    /// and a refused body names the field.
    /// </summary>
    /// <remarks>
    /// Antiforgery: the JSON endpoints need none, because a browser cannot send JSON to another
    /// origin without a CORS preflight, which this host never grants. A form it can send, so a
    /// form endpoint must not trust an ambient session cookie alone. API tokens are never sent by
    /// a browser on its own: callers with a bearer token need no antiforgery token. A signed-in
    /// browser session must send one (the <c>RequestVerificationToken</c> header or the form
    /// field <c>__af</c>), as the pages' own forms do.
    /// </remarks>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder builder, string field, long maxFileBytes) =>
        builder
            .WithMetadata(new UploadField(field, maxFileBytes), new RequestSizeLimitAttribute(maxFileBytes + MultipartAllowance))
            .DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var bearer = http.User.Identity?.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName;
                if (!bearer && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The antiforgery token is missing or invalid.",
                        Detail = Common.Text.T("Uploads from a browser session need the page's antiforgery token; programs use an API token."),
                        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    });
                }
                return await next(context);
            })
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// A body too large for an upload endpoint is refused before the endpoint runs — by
    /// <see cref="RequestSizeGuard"/> from its Content-Length, or by the server while form binding
    /// reads it — with a problem that knows no field; this names it.
    /// </summary>
    /// <remarks>
    /// A body that is not a form does not reach the endpoint either: routing answers it with 415,
    /// which needs no field to be understood.
    /// </remarks>
    public static void NameField(HttpContext http, ProblemDetails problem)
    {
        // The exception handler has cleared the endpoint from the context; its feature keeps it.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        if (problem.Status != StatusCodes.Status413PayloadTooLarge || endpoint?.Metadata.GetMetadata<UploadField>() is not { } upload)
        {
            return;
        }
        string[] reason = [Common.Text.T("must be at most {0}", Common.ByteSize.Describe(upload.MaxFileBytes))];
        if (problem is HttpValidationProblemDetails validation)
        {
            validation.Errors.TryAdd(upload.Name, reason);
        }
        else
        {
            problem.Extensions.TryAdd("errors", new Dictionary<string, string[]> { [upload.Name] = reason });
        }
    }
}
