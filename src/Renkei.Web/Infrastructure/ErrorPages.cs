using System.Net;

namespace Renkei.Web.Infrastructure;

/// <summary>
/// Errors for people: a short page in the UI language with a way back. Programs (the API) get
/// RFC 7807 problem details instead; neither ever sees internals.
/// </summary>
public static class ErrorPages
{
    public static async Task WriteAsync(HttpContext context, int status)
    {
        var catalog = context.RequestServices.GetRequiredService<StringCatalog>();
        var language = StringCatalog.CurrentLanguage;
        string T(string key) => WebUtility.HtmlEncode(catalog.Find(key, language) ?? key);
        var key = status switch
        {
            404 => "Error.NotFound",
            400 => "Error.BadRequest",
            403 => "AccessDenied.Text",
            413 => "Error.TooLarge",
            >= 500 => "Error.Server",
            _ => "Error.Other",
        };
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{status} — Renkei</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main"><section class="narrow"><h1>{status}</h1><p>{T(key)}</p><p><a href="/">{T("Common.Home")}</a></p></section></main></body></html>
            """);
    }
}
