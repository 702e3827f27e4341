using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

/// <summary>People along the electricity reporting chain, and helpers to file and move reports.</summary>
public sealed class ReportChain
{
    public required HttpClient Reporter { get; init; }
    public required HttpClient ReporterColleague { get; init; }
    public required Guid ReporterOrganisation { get; init; }
    public required Guid ReporterUser { get; init; }
    public required HttpClient Secretariat { get; init; }
    public required HttpClient Ministry { get; init; }
    public required HttpClient OtherMinistry { get; init; }
    public required HttpClient Nisc { get; init; }
    public required HttpClient NiscAuditor { get; init; }
    public required HttpClient SectorPeer { get; init; }
    public required HttpClient OtherSector { get; init; }
    public required HttpClient Jpcert { get; init; }

    public static async Task<ReportChain> CreateAsync(RenkeiApp app)
    {
        var operatorOrg = await app.Data.OrganisationAsync(Renkei.Directory.OrganisationKind.Operator, "electricity", name: "北電力 " + Guid.NewGuid().ToString("N")[..6], ceptoars: ["electricity"]);
        var (reporter, reporterCaller) = await app.ClientAsync(operatorOrg.Id, Role.Reporter);
        var (colleague, _) = await app.ClientAsync(operatorOrg.Id, Role.Admin);
        var peerOrg = await app.Data.OrganisationAsync(Renkei.Directory.OrganisationKind.Operator, "electricity", ceptoars: ["electricity"]);
        async Task<HttpClient> At(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;
        return new ReportChain
        {
            Reporter = reporter,
            ReporterColleague = colleague,
            ReporterOrganisation = operatorOrg.Id,
            ReporterUser = reporterCaller.UserId,
            Secretariat = await At("je-isac", Role.Coordinator),
            Ministry = await At("meti", Role.Analyst),
            OtherMinistry = await At("mlit", Role.Analyst),
            Nisc = await At("nisc", Role.Analyst),
            NiscAuditor = await At("nisc", Role.Auditor),
            SectorPeer = (await app.ClientAsync(peerOrg.Id, Role.Viewer)).Client,
            OtherSector = (await app.OperatorAsync("telecom", null, Role.Viewer)).Client,
            Jpcert = await At("jpcert", Role.Coordinator),
        };
    }

    /// <remarks>
    /// Not law-obliged by default: anonymised routes are only for reports outside legal obligation
    /// (Reports/Data/routes.json), and most tests here exercise them.
    /// </remarks>
    public static object Content(string title = "制御システムの不正アクセスによる供給支障", string kind = "service_outage", string sector = "electricity", string? scope = null, bool legallyRequired = false) => new
    {
        language = "ja",
        title,
        kind,
        threatCategory = "cyber_attack",
        threatSubtype = "on_service_systems",
        threatExamples = new[] { "intrusion", "malware" },
        affectedSystems = new[] { "ot", "it" },
        service = "電力供給",
        sectorCode = sector,
        businessScopeCode = scope ?? sector,
        status = "一部地域で供給支障",
        interimMeasures = "系統切替",
        cause = "調査中",
        countermeasures = "該当端末の隔離",
        recoveryOutlook = "本日中",
        impact = new { supplyShortfallKw = 150000, durationMinutes = 45, householdsAffected = 52000 },
        awareAt = DateTime.UtcNow.AddHours(-2),
        startedAt = DateTime.UtcNow.AddHours(-3),
        legallyRequired,
        legalBasis = legallyRequired ? "電気事業法" : null,
        indicators = new object[] { new { type = "ipv4", value = "203.0.113.7" }, new { type = "domain", value = "Evil.Example.COM." }, new { type = "cve", value = "cve-2024-12345" } },
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, string route, string tlp = "amber", string? viaCeptoar = null, string? viaAgency = null, object? content = null, bool share = false)
    {
        var response = await client.PostAsJsonAsync("/api/v1/reports", new { content = content ?? Content(), route, viaCeptoar, viaAgency, tlp, shareWithSector = share });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Uploads one file as a browser form would (multipart/form-data, field "file").</summary>
    public static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid id, byte[] bytes, string fileName = "log.txt", string contentType = "text/plain")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/reports/{id}/attachments", form);
    }

    public static async Task<JsonElement?> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/reports/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
