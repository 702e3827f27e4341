using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Standards;

/// <summary>
/// The registry of safety standards (安全基準等, seed 002 l.1117-1177): the 2008 list is seeded with
/// its citations; the ministry in charge keeps its sectors' documents; an operator's internal rules
/// (④ 内規) are seen by that operator only.
/// </summary>
public abstract class SafetyStandardApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Standards = "/api/v1/standards";

    private async Task<HttpClient> AtAsync(string code, Role role) => (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    private static object Document(string sector, string kind, string title, string? scope = null, int? version = null) => new
    {
        sector,
        scope,
        kind,
        titleJa = title,
        issuerName = "テスト発行者",
        url = "https://example.test/standard.pdf",
        version,
    };

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "") =>
        (await OkAsync(await client.GetAsync($"{Standards}?{query}"))).EnumerateArray().ToList();

    [Fact]
    public async Task Seed2008_IsListed_WithItsCitationsAndDate()
    {
        var viewer = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.Operator, "finance")).Id, Role.Viewer)).Client;
        var telecom = await ListAsync(viewer, "sector=telecom");
        var act = telecom.Single(s => s.GetProperty("code").GetString() == "2008-telecom-business-act");
        act.GetProperty("kind").GetString().ShouldBe("mandatory");
        act.GetProperty("seed").GetString()!.ShouldContain("002 l.1126");
        act.GetProperty("asOf").GetString().ShouldBe("2008-02-01");
        (await ListAsync(viewer, "sector=finance")).Count(s => s.GetProperty("code").GetString()!.StartsWith("2008-finance-fisc", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Ministry_EditsItsSectorsDocuments_NotAnothers()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        var created = await OkAsync(await mic.PostAsJsonAsync(Standards, Document("telecom", "recommended", "テスト 情報通信ガイドライン", "telecommunications")), HttpStatusCode.Created);
        created.GetProperty("mayEdit").GetBoolean().ShouldBeTrue();
        var id = created.GetProperty("id").GetGuid();
        var edited = await OkAsync(await mic.PutAsJsonAsync($"{Standards}/{id}", Document("telecom", "recommended", "テスト 情報通信ガイドライン（改訂）", "telecommunications", created.GetProperty("version").GetInt32())));
        edited.GetProperty("titleJa").GetString().ShouldBe("テスト 情報通信ガイドライン（改訂）");

        (await mic.PostAsJsonAsync(Standards, Document("finance", "recommended", "所管外の文書"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "MIC is not in charge of finance");
        var fsa = await AtAsync("fsa", Role.Coordinator);
        (await fsa.PutAsJsonAsync($"{Standards}/{id}", Document("telecom", "recommended", "他省の改変", "telecommunications", edited.GetProperty("version").GetInt32())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InternalRules_AreSeenByTheirOperatorOnly()
    {
        var own = await app.Data.OrganisationAsync(OrganisationKind.Operator, "electricity");
        var other = await app.Data.OrganisationAsync(OrganisationKind.Operator, "electricity");
        var ownCoordinator = (await app.ClientAsync(own.Id, Role.Coordinator)).Client;
        var created = await OkAsync(await ownCoordinator.PostAsJsonAsync(Standards, Document("electricity", "internal", "当社 情報セキュリティ内規")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("ownerOrganisationId").GetGuid().ShouldBe(own.Id);

        var otherViewer = (await app.ClientAsync(other.Id, Role.Admin)).Client;
        var meti = await AtAsync("meti", Role.Coordinator);
        foreach (var client in new[] { otherViewer, meti, app.Admin() })
        {
            (await client.GetAsync($"{Standards}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await ListAsync(client, "sector=electricity")).ShouldNotContain(s => s.GetProperty("id").GetGuid() == id);
        }
        (await ListAsync(ownCoordinator, "kind=internal")).ShouldContain(s => s.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task BadInput_NamesTheField_AndStoresNothing()
    {
        var mic = await AtAsync("mic", Role.Coordinator);
        (await ErrorsAsync(await mic.PostAsJsonAsync(Standards, Document("no-such-sector", "recommended", "x")))).ShouldContainKey("sector");
        (await ErrorsAsync(await mic.PostAsJsonAsync(Standards, Document("telecom", "law", "x")))).ShouldContainKey("kind");
        (await ErrorsAsync(await mic.PostAsJsonAsync(Standards, Document("telecom", "recommended", "x", scope: "banking")))).ShouldContainKey("scope");
        (await ListAsync(mic, "sector=telecom")).ShouldNotContain(s => s.GetProperty("titleJa").GetString() == "x");
    }
}

public sealed class SafetyStandardApiTests_Sqlite(SqliteApp app) : SafetyStandardApiTests<SqliteApp>(app);

public sealed class SafetyStandardApiTests_Postgres(PostgresApp app) : SafetyStandardApiTests<PostgresApp>(app);
