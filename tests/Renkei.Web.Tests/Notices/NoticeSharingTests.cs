using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Notices;

/// <summary>TLP 2.0 and audiences, end to end: who sees a notice in lists and by id.</summary>
public abstract class NoticeSharingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static async Task<Guid> IssueAsync(HttpClient author, string tlp, params object[] audience)
    {
        var response = await author.PostAsJsonAsync("/api/v1/notices", new { title = $"{tlp} {Guid.NewGuid():N}", body = "本文", tlp, audience });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<bool> SeesAsync(HttpClient client, Guid id)
    {
        var byId = await client.GetAsync($"/api/v1/notices/{id}");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/notices?limit=200");
        var inList = list.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("id").GetGuid() == id);
        (byId.StatusCode == HttpStatusCode.OK).ShouldBe(inList, "a list and a get by id must agree");
        if (!inList)
        {
            byId.StatusCode.ShouldBe(HttpStatusCode.NotFound, "what a caller may not see does not exist for them");
        }
        return inList;
    }

    [Fact]
    public async Task Amber_ToACeptoar_ReachesItsMembersAndSecretariat_NotOthers()
    {
        var (author, _, _) = await app.OperatorAsync("electricity", null, Role.Coordinator);
        var (member, _, _) = await app.OperatorAsync("gas", ["gas"]);
        var (outsider, _, _) = await app.OperatorAsync("gas");
        var jga = await app.Data.ReferenceOrganisationAsync("jga");
        var (secretariat, _) = await app.ClientAsync(jga.Id, Role.Viewer);
        var id = await IssueAsync(author, "amber", new { kind = "ceptoar", key = "gas" });

        (await SeesAsync(author, id)).ShouldBeTrue();
        (await SeesAsync(member, id)).ShouldBeTrue();
        (await SeesAsync(secretariat, id)).ShouldBeTrue();
        (await SeesAsync(outsider, id)).ShouldBeFalse();
        (await SeesAsync(app.Admin(), id)).ShouldBeFalse("platform administration is not a licence to read");
    }

    [Fact]
    public async Task Green_ToASector_ReachesTheSector_AndOwnOrganisation()
    {
        var (author, _, authorOrg) = await app.OperatorAsync("water", null, Role.Analyst);
        var (colleague, _) = await app.ClientAsync(authorOrg.Id, Role.Viewer);
        var (waterPeer, _, _) = await app.OperatorAsync("water");
        var (telecom, _, _) = await app.OperatorAsync("telecom");
        var id = await IssueAsync(author, "green", new { kind = "sector", key = "water" });
        (await SeesAsync(colleague, id)).ShouldBeTrue();
        (await SeesAsync(waterPeer, id)).ShouldBeTrue();
        (await SeesAsync(telecom, id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Red_OnlyNamedPersons_NotTheirColleaguesNorTheAuthorsColleagues()
    {
        var (author, _, authorOrg) = await app.OperatorAsync("finance", null, Role.Coordinator);
        var (authorColleague, _) = await app.ClientAsync(authorOrg.Id, Role.Admin);
        var (named, namedCaller, namedOrg) = await app.OperatorAsync("finance");
        var (namedColleague, _) = await app.ClientAsync(namedOrg.Id, Role.Admin);
        var id = await IssueAsync(author, "red", new { kind = "user", key = namedCaller.Email });
        (await SeesAsync(author, id)).ShouldBeTrue();
        (await SeesAsync(named, id)).ShouldBeTrue();
        (await SeesAsync(namedColleague, id)).ShouldBeFalse();
        (await SeesAsync(authorColleague, id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Red_ToAnOrganisation_IsRefused()
    {
        var (author, _, _) = await app.OperatorAsync("finance", null, Role.Coordinator);
        var org = await app.Data.OrganisationAsync(sector: "finance");
        var response = await author.PostAsJsonAsync("/api/v1/notices", new { title = "x", body = "y", tlp = "red", audience = new[] { new { kind = "organisation", key = org.Id.ToString() } } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("audience[0].kind", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task AmberStrict_ToNamedOrganisation_AndMembershipChangesTakeEffectAtOnce()
    {
        var (author, _, _) = await app.OperatorAsync("aviation", null, Role.Coordinator);
        var (joiner, _, joinerOrg) = await app.OperatorAsync("aviation");
        var id = await IssueAsync(author, "amber+strict", new { kind = "ceptoar", key = "aviation" });
        (await SeesAsync(joiner, id)).ShouldBeFalse();
        (await app.Admin().PostAsJsonAsync($"/api/v1/organisations/{joinerOrg.Id}/memberships", new { kind = "ceptoar", code = "aviation" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SeesAsync(joiner, id)).ShouldBeTrue();
        var notice = await joiner.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
        notice.GetProperty("tlp").GetString().ShouldBe("amber+strict");
    }

    [Fact]
    public async Task AllCi_Green_ReachesEveryone_ButViewersCannotIssue()
    {
        var (author, _, _) = await app.OperatorAsync("logistics", null, Role.Admin);
        var (viewer, _, _) = await app.OperatorAsync("ports");
        var id = await IssueAsync(author, "green", new { kind = "all_ci" });
        (await SeesAsync(viewer, id)).ShouldBeTrue();
        (await viewer.PostAsJsonAsync("/api/v1/notices", new { title = "x", body = "y", tlp = "green", audience = new[] { new { kind = "all_ci" } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadingRestrictedNotice_IsAudited()
    {
        var (author, _, _) = await app.OperatorAsync("medical", null, Role.Coordinator);
        var (reader, readerCaller, _) = await app.OperatorAsync("medical", ["medical"]);
        var id = await IssueAsync(author, "amber", new { kind = "ceptoar", key = "medical" });
        (await reader.GetAsync($"/api/v1/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var trail = await app.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read&resourceType=notices&resourceId={id}");
        trail.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("actorUserId").GetGuid() == readerCaller.UserId).ShouldBeTrue();
    }
}

public sealed class NoticeSharingTests_Sqlite(SqliteApp app) : NoticeSharingTests<SqliteApp>(app);

public sealed class NoticeSharingTests_Postgres(PostgresApp app) : NoticeSharingTests<PostgresApp>(app);
