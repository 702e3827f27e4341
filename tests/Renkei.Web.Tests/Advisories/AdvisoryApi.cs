using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Renkei.Web.Tests.Advisories;

/// <summary>The advisory API as the tests call it: a body on the expected status, field errors, and draft-then-publish.</summary>
internal static class AdvisoryApi
{
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>Creates the draft and publishes it; returns the published advisory.</summary>
    public static async Task<JsonElement> PublishedAsync(HttpClient issuer, object advisory)
    {
        var draft = await OkAsync(await issuer.PostAsJsonAsync("/api/v1/advisories", advisory), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        return await OkAsync(await issuer.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = draft.GetProperty("version").GetInt32() }));
    }
}
