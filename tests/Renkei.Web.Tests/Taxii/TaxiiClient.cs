using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Taxii;

/// <summary>A TAXII 2.1 client as the tests drive the server: Basic (e-mail + API token), the TAXII media types.</summary>
internal sealed class TaxiiClient(HttpClient http)
{
    public const string Media = "application/taxii+json;version=2.1";
    public const string Root = "/taxii2/renkei/";

    public HttpClient Http => http;

    public static async Task<(TaxiiClient Client, Renkei.Access.Caller Caller)> ForAsync(RenkeiApp app, Guid organisationId, params Role[] roles)
    {
        var user = await app.Data.UserAsync(organisationId, roles);
        await using var scope = app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "taxii", 1);
        var http = app.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Email}:{issued.Secret}")));
        http.DefaultRequestHeaders.Accept.ParseAdd(Media);
        return (new TaxiiClient(http), await app.Data.CallerAsync(user.Id));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        return (response.StatusCode, await BodyAsync(response), response);
    }

    public async Task<JsonElement> OkAsync(string path)
    {
        var (status, body, _) = await GetAsync(path);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, JsonNode envelope, string mediaType = Media)
    {
        var content = new StringContent(envelope.ToJsonString());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        var response = await http.PostAsync(path, content);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>The collection id whose alias (Renkei's key) is the one given.</summary>
    public async Task<string> CollectionAsync(string alias)
    {
        var list = await OkAsync(Root + "collections/");
        return list.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("alias").GetString() == alias).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length > 0)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/taxii+json", text);
            response.Content.Headers.ContentType!.Parameters.ShouldContain(p => p.Name == "version" && p.Value == "2.1");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        return default;
    }
}

/// <summary>STIX content for the tests: indicators with valid patterns and deterministic-looking ids.</summary>
internal static class StixSamples
{
    public static JsonObject Indicator(int i, string? marking = null, string created = "2026-01-01T00:00:00.000Z", string? modified = null)
    {
        var o = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = $"indicator--{i:x8}-0000-4000-8000-000000000000",
            ["created"] = created,
            ["modified"] = modified ?? created,
            ["name"] = $"C2 server {i}",
            ["pattern"] = $"[ipv4-addr:value = '198.51.{i / 256 % 256}.{i % 256}']",
            ["pattern_type"] = "stix",
            ["valid_from"] = created,
        };
        if (marking is not null)
        {
            o["object_marking_refs"] = new JsonArray(marking);
        }
        return o;
    }

    public static JsonObject Envelope(IEnumerable<JsonObject> objects) => new() { ["objects"] = new JsonArray(objects.ToArray<JsonNode>()) };

    public const string TlpGreen = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public const string TlpAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public const string TlpRed = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
}
