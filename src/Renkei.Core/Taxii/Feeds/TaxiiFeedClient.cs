using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Renkei.Common;

namespace Renkei.Taxii.Feeds;

/// <summary>Where to ask, as whom, and from which point of the collection's timeline.</summary>
public sealed record TaxiiFeedRequest(string ApiRootUrl, string CollectionId, TaxiiFeedAuth Auth, string? Username, string? Secret, string? AddedAfter, string? Next, int Limit);

/// <summary>One page of a collection: its objects (a JSON array) and where the timeline goes on.</summary>
public sealed record TaxiiFeedPage(JsonElement Objects, int Count, bool More, string? Next, string? DateAddedLast, int Attempts);

/// <summary>A pull that did not work, in words an admin can act on, and how many requests it took.</summary>
public sealed class TaxiiFeedException(string message, int attempts = 0) : Exception(message)
{
    public int Attempts { get; } = attempts;
}

/// <summary>
/// Asks a partner's TAXII 2.1 server for a page of a collection's objects. Failures that may pass
/// (network, timeout, 408, 429, 5xx) are tried again with growing waits, honouring Retry-After;
/// the others (credentials, no such collection, not TAXII) fail at once with their reason.
/// Connections go only to public addresses unless allowed (<see cref="OutboundHttp"/>).
/// </summary>
public sealed class TaxiiFeedClient : IDisposable
{
    public const string MediaType = "application/taxii+json;version=2.1";
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly TaxiiFeedOptions _options;
    private readonly TimeProvider _time;

    public TaxiiFeedClient(IOptions<TaxiiFeedOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _http = new HttpClient(OutboundHttp.Handler(_options.AllowPrivateNetworks)) { Timeout = _options.Timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Renkei-TAXII/1");
    }

    public static Uri ObjectsUrl(TaxiiFeedRequest r)
    {
        var query = new List<string> { "limit=" + r.Limit.ToString(CultureInfo.InvariantCulture) };
        if (r.AddedAfter is not null)
        {
            query.Add("added_after=" + Uri.EscapeDataString(r.AddedAfter));
        }
        if (r.Next is not null)
        {
            query.Add("next=" + Uri.EscapeDataString(r.Next));
        }
        return new Uri($"{r.ApiRootUrl}collections/{Uri.EscapeDataString(r.CollectionId)}/objects/?{string.Join('&', query)}");
    }

    public async Task<TaxiiFeedPage> GetObjectsAsync(TaxiiFeedRequest request, CancellationToken ct)
    {
        var url = ObjectsUrl(request);
        string? reason = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, url);
                message.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(MediaType));
                message.Headers.Authorization = request.Auth switch
                {
                    TaxiiFeedAuth.Basic => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{request.Username}:{request.Secret}"))),
                    TaxiiFeedAuth.Bearer => new AuthenticationHeaderValue("Bearer", request.Secret),
                    _ => null,
                };
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
                if (response.IsSuccessStatusCode)
                {
                    try
                    {
                        return await ReadPageAsync(response, attempt, ct);
                    }
                    catch (TaxiiFeedException ex)
                    {
                        throw new TaxiiFeedException(ex.Message, attempt);
                    }
                }
                var status = (int)response.StatusCode;
                reason = Describe(response.StatusCode, await ErrorTitleAsync(response, ct));
                if (status is not (408 or 429) && status < 500)
                {
                    throw new TaxiiFeedException(reason, attempt);
                }
                retryAfter = response.Headers.RetryAfter switch
                {
                    { Delta: { } delta } => delta,
                    { Date: { } date } => date - _time.GetUtcNow(),
                    _ => null,
                };
            }
            catch (HttpRequestException ex)
            {
                reason = Text.T("could not reach the server: {0}", ex.Message);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                reason = Text.T("the server did not answer within {0} seconds", (int)_options.Timeout.TotalSeconds);
            }
            if (attempt > _options.Retries)
            {
                throw new TaxiiFeedException(Text.T("{0} (gave up after {1} attempts)", reason!, attempt), attempt);
            }
            var wait = _options.RetryDelay * Math.Pow(2, attempt - 1);
            if (retryAfter is { } after && after > wait)
            {
                wait = after < MaxRetryAfter ? after : MaxRetryAfter;
            }
            await Task.Delay(wait, _time, ct);
        }
    }

    private async Task<TaxiiFeedPage> ReadPageAsync(HttpResponseMessage response, int attempts, CancellationToken ct)
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        if (media is not ("application/taxii+json" or "application/json"))
        {
            throw new TaxiiFeedException(Text.T("the server answered with {0}, not TAXII 2.1 JSON", media ?? "no content type"));
        }
        if (response.Content.Headers.ContentLength > _options.MaxPageBytes)
        {
            throw new TaxiiFeedException(Text.T("the page is larger than {0} MB", _options.MaxPageBytes / (1024 * 1024)));
        }
        using var body = new MemoryStream();
        await using (var stream = await response.Content.ReadAsStreamAsync(ct))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > _options.MaxPageBytes)
                {
                    throw new TaxiiFeedException(Text.T("the page is larger than {0} MB", _options.MaxPageBytes / (1024 * 1024)));
                }
                body.Write(buffer, 0, read);
            }
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new TaxiiFeedException(Text.T("the page is not valid JSON: {0}", ex.Message));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TaxiiFeedException(Text.T("the page is not a TAXII envelope (a JSON object)"));
            }
            var objects = root.TryGetProperty("objects", out var o) ? o : default;
            if (objects.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined))
            {
                throw new TaxiiFeedException(Text.T("the envelope's objects are not a list"));
            }
            var more = root.TryGetProperty("more", out var m) && m.ValueKind == JsonValueKind.True;
            var next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.FirstOrDefault()?.Trim() : null;
            if (last is not null && (last.Length > 64 || !DateTime.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _)))
            {
                throw new TaxiiFeedException(Text.T("the server's X-TAXII-Date-Added-Last is not a timestamp"));
            }
            var array = objects.ValueKind == JsonValueKind.Array ? objects.Clone() : JsonDocument.Parse("[]").RootElement.Clone();
            return new TaxiiFeedPage(array, array.GetArrayLength(), more, next, last, attempts);
        }
    }

    private static string Describe(HttpStatusCode status, string? title)
    {
        var code = (int)status;
        var what = code switch
        {
            401 => Text.T("the server refused the credentials"),
            403 => Text.T("the credentials may not read this collection"),
            404 => Text.T("the server has no such API root or collection"),
            406 or 415 => Text.T("the server does not speak TAXII 2.1"),
            _ => Text.T("the server answered with an error"),
        };
        return title is null ? $"{what} (HTTP {code})" : $"{what} (HTTP {code}: {title})";
    }

    /// <summary>The title of a TAXII error resource, made safe to keep and show (short, one line).</summary>
    private static async Task<string?> ErrorTitleAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            if (response.Content.Headers.ContentLength is > 65536)
            {
                return null;
            }
            var text = await response.Content.ReadAsStringAsync(ct);
            if (text.Length > 65536)
            {
                return null;
            }
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
            {
                var title = new string(t.GetString()!.Where(c => !char.IsControl(c)).ToArray()).Trim();
                return title.Length == 0 ? null : title.Length > 200 ? title[..200] : title;
            }
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
        {
        }
        return null;
    }

    public void Dispose() => _http.Dispose();
}
