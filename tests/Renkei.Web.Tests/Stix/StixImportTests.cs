using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;
using Renkei.Web.Tests.Taxii;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Stix;

/// <summary>
/// Bundles in through the API: the OASIS examples import cleanly, markings set the floor of the
/// label, a bad object refuses the whole bundle naming it, and the size limit answers 413.
/// </summary>
public abstract class StixImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static string Example(string name) => File.ReadAllText(RepositoryFiles.Path("tests", "data", "stix2-json-schemas", "examples", name));

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string bundle, string query)
    {
        var content = new StringContent(bundle, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/stix+json;version=2.1");
        return await client.PostAsync("/api/v1/indicator-sets?" + query, content);
    }

    private async Task<int> StoredObjectsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().StixObjects.CountAsync();
    }

    [Theory]
    [InlineData("indicator-for-c2-ip-address.json")]
    [InlineData("indicators-for-C2-with-COA.json")]
    [InlineData("infrastructure.json")]
    [InlineData("interop-objectmarking-test.json")]
    [InlineData("malicious-email-indicator-with-attachment.json")]
    [InlineData("indicator-to-campaign-relationship.json")]
    [InlineData("threat-reports/apt1.json")]
    [InlineData("threat-reports/poisonivy.json")]
    public async Task OasisExamples_ImportCleanly_AndComeBackAsTheSameObjects(string example)
    {
        var (client, caller, _) = await app.OperatorAsync("electricity", ["electricity"], Role.Analyst);
        var json = Example(example);
        var root = JsonDocument.Parse(json).RootElement;
        var single = root.GetProperty("type").GetString() != "bundle";
        // The one lone object among the examples is marked TLP:RED (1.0): it goes to a named person only.
        var query = single ? $"tlp=red&audience=user:{caller.UserId}" : $"tlp=amber&audience=organisation:{caller.OrganisationId}";
        var created = await OkAsync(await ImportAsync(client, json, query), HttpStatusCode.Created);
        var expected = single ? JsonDocument.Parse("[" + json + "]").RootElement : root.GetProperty("objects");
        created.GetProperty("objectCount").GetInt32().ShouldBe(expected.GetArrayLength());

        var response = await client.GetAsync($"/api/v1/indicator-sets/{created.GetProperty("id").GetGuid()}/bundle");
        var exported = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (!single)
        {
            exported.GetProperty("id").GetString().ShouldBe(root.GetProperty("id").GetString());
        }
        var byId = exported.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        foreach (var o in expected.EnumerateArray())
        {
            JsonElement.DeepEquals(byId[o.GetProperty("id").GetString()!], o).ShouldBeTrue(o.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Markings_SetTheFloor_AndTheAudienceMustBeWithinReach()
    {
        var (client, caller, _) = await app.OperatorAsync("electricity", ["electricity"], Role.Analyst);
        var amber = new JsonObject { ["type"] = "bundle", ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", ["objects"] = new JsonArray(StixSamples.Indicator(1, StixSamples.TlpAmber)) }.ToJsonString();
        var own = $"audience=organisation:{caller.OrganisationId}";
        (await ErrorsAsync(await ImportAsync(client, amber, "tlp=green&" + own))).ShouldContainKey("tlp");
        var labelled = await OkAsync(await ImportAsync(client, amber, own), HttpStatusCode.Created);
        labelled.GetProperty("tlp").GetString().ShouldBe("amber");
        var unmarked = new JsonObject { ["type"] = "bundle", ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56e", ["objects"] = new JsonArray(StixSamples.Indicator(2)) }.ToJsonString();
        (await ErrorsAsync(await ImportAsync(client, unmarked, own))).ShouldContainKey("tlp");
        (await ErrorsAsync(await ImportAsync(client, unmarked, "tlp=green&audience=sector:gas"))).ShouldContainKey("audience[0].key");
        (await OkAsync(await ImportAsync(client, unmarked, "tlp=green&audience=ceptoar:electricity"), HttpStatusCode.Created)).GetProperty("tlp").GetString().ShouldBe("green");

        var (viewer, _, _) = await app.OperatorAsync("electricity", null, Role.Viewer);
        (await ImportAsync(viewer, unmarked, "tlp=green")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadBundles_RefusedWhole_NamingTheObjectAndReason()
    {
        var (client, caller, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        var query = $"tlp=amber&audience=organisation:{caller.OrganisationId}";
        var before = await StoredObjectsAsync();

        var badPattern = StixSamples.Indicator(11);
        badPattern["pattern"] = "[ipv4-addr:value = '1.2.3.4'";
        var errors = await ErrorsAsync(await ImportAsync(client, Bundle(StixSamples.Indicator(10), badPattern), query));
        errors.Keys.ShouldBe([badPattern["id"]!.GetValue<string>()]);
        errors.Values.Single().Single().ShouldContain("pattern");

        var older = StixSamples.Indicator(12);
        older["modified"] = "2025-01-01T00:00:00.000Z";
        (await ErrorsAsync(await ImportAsync(client, Bundle(older), query))).Keys.ShouldContain(older["id"]!.GetValue<string>());

        var wrongSpec = StixSamples.Indicator(13);
        wrongSpec["spec_version"] = "2.0";
        (await ErrorsAsync(await ImportAsync(client, Bundle(wrongSpec), query))).Values.Single().Single().ShouldContain("spec_version");

        var twin = StixSamples.Indicator(14);
        var conflicting = StixSamples.Indicator(14);
        conflicting["name"] = "different";
        (await ErrorsAsync(await ImportAsync(client, Bundle(twin, conflicting), query))).Keys.ShouldContain(twin["id"]!.GetValue<string>());

        var unknown = new JsonObject { ["type"] = "mystery-object", ["spec_version"] = "2.1", ["id"] = "mystery-object--0f2b44e8-4e45-4e2b-9d39-4a1b2c3d4e5f", ["created"] = "2026-01-01T00:00:00.000Z", ["modified"] = "2026-01-01T00:00:00.000Z" };
        (await ErrorsAsync(await ImportAsync(client, Bundle(unknown), query))).Keys.ShouldContain("mystery-object--0f2b44e8-4e45-4e2b-9d39-4a1b2c3d4e5f");
        var custom = unknown.DeepClone().AsObject();
        custom["type"] = "x-renkei-test";
        custom["id"] = "x-renkei-test--0f2b44e8-4e45-4e2b-9d39-4a1b2c3d4e5f";
        custom["x_renkei_note"] = "a custom object (the deprecated x- convention STIX 2.1 still accepts)";
        await OkAsync(await ImportAsync(client, Bundle(custom), query), HttpStatusCode.Created);

        (await ErrorsAsync(await ImportAsync(client, "{\"type\": \"bundle\", \"objects\": [", query))).ShouldContainKey("bundle");
        (await ErrorsAsync(await ImportAsync(client, "[]", query))).ShouldContainKey("bundle");
        (await StoredObjectsAsync()).ShouldBe(before + 1, "only the custom object's bundle was stored");
    }

    [Fact]
    public async Task GiantBundle_413()
    {
        var (client, _, _) = await app.OperatorAsync("electricity", null, Role.Analyst);
        var content = new ByteArrayContent(new byte[1]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/stix+json");
        content.Headers.ContentLength = 200L * 1024 * 1024;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/indicator-sets?tlp=amber") { Content = content };
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private static string Bundle(params JsonObject[] objects) =>
        new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid():D}", ["objects"] = new JsonArray(objects.Select(o => (JsonNode)o.DeepClone()).ToArray()) }.ToJsonString();
}

public sealed class StixImportTests_Sqlite(SqliteApp app) : StixImportTests<SqliteApp>(app);

public sealed class StixImportTests_Postgres(PostgresApp app) : StixImportTests<PostgresApp>(app);
