using Microsoft.AspNetCore.Http.Metadata;

namespace Renkei.Web.Infrastructure;

/// <summary>
/// Refuses a declared body larger than the endpoint's limit before anything reads it. Kestrel
/// enforces the same limits while reading; this makes them hold behind any server (and in the
/// in-memory test server, which enforces none).
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? WebSetup.MaxRequestBody;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            throw new BadHttpRequestException($"The request body is {length} bytes; this endpoint accepts at most {limit}.", StatusCodes.Status413PayloadTooLarge);
        }
        return next(context);
    }
}
