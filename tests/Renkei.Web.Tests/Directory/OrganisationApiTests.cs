using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Testing;

namespace Renkei.Web.Tests.Directory;

public abstract class OrganisationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    [Fact]
    public async Task Sectors_ListsAllFifteenWithMinistryAndCeptoars()
    {
        var sectors = await app.Admin().GetFromJsonAsync<JsonElement>("/api/v1/sectors");
        sectors.GetArrayLength().ShouldBe(15);
        var finance = sectors.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "finance");
        finance.GetProperty("nameJa").GetString().ShouldBe("金融");
        finance.GetProperty("ministry").GetProperty("nameJa").GetString().ShouldBe("金融庁");
        finance.GetProperty("ceptoars").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldBe(["banking", "securities", "life-insurance", "non-life-insurance", "funds-settlement"]);
        finance.GetProperty("businessScopes").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Organisation_CreateReadUpdateDelete()
    {
        var admin = app.Admin();
        var created = await admin.PostAsJsonAsync("/api/v1/organisations", new
        {
            nameJa = "関東電力株式会社",
            nameEn = "Kanto Electric Power",
            kind = "operator",
            sectorCode = "electricity",
            businessScopeCode = "electricity",
            website = "https://kanto-power.example.jp/",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("organisation").GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/organisations/{id}");

        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organisations?q=kanto");
        found.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ShouldContain(id);
        var byCode = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organisations?q=関東電力");
        byCode.GetProperty("total").GetInt32().ShouldBe(1);

        var update = await admin.PutAsJsonAsync($"/api/v1/organisations/{id}", new
        {
            nameJa = "関東電力株式会社",
            nameEn = "Kanto Electric Power Co., Inc.",
            kind = "operator",
            sectorCode = "electricity",
            businessScopeCode = "electricity",
            version = 1,
        });
        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await update.Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("organisation").GetProperty("version").GetInt32().ShouldBe(2);
        updated.GetProperty("website").ValueKind.ShouldBe(JsonValueKind.Null);

        (await admin.DeleteAsync($"/api/v1/organisations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/organisations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Organisation_StaleVersion_409AndNoLostUpdate()
    {
        var org = await app.Data.OrganisationAsync(name: "Stale Power");
        var admin = app.Admin();
        object Body(string name, int version) => new { nameJa = name, nameEn = name, kind = "operator", sectorCode = "electricity", businessScopeCode = "electricity", version };
        (await admin.PutAsJsonAsync($"/api/v1/organisations/{org.Id}", Body("First edit", 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await admin.PutAsJsonAsync($"/api/v1/organisations/{org.Id}", Body("Second edit from an old page", 1));
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("version 1");
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{org.Id}");
        current.GetProperty("organisation").GetProperty("nameEn").GetString().ShouldBe("First edit");
    }

    [Fact]
    public async Task Organisation_WithUsers_CannotBeDeleted()
    {
        var (_, _, org) = await app.OperatorAsync();
        var response = await app.Admin().DeleteAsync($"/api/v1/organisations/{org.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.Admin().GetAsync($"/api/v1/organisations/{org.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OrganisationAdmin_CannotMoveOwnOrganisationToAnotherSector()
    {
        var (client, _, org) = await app.OperatorAsync("electricity", null, Renkei.Identity.Role.Admin);
        var response = await client.PutAsJsonAsync($"/api/v1/organisations/{org.Id}", new { nameJa = org.NameJa, nameEn = "Renamed", kind = "operator", sectorCode = "finance", businessScopeCode = "banking", version = 1 });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var rename = await client.PutAsJsonAsync($"/api/v1/organisations/{org.Id}", new { nameJa = org.NameJa, nameEn = "Renamed", kind = "operator", sectorCode = "electricity", businessScopeCode = "electricity", version = 1 });
        rename.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Contacts_AddUpdateDelete_WithVersions()
    {
        var (client, _, org) = await app.OperatorAsync("water", null, Renkei.Identity.Role.Coordinator);
        var added = await client.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/contacts", new { priority = "primary", name = "水質管理センター", email = "center@water.example.jp", phone = "+81 3-0000-0000", hours = "24時間365日" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var contact = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = contact.GetProperty("id").GetGuid();

        var bad = await client.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/contacts", new { priority = "primary", name = "x", email = "not-an-address", phone = "call me" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("phone", out _).ShouldBeTrue();

        var updated = await client.PutAsJsonAsync($"/api/v1/organisations/{org.Id}/contacts/{id}", new { priority = "primary", name = "水質管理センター（夜間）", email = "night@water.example.jp", version = 1 });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync($"/api/v1/organisations/{org.Id}/contacts/{id}", new { priority = "primary", name = "stale", email = "x@water.example.jp", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{org.Id}/contacts");
        list.EnumerateArray().Single().GetProperty("email").GetString().ShouldBe("night@water.example.jp");
        (await client.DeleteAsync($"/api/v1/organisations/{org.Id}/contacts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{org.Id}/contacts")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Memberships_AddListRemove_AndSecretariatIsProtected()
    {
        var org = await app.Data.OrganisationAsync(sector: "gas");
        var admin = app.Admin();
        (await admin.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/memberships", new { kind = "ceptoar", code = "gas" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/memberships", new { kind = "ceptoar", code = "gas" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/memberships", new { kind = "community", code = "j-csip" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/memberships", new { kind = "ceptoar", code = "no-such" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{org.Id}/memberships");
        list.EnumerateArray().Select(m => m.GetProperty("code").GetString()).Order().ShouldBe(["gas", "j-csip"]);
        var members = await admin.GetFromJsonAsync<JsonElement>("/api/v1/ceptoars/gas/members?limit=200");
        members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldContain(org.Id);

        (await admin.DeleteAsync($"/api/v1/organisations/{org.Id}/memberships/ceptoar/gas")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The gas secretariat may keep its CEPTOAR's members but not remove itself as secretariat.
        var jga = await app.Data.ReferenceOrganisationAsync("jga");
        var (secretariat, _) = await app.ClientAsync(jga.Id, Renkei.Identity.Role.Coordinator);
        (await secretariat.PostAsJsonAsync($"/api/v1/organisations/{org.Id}/memberships", new { kind = "ceptoar", code = "gas" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await secretariat.DeleteAsync($"/api/v1/organisations/{jga.Id}/memberships/ceptoar/gas")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IsacMembership_IsVisibleOnlyToIsacMembersAndAdmins()
    {
        var member = await app.Data.OrganisationAsync(sector: "finance", communities: ["financials-isac"]);
        var (outsider, _, _) = await app.OperatorAsync("electricity");
        var fellow = await app.Data.OrganisationAsync(sector: "finance", communities: ["financials-isac"]);
        var (insider, _) = await app.ClientAsync(fellow.Id, Renkei.Identity.Role.Viewer);

        async Task<bool> Sees(HttpClient client)
        {
            var memberships = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{member.Id}/memberships");
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/communities/financials-isac/members?limit=200");
            var inMemberships = memberships.EnumerateArray().Any(m => m.GetProperty("code").GetString() == "financials-isac");
            var inList = list.GetProperty("items").EnumerateArray().Any(o => o.GetProperty("id").GetGuid() == member.Id);
            inMemberships.ShouldBe(inList, "the organisation page and the member list agree");
            return inList;
        }

        (await Sees(outsider)).ShouldBeFalse();
        (await Sees(insider)).ShouldBeTrue();
        (await Sees(app.Admin())).ShouldBeTrue();
    }

    [Fact]
    public async Task ReferenceData_EditIsVersionedWithHistory()
    {
        var admin = app.Admin();
        var ceptoar = await admin.GetFromJsonAsync<JsonElement>("/api/v1/ceptoars/chemicals");
        var version = ceptoar.GetProperty("version").GetInt32();
        var response = await admin.PutAsJsonAsync("/api/v1/ceptoars/chemicals", new
        {
            nameJa = "化学 CEPTOAR",
            nameEn = "Chemicals CEPTOAR",
            businessScopeCode = "chemicals",
            memberFigures = new[] { new { count = 14, unit = "companies" } },
            figuresAsOf = "2024-09-30",
            version,
            reason = "2024 map",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reference-data/ceptoar/chemicals/revisions");
        var latest = history[0];
        latest.GetProperty("version").GetInt32().ShouldBe(version + 1);
        latest.GetProperty("source").GetString().ShouldBe("admin");
        latest.GetProperty("reason").GetString().ShouldBe("2024 map");
        latest.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["figures", "figuresAsOf"], ignoreOrder: true);
        history[history.GetArrayLength() - 1].GetProperty("source").GetString().ShouldBe("seed");
    }
}

public sealed class OrganisationApiTests_Sqlite(SqliteApp app) : OrganisationApiTests<SqliteApp>(app);

public sealed class OrganisationApiTests_Postgres(PostgresApp app) : OrganisationApiTests<PostgresApp>(app);
