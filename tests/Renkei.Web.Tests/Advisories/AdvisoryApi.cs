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

    /// <summary>An advisory body as the API takes it: an AMBER alert on a VPN vulnerability to electricity and telecom unless told otherwise.</summary>
    public static object Advisory(string title = "VPN 機器の脆弱性を悪用する攻撃について（注意喚起）", string tlp = "amber", object[]? audience = null, int? version = null,
        string[]? references = null, string urgency = "normal", string? distribution = "direct") => new
        {
            kind = "alert",
            title,
            summary = "VPN 機器の既知の脆弱性を悪用した侵入が複数分野で確認されています。",
            body = "## 概要\n\n対象機器を利用している場合は直ちに更新してください。<script>alert(1)</script>",
            recommendedActions = "ファームウェアを最新版に更新し、認証情報を変更する。",
            affectedProducts = new[] { "Example VPN 9.x" },
            indicators = new object[] { new { type = "cve", value = "cve-2024-12345" }, new { type = "ipv4", value = "198.51.100.23" } },
            references = references ?? ["https://www.nisc.go.jp/"],
            tlp,
            urgency,
            distribution,
            audience = audience ?? new object[] { new { kind = "sector", key = "electricity" }, new { kind = "sector", key = "telecom" } },
            version,
        };
}
