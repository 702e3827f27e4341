using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Renkei.Web.Taxii;

/// <summary>TAXII 2.1 media types (§1.6.8) and the checks of Accept and Content-Type.</summary>
public static class TaxiiMedia
{
    public const string Taxii = "application/taxii+json;version=2.1";
    public const string Stix = "application/stix+json;version=2.1";

    /// <summary>
    /// Whether the client accepts a TAXII 2.1 answer: <c>application/taxii+json</c> with version
    /// 2.1 or without a version (which means the newest, 2.1), or a wildcard; no Accept header
    /// means anything (RFC 9110).
    /// </summary>
    public static bool Accepts(HttpRequest request)
    {
        var header = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Select(v => v ?? "").ToList(), out var values))
        {
            return false;
        }
        foreach (var value in values)
        {
            var type = value.MediaType.Value ?? "";
            if (type is "*/*" or "application/*")
            {
                return true;
            }
            if (type.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase) && IsVersion21(value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a posted body is declared as TAXII 2.1 (§5.4: the envelope's media type).</summary>
    public static bool IsTaxiiContent(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var value)
        && (value.MediaType.Value ?? "").Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase)
        && IsVersion21(value);

    private static bool IsVersion21(MediaTypeHeaderValue value)
    {
        var version = value.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase));
        return version is null || version.Value.Value?.Trim('"') == "2.1";
    }

    /// <summary>
    /// A TAXII error message resource (§3.6.1). The TAXII API answers with these rather than
    /// RFC 7807 problem details because standard TAXII clients read them; they carry the same
    /// facts (status, title, the field and the reason in <c>details</c>).
    /// </summary>
    public static IResult Error(int status, string title, string? description = null, IReadOnlyDictionary<string, string>? details = null) =>
        new TaxiiJsonResult(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("title", title);
            if (description is not null)
            {
                writer.WriteString("description", description);
            }
            writer.WriteString("http_status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (details is { Count: > 0 })
            {
                writer.WriteStartObject("details");
                foreach (var (key, value) in details)
                {
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        });

    /// <summary>Writes an error resource straight to a response (for authentication challenges, outside endpoints).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string title, string description) =>
        Error(status, title, description).ExecuteAsync(context);
}

/// <summary>A TAXII JSON answer written with a <see cref="Utf8JsonWriter"/> (objects are copied as stored, not re-serialised).</summary>
public sealed class TaxiiJsonResult(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var context = httpContext;
        context.Response.StatusCode = status;
        context.Response.ContentType = TaxiiMedia.Taxii;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default, SkipValidation = true }))
        {
            write(writer);
            await writer.FlushAsync(context.RequestAborted);
        }
    }
}
