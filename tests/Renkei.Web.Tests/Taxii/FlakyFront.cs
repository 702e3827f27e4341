using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Renkei.Web.Tests.Taxii;

/// <summary>
/// A loopback front for the partner that fails the first <c>failures</c> requests with 503 (as an
/// overloaded server or a restarting proxy would) and passes the rest through unchanged.
/// </summary>
internal sealed class FlakyFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FlakyFront(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FlakyFront> StartAsync(Uri partner, int failures)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var front = new FlakyFront(app);
        var upstream = new HttpClient { BaseAddress = partner };
        app.Run(async context =>
        {
            if (Interlocked.Increment(ref front._requests) <= failures)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "0";
                return;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, context.Request.Path + context.Request.QueryString);
            foreach (var (name, values) in context.Request.Headers.Where(h => h.Key is "Authorization" or "Accept"))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
            using var response = await upstream.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Where(h => h.Key.StartsWith("X-TAXII", StringComparison.Ordinal)))
            {
                context.Response.Headers[name] = values.ToArray();
            }
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body);
        });
        await app.StartAsync();
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
