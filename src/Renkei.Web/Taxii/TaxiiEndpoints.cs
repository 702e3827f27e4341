using System.Text.Json;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Stix;
using Renkei.Taxii;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Taxii;

/// <summary>
/// The TAXII 2.1 server under <c>/taxii2/</c>: discovery, one API root (<c>renkei</c>),
/// collections per audience entry of the caller, objects with paging and filters, manifests,
/// versions, status resources and deletes. Authentication: HTTP Basic (e-mail and API token) or
/// a Bearer API token; reads go through the one access policy (<see cref="TaxiiCollections"/>).
/// </summary>
public static class TaxiiEndpoints
{
    public const string Root = "renkei";

    public static IServiceCollection AddTaxiiServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TaxiiOptions>().Bind(configuration.GetSection(TaxiiOptions.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapTaxiiEndpoints(this IEndpointRouteBuilder app)
    {
        var taxii = app.MapGroup("/taxii2").WithTags("TAXII").RequireAuthorization().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                TaxiiMedia.Accepts(context.HttpContext.Request)
                    ? await next(context)
                    : TaxiiMedia.Error(406, "Not acceptable", $"This server answers with {TaxiiMedia.Taxii}."));
        taxii.MapGet("/", Discovery).WithName("TaxiiDiscovery");
        var root = taxii.MapGroup("/" + Root);
        root.MapGet("/", ApiRoot).WithName("TaxiiApiRoot");
        root.MapGet("/status/{id:guid}/", Status).WithName("TaxiiStatus");
        root.MapGet("/collections/", Collections).WithName("TaxiiCollections");
        root.MapGet("/collections/{id:guid}/", Collection).WithName("TaxiiCollection");
        root.MapGet("/collections/{id:guid}/manifest/", Manifest).WithName("TaxiiManifest");
        root.MapGet("/collections/{id:guid}/objects/", Objects).WithName("TaxiiObjects");
        root.MapPost("/collections/{id:guid}/objects/", Add).WithName("TaxiiAddObjects")
            .WithMetadata(new TaxiiBodyLimit());
        root.MapGet("/collections/{id:guid}/objects/{objectId}/", Object).WithName("TaxiiObject");
        root.MapDelete("/collections/{id:guid}/objects/{objectId}/", Delete).WithName("TaxiiDeleteObject");
        root.MapGet("/collections/{id:guid}/objects/{objectId}/versions/", Versions).WithName("TaxiiObjectVersions");
        return app;
    }

    private static TaxiiJsonResult Discovery(HttpRequest request) => Json(200, w =>
    {
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}/taxii2/{Root}/";
        w.WriteStartObject();
        w.WriteString("title", "Renkei TAXII 2.1");
        w.WriteString("description", "重要インフラ連携基盤 Renkei の TAXII サーバ / Renkei, the critical-infrastructure information-sharing platform");
        w.WriteString("default", root);
        w.WriteStartArray("api_roots");
        w.WriteStringValue(root);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static TaxiiJsonResult ApiRoot(IOptions<TaxiiOptions> options) => Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("title", "Renkei");
        w.WriteString("description", "情報共有 (STIX 2.1) / Shared threat information (STIX 2.1)");
        w.WriteStartArray("versions");
        w.WriteStringValue(TaxiiMedia.Taxii);
        w.WriteEndArray();
        w.WriteNumber("max_content_length", options.Value.MaxContentLength);
        w.WriteEndObject();
    });

    private static async Task<IResult> Status(Guid id, RequestCaller caller, AccessPolicy access, CancellationToken ct)
    {
        var status = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(access.TaxiiStatuses(caller.Required).Where(s => s.Id == id), ct);
        return status is null ? NotFound("status") : Json(200, w => TaxiiWriter.Status(w, status));
    }

    private static async Task<IResult> Collections(RequestCaller caller, TaxiiCollections collections, HttpContext context, CancellationToken ct)
    {
        var list = await collections.ListAsync(caller.Required, ct);
        var ja = caller.Required.PreferredLanguage == "ja";
        return Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("collections");
            foreach (var c in list)
            {
                TaxiiWriter.Collection(w, c, ja);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Collection(Guid id, RequestCaller caller, TaxiiCollections collections, CancellationToken ct)
    {
        var c = await collections.FindAsync(caller.Required, id, ct);
        return c is null ? NotFound("collection") : Json(200, w => TaxiiWriter.Collection(w, c, caller.Required.PreferredLanguage == "ja"));
    }

    private static Task<IResult> Manifest(Guid id, HttpRequest request, RequestCaller caller, TaxiiCollections collections, TaxiiObjects objects, CancellationToken ct) =>
        Page(id, request, caller, collections, objects, null, TaxiiShape.Manifest, ct);

    private static Task<IResult> Objects(Guid id, HttpRequest request, RequestCaller caller, TaxiiCollections collections, TaxiiObjects objects, CancellationToken ct) =>
        Page(id, request, caller, collections, objects, null, TaxiiShape.Objects, ct);

    private static Task<IResult> Object(Guid id, string objectId, HttpRequest request, RequestCaller caller, TaxiiCollections collections, TaxiiObjects objects, CancellationToken ct) =>
        Page(id, request, caller, collections, objects, objectId, TaxiiShape.Objects, ct);

    private static Task<IResult> Versions(Guid id, string objectId, HttpRequest request, RequestCaller caller, TaxiiCollections collections, TaxiiObjects objects, CancellationToken ct) =>
        Page(id, request, caller, collections, objects, objectId, TaxiiShape.Versions, ct);

    private static async Task<IResult> Page(Guid id, HttpRequest request, RequestCaller caller, TaxiiCollections collections, TaxiiObjects objects, string? objectId, TaxiiShape shape, CancellationToken ct)
    {
        var collection = await collections.FindAsync(caller.Required, id, ct);
        if (collection is null)
        {
            return NotFound("collection");
        }
        if (!collection.CanRead)
        {
            return TaxiiMedia.Error(403, "Forbidden", "This collection may not be read.");
        }
        var (query, error) = TaxiiRequest.Read(request, versions: shape != TaxiiShape.Versions);
        if (error is not null)
        {
            return error;
        }
        if (shape == TaxiiShape.Versions)
        {
            query = query! with { Last = false, All = true };
        }
        var page = await objects.PageAsync(caller.Required, collection, query!, shape, objectId, ct);
        if (objectId is not null && page.Entries.Count == 0 && query!.After is null && query.AddedAfter is null)
        {
            return NotFound("object");
        }
        var headers = new Dictionary<string, string>();
        if (page is { FirstAdded: { } first, LastAdded: { } last })
        {
            headers["X-TAXII-Date-Added-First"] = StixTime.Micros(first);
            headers["X-TAXII-Date-Added-Last"] = StixTime.Micros(last);
        }
        return new TaxiiJsonResult(200, w =>
        {
            switch (shape)
            {
                case TaxiiShape.Objects:
                    TaxiiWriter.Envelope(w, page);
                    break;
                case TaxiiShape.Manifest:
                    TaxiiWriter.Manifest(w, page);
                    break;
                case TaxiiShape.Versions:
                    TaxiiWriter.Versions(w, page);
                    break;
            }
        }, headers);
    }

    private static async Task<IResult> Add(Guid id, HttpRequest request, RequestCaller caller, TaxiiCollections collections, StixImporter importer, IOptions<TaxiiOptions> options, CancellationToken ct)
    {
        var collection = await collections.FindAsync(caller.Required, id, ct);
        if (collection is null)
        {
            return NotFound("collection");
        }
        if (!collection.CanWrite)
        {
            return TaxiiMedia.Error(403, "Forbidden", "You may not add objects to this collection.");
        }
        if (!TaxiiMedia.IsTaxiiContent(request))
        {
            return TaxiiMedia.Error(415, "Unsupported media type", $"Send the envelope as {TaxiiMedia.Taxii}.");
        }
        var body = await ReadBodyAsync(request, options.Value.MaxContentLength, ct);
        if (body is null)
        {
            return TaxiiMedia.Error(413, "Content too large", $"The envelope may be at most {options.Value.MaxContentLength} bytes (max_content_length).");
        }
        var status = await importer.PostAsync(caller.Required, collection, body, ct);
        if (!status.Ok)
        {
            return TaxiiMedia.Error(400, "Bad request", status.Problem!.Detail, status.Problem.Errors?.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)));
        }
        return Json(202, w => TaxiiWriter.Status(w, status.Value!));
    }

    private static async Task<IResult> Delete(Guid id, string objectId, HttpRequest request, RequestCaller caller, TaxiiCollections collections, StixImporter importer, CancellationToken ct)
    {
        var collection = await collections.FindAsync(caller.Required, id, ct);
        if (collection is null)
        {
            return NotFound("collection");
        }
        var (query, error) = TaxiiRequest.Read(request);
        if (error is not null)
        {
            return error;
        }
        var result = await importer.DeleteAsync(caller.Required, collection, objectId, query!, ct);
        return result switch
        {
            StixImporter.DeleteOutcome.Deleted => Results.Ok(),
            StixImporter.DeleteOutcome.NotFound => NotFound("object"),
            _ => TaxiiMedia.Error(403, "Forbidden", "Only objects your organisation imported can be deleted; an advisory's objects follow the advisory (withdraw it instead)."),
        };
    }

    /// <summary>The body, or null when it is longer than the limit (checked while reading, not only from Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult NotFound(string what) => TaxiiMedia.Error(404, "Not found", $"No such {what} for you.");

    private static TaxiiJsonResult Json(int status, Action<Utf8JsonWriter> write) => new(status, write);
}

/// <summary>The TAXII server's settings (<c>Renkei:Taxii</c>).</summary>
public sealed class TaxiiOptions
{
    public const string Section = "Renkei:Taxii";

    /// <summary>The largest envelope a client may post, in bytes (the API root's <c>max_content_length</c>).</summary>
    public long MaxContentLength { get; set; } = 100L * 1024 * 1024;
}

/// <summary>Lifts the web host's default body limit for TAXII posts; <see cref="TaxiiOptions.MaxContentLength"/> applies instead.</summary>
internal sealed class TaxiiBodyLimit : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => long.MaxValue;
}
