using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Reports;

public abstract class ReportBadInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private async Task<JsonElement> RefusedAsync(HttpClient client, object body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var before = await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Reports.CountAsync();
        var response = await client.PostAsJsonAsync("/api/v1/reports", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Reports.CountAsync()).ShouldBe(before, "nothing is half-stored");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task MissingFields_EachNamed()
    {
        var chain = await ReportChain.CreateAsync(app);
        var errors = await RefusedAsync(chain.Reporter, new { content = new { }, tlp = "amber" });
        foreach (var field in new[] { "route", "content.title", "content.kind", "content.threatCategory", "content.sectorCode" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field + " in " + errors);
        }
    }

    [Fact]
    public async Task ImpossibleValues_EachNamed()
    {
        var chain = await ReportChain.CreateAsync(app);
        var errors = await RefusedAsync(chain.Reporter, new
        {
            route = "ministry",
            tlp = "red",
            shareWithSector = true,
            content = new
            {
                title = "x",
                kind = "service_outage",
                threatCategory = "cyber_attack",
                threatSubtype = "solar_flare",
                threatExamples = new[] { "earthquake" },
                sectorCode = "electricity",
                businessScopeCode = "banking",
                impact = new { usersAffected = -5, durationMinutes = -1 },
                startedAt = "2026-01-02T00:00:00Z",
                endedAt = "2026-01-01T00:00:00Z",
                awareAt = "2099-01-01T00:00:00Z",
                indicators = new object[] { new { type = "ipv4", value = "999.1.1.1" }, new { type = "sha256", value = "abc" }, new { type = "cve", value = "CVE-20-1" } },
            },
        });
        foreach (var field in new[]
        {
            "tlp", "shareWithSector", "content.threatSubtype", "content.threatExamples[0]", "content.businessScopeCode", "content.impact.usersAffected",
            "content.impact.durationMinutes", "content.endedAt", "content.awareAt", "content.indicators[0].value", "content.indicators[1].value", "content.indicators[2].value",
        })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field + " in " + errors);
        }
    }

    [Fact]
    public async Task UnknownCodes_EachNamed()
    {
        var chain = await ReportChain.CreateAsync(app);
        var errors = await RefusedAsync(chain.Reporter, new
        {
            route = "security_agency",
            viaAgency = "fbi",
            tlp = "amber",
            content = new { title = "x", kind = "service_outage", threatCategory = "aliens", sectorCode = "space" },
        });
        errors.TryGetProperty("content.threatCategory", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("content.sectorCode", out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task UnknownEnumInBody_400NamesTheField()
    {
        var chain = await ReportChain.CreateAsync(app);
        var response = await chain.Reporter.PostAsJsonAsync("/api/v1/reports", new { route = "carrier_pigeon", tlp = "amber", content = ReportChain.Content() });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("route", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task OversizedBody_413()
    {
        var chain = await ReportChain.CreateAsync(app);
        var content = new StringContent("{\"route\":\"ministry\",\"tlp\":\"amber\",\"content\":{\"title\":\"" + new string('x', 1_200_000) + "\"}}", System.Text.Encoding.UTF8, "application/json");
        (await chain.Reporter.PostAsync("/api/v1/reports", content)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ListFilters_UnknownValues_400()
    {
        var chain = await ReportChain.CreateAsync(app);
        var response = await chain.Nisc.GetAsync("/api/v1/reports?state=lost&kind=ufo");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("state", out _).ShouldBeTrue();
        errors.TryGetProperty("kind", out _).ShouldBeTrue();
    }
}

public sealed class ReportBadInputTests_Sqlite(SqliteApp app) : ReportBadInputTests<SqliteApp>(app);

public sealed class ReportBadInputTests_Postgres(PostgresApp app) : ReportBadInputTests<PostgresApp>(app);
