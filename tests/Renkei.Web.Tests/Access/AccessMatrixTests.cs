using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Testing;

namespace Renkei.Web.Tests.Access;

/// <summary>
/// Role × resource matrices: who may read and change what, through the API. Each row is one
/// actor; the expected status is the policy written down (see AccessPolicy and Permissions).
/// </summary>
public abstract class AccessMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const int Ok = 200, Created = 201, Forbidden = 403, NotFound = 404;

    public static TheoryData<Actor, int> ReadContacts => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Ok }, { Actor.NiscAuditor, Ok }, { Actor.MinistryInCharge, Ok },
        { Actor.OtherMinistry, NotFound }, { Actor.CeptoarSecretariat, Ok }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Ok },
        { Actor.TargetViewer, Ok }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadContacts))]
    public async Task Contacts_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].GetAsync($"/api/v1/organisations/{world.Target}/contacts");
        ((int)response.StatusCode).ShouldBe(expected);
        var detail = await world.Clients[actor].GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{world.Target}");
        // The organisation itself is directory information; its contacts are null for those who may not see them.
        (detail.GetProperty("contacts").ValueKind == JsonValueKind.Array).ShouldBe(expected == Ok);
    }

    public static TheoryData<Actor, int> EditOrganisation => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Forbidden }, { Actor.NiscAuditor, Forbidden }, { Actor.MinistryInCharge, Forbidden },
        { Actor.OtherMinistry, Forbidden }, { Actor.CeptoarSecretariat, Forbidden }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Forbidden },
        { Actor.TargetViewer, Forbidden }, { Actor.OtherOperatorAdmin, Forbidden }, { Actor.OtherSectorAuditor, Forbidden },
    };

    [Theory]
    [MemberData(nameof(EditOrganisation))]
    public async Task Organisation_Edit(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var current = await app.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{world.Target}");
        var o = current.GetProperty("organisation");
        var response = await world.Clients[actor].PutAsJsonAsync($"/api/v1/organisations/{world.Target}", new
        {
            nameJa = o.GetProperty("nameJa").GetString(),
            nameEn = "Target Power Co " + actor,
            kind = "operator",
            sectorCode = "electricity",
            businessScopeCode = "electricity",
            version = o.GetProperty("version").GetInt32(),
        });
        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<Actor, int> CreateOrganisation => new()
    {
        { Actor.PlatformAdmin, Created }, { Actor.NiscViewer, Forbidden }, { Actor.NiscAuditor, Forbidden }, { Actor.MinistryInCharge, Forbidden },
        { Actor.CeptoarSecretariat, Forbidden }, { Actor.TargetAdmin, Forbidden }, { Actor.OtherSectorAuditor, Forbidden },
    };

    [Theory]
    [MemberData(nameof(CreateOrganisation))]
    public async Task Organisation_Create(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].PostAsJsonAsync("/api/v1/organisations", new { nameJa = "新電力" + actor, nameEn = "New Power " + actor, kind = "operator", sectorCode = "electricity" });
        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<Actor, int> ReadUser => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, NotFound }, { Actor.NiscAuditor, Ok }, { Actor.MinistryInCharge, NotFound },
        { Actor.OtherMinistry, NotFound }, { Actor.CeptoarSecretariat, NotFound }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Ok },
        { Actor.TargetViewer, Ok }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadUser))]
    public async Task User_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].GetAsync($"/api/v1/users/{world.TargetUser}");
        ((int)response.StatusCode).ShouldBe(expected);
        var list = await world.Clients[actor].GetFromJsonAsync<JsonElement>($"/api/v1/users?organisation={world.Target}");
        (list.GetProperty("total").GetInt32() > 0).ShouldBe(expected == Ok, "the list shows exactly the accounts a get would");
    }

    public static TheoryData<Actor, int> CreateUser => new()
    {
        { Actor.PlatformAdmin, Created }, { Actor.NiscViewer, Forbidden }, { Actor.MinistryInCharge, Forbidden }, { Actor.CeptoarSecretariat, Forbidden },
        { Actor.TargetAdmin, Created }, { Actor.TargetCoordinator, Forbidden }, { Actor.TargetViewer, Forbidden }, { Actor.OtherOperatorAdmin, Forbidden },
    };

    [Theory]
    [MemberData(nameof(CreateUser))]
    public async Task User_Create(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].PostAsJsonAsync("/api/v1/users", new
        {
            email = $"new.{actor}.{Guid.NewGuid():N}@target.example.jp".ToLowerInvariant(),
            displayName = "New " + actor,
            organisationId = world.Target,
            roles = new[] { "reporter" },
        });
        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<Actor, int> AddContact => new()
    {
        { Actor.PlatformAdmin, Created }, { Actor.NiscViewer, Forbidden }, { Actor.MinistryInCharge, Forbidden }, { Actor.CeptoarSecretariat, Forbidden },
        { Actor.TargetAdmin, Created }, { Actor.TargetCoordinator, Created }, { Actor.TargetViewer, Forbidden }, { Actor.OtherOperatorAdmin, Forbidden },
    };

    [Theory]
    [MemberData(nameof(AddContact))]
    public async Task Contact_Add(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].PostAsJsonAsync($"/api/v1/organisations/{world.Target}/contacts",
            new { priority = "secondary", name = "副担当 " + actor, email = "backup@target.example.jp" });
        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<Actor, int> AddCeptoarMember => new()
    {
        { Actor.PlatformAdmin, Created }, { Actor.NiscViewer, Forbidden }, { Actor.MinistryInCharge, Forbidden }, { Actor.CeptoarSecretariat, Created },
        { Actor.TargetAdmin, Forbidden }, { Actor.OtherOperatorAdmin, Forbidden },
    };

    [Theory]
    [MemberData(nameof(AddCeptoarMember))]
    public async Task CeptoarMembership_Add(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var joiner = await app.Data.OrganisationAsync(Renkei.Directory.OrganisationKind.Operator, "electricity");
        var response = await world.Clients[actor].PostAsJsonAsync($"/api/v1/organisations/{joiner.Id}/memberships", new { kind = "ceptoar", code = "electricity" });
        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<Actor, int> ReadAudit => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Forbidden }, { Actor.NiscAuditor, Ok }, { Actor.MinistryInCharge, Forbidden },
        { Actor.CeptoarSecretariat, Forbidden }, { Actor.TargetAdmin, Ok }, { Actor.TargetViewer, Forbidden }, { Actor.OtherSectorAuditor, Ok },
    };

    [Theory]
    [MemberData(nameof(ReadAudit))]
    public async Task Audit_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].GetAsync("/api/v1/audit?limit=200");
        ((int)response.StatusCode).ShouldBe(expected);
    }

    public static TheoryData<Actor, int> VerifyAudit => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Forbidden }, { Actor.NiscAuditor, Ok }, { Actor.TargetAdmin, Forbidden }, { Actor.OtherSectorAuditor, Forbidden },
    };

    [Theory]
    [MemberData(nameof(VerifyAudit))]
    public async Task Audit_Verify(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var response = await world.Clients[actor].PostAsync("/api/v1/audit/verify", null);
        ((int)response.StatusCode).ShouldBe(expected);
    }

    public static TheoryData<Actor, int> EditReferenceData => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Forbidden }, { Actor.NiscAuditor, Forbidden }, { Actor.MinistryInCharge, Forbidden },
        { Actor.CeptoarSecretariat, Forbidden }, { Actor.TargetAdmin, Forbidden },
    };

    [Theory]
    [MemberData(nameof(EditReferenceData))]
    public async Task Sector_Edit(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var sector = await app.Admin().GetFromJsonAsync<JsonElement>("/api/v1/sectors/credit");
        var response = await world.Clients[actor].PutAsJsonAsync("/api/v1/sectors/credit", new
        {
            nameJa = "クレジット",
            nameEn = "Credit",
            ministryId = sector.GetProperty("ministry").GetProperty("id").GetGuid(),
            version = sector.GetProperty("version").GetInt32(),
            reason = "matrix test " + actor,
        });
        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<Actor, int> Export => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Forbidden }, { Actor.NiscAuditor, Forbidden }, { Actor.TargetAdmin, Forbidden },
    };

    [Theory]
    [MemberData(nameof(Export))]
    public async Task Directory_Export(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        ((int)(await world.Clients[actor].GetAsync("/api/v1/export/organisations")).StatusCode).ShouldBe(expected);
        ((int)(await world.Clients[actor].GetAsync("/api/v1/export/users")).StatusCode).ShouldBe(expected);
    }

    public static TheoryData<Actor, int> ReadIncident => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Ok }, { Actor.NiscAuditor, Ok }, { Actor.MinistryInCharge, Ok },
        { Actor.OtherMinistry, Ok }, { Actor.CeptoarSecretariat, NotFound }, { Actor.TargetAdmin, NotFound }, { Actor.TargetCoordinator, NotFound },
        { Actor.TargetViewer, NotFound }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    /// <summary>An incident and its STIX export answer alike: the export is another view of the same record.</summary>
    [Theory]
    [MemberData(nameof(ReadIncident))]
    public async Task Incident_ReadAndStixExport(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var (desk, _) = await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Renkei.Identity.Role.Analyst);
        var created = await desk.PostAsJsonAsync("/api/v1/incidents", new { title = "マトリクス確認 " + actor });
        ((int)created.StatusCode).ShouldBe(Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        ((int)(await world.Clients[actor].GetAsync($"/api/v1/incidents/{id}")).StatusCode).ShouldBe(expected);
        ((int)(await world.Clients[actor].GetAsync($"/api/v1/incidents/{id}/stix")).StatusCode).ShouldBe(expected);
    }

    [Fact]
    public async Task Audit_OrganisationAdmin_SeesOnlyTheirOwnOrganisationsEvents()
    {
        var world = await MatrixWorld.ForAsync(app);
        await world.Clients[Actor.TargetAdmin].PostAsJsonAsync($"/api/v1/organisations/{world.Target}/contacts", new { priority = "secondary", name = "監査確認", email = "audit@target.example.jp" });
        var page = await world.Clients[Actor.TargetAdmin].GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200");
        var orgs = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("actorOrganisationId").GetString()).Distinct().ToList();
        orgs.ShouldBe([world.Target.ToString()]);
    }
}

public sealed class AccessMatrixTests_Sqlite(SqliteApp app) : AccessMatrixTests<SqliteApp>(app);

public sealed class AccessMatrixTests_Postgres(PostgresApp app) : AccessMatrixTests<PostgresApp>(app);
