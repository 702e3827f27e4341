using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Access;

/// <summary>
/// Role × record matrices for the six kinds of record the sharing model guards: reports,
/// advisories, indicator sets, contact checks, interdependency scenarios and API tokens. Each
/// record is read at its own address and at every child address (versions, thread, files,
/// revisions, STIX, runs …): a child answers exactly as its parent, because it is read through
/// the parent's visible-record handle. The expected status is the policy written down
/// (AccessPolicy's remarks); a hit the caller may not see is a 404, never a 403.
/// </summary>
public abstract class RecordAccessMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const int Ok = 200, NoContent = 204, Forbidden = 403, NotFound = 404;

    private async Task<HttpClient> NiscAnalystAsync() =>
        (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Analyst)).Client;

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeOneOf([200, 201], body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every address must answer <paramref name="expected"/>; the message names the one that did not.</summary>
    private static async Task ShouldAnswerAsync(HttpClient client, int expected, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            ((int)response.StatusCode).ShouldBe(expected, path);
        }
    }

    /// <summary>
    /// A report filed on the ministry route and submitted: the reporting organisation and the
    /// ministry in charge (the hop it reached) read it; NISC only once the ministry forwards it;
    /// no administrator override, no other ministry, secretariat or operator.
    /// </summary>
    public static TheoryData<Actor, int> ReadReport => new()
    {
        { Actor.PlatformAdmin, NotFound }, { Actor.NiscViewer, NotFound }, { Actor.NiscAuditor, NotFound }, { Actor.MinistryInCharge, Ok },
        { Actor.OtherMinistry, NotFound }, { Actor.CeptoarSecretariat, NotFound }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Ok },
        { Actor.TargetViewer, Ok }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadReport))]
    public async Task Report_AndEveryChild_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var reporter = world.Clients[Actor.TargetCoordinator];
        var id = (await ReportChain.CreateAsync(reporter, "ministry")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(reporter, $"/api/v1/reports/{id}/submit");
        (await ReportChain.AttachAsync(reporter, id, Encoding.UTF8.GetBytes("ログ"))).IsSuccessStatusCode.ShouldBeTrue();

        await ShouldAnswerAsync(world.Clients[actor], expected,
            $"/api/v1/reports/{id}", $"/api/v1/reports/{id}/versions", $"/api/v1/reports/{id}/messages",
            $"/api/v1/reports/{id}/attachments", $"/api/v1/reports/{id}/stix", $"/api/v1/reports/{id}/correlations");
        var list = await world.Clients[actor].GetFromJsonAsync<JsonElement>("/api/v1/reports?limit=200");
        list.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == id).ShouldBe(expected == Ok, "the list shows exactly the reports a get would");
    }

    /// <summary>
    /// A published AMBER advisory of NISC, sent directly to the electricity CEPTOAR: the issuing
    /// organisation (every role, as TLP binds no one inside the owner) and the CEPTOAR's members —
    /// its operators and its secretariat — read it; a ministry or an operator outside the CEPTOAR do not.
    /// </summary>
    public static TheoryData<Actor, int> ReadAdvisory => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, Ok }, { Actor.NiscAuditor, Ok }, { Actor.MinistryInCharge, NotFound },
        { Actor.OtherMinistry, NotFound }, { Actor.CeptoarSecretariat, Ok }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Ok },
        { Actor.TargetViewer, Ok }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadAdvisory))]
    public async Task Advisory_AndEveryChild_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var nisc = await NiscAnalystAsync();
        var draft = await CreatedAsync(await nisc.PostAsJsonAsync("/api/v1/advisories", new
        {
            kind = "alert",
            title = "マトリクス確認の注意喚起 " + actor,
            summary = "VPN 機器の既知の脆弱性を悪用した侵入が確認されています。",
            indicators = new object[] { new { type = "ipv4", value = "198.51.100.23" } },
            tlp = "amber",
            distribution = "direct",
            audience = new[] { new { kind = "ceptoar", key = "electricity" } },
        }));
        var id = draft.GetProperty("id").GetGuid();
        // A draft is the issuing organisation's alone, whatever its audience.
        await ShouldAnswerAsync(world.Clients[actor], actor is Actor.PlatformAdmin or Actor.NiscViewer or Actor.NiscAuditor ? Ok : NotFound, $"/api/v1/advisories/{id}");
        await CreatedAsync(await nisc.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version = draft.GetProperty("version").GetInt32() }));

        await ShouldAnswerAsync(world.Clients[actor], expected,
            $"/api/v1/advisories/{id}", $"/api/v1/advisories/{id}/revisions", $"/api/v1/advisories/{id}/stix");
    }

    /// <summary>An AMBER bundle NISC imported for the electricity CEPTOAR: read as the advisory above is.</summary>
    [Theory]
    [MemberData(nameof(ReadAdvisory))]
    public async Task IndicatorSet_AndItsBundle_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var bundle = File.ReadAllText(RepositoryFiles.Path("tests", "data", "stix2-json-schemas", "examples", "indicator-for-c2-ip-address.json"));
        var content = new StringContent(bundle, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/stix+json;version=2.1");
        var set = await CreatedAsync(await (await NiscAnalystAsync()).PostAsync("/api/v1/indicator-sets?tlp=amber&audience=ceptoar:electricity&title=matrix", content));
        var id = set.GetProperty("id").GetGuid();

        await ShouldAnswerAsync(world.Clients[actor], expected, $"/api/v1/indicator-sets/{id}", $"/api/v1/indicator-sets/{id}/bundle");
    }

    /// <summary>
    /// A contact check NISC sends to the target organisation: the issuer and the addressed
    /// organisation read the check; who answered (the report) is the issuer's alone.
    /// </summary>
    public static TheoryData<Actor, int, int> ReadContactCheck => new()
    {
        { Actor.PlatformAdmin, Ok, Ok }, { Actor.NiscViewer, Ok, Ok }, { Actor.NiscAuditor, Ok, Ok }, { Actor.MinistryInCharge, NotFound, NotFound },
        { Actor.OtherMinistry, NotFound, NotFound }, { Actor.CeptoarSecretariat, NotFound, NotFound }, { Actor.TargetAdmin, Ok, NotFound },
        { Actor.TargetCoordinator, Ok, NotFound }, { Actor.TargetViewer, Ok, NotFound }, { Actor.OtherOperatorAdmin, NotFound, NotFound },
        { Actor.OtherSectorAuditor, NotFound, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadContactCheck))]
    public async Task ContactCheck_AndItsReport_Read(Actor actor, int check, int report)
    {
        var world = await MatrixWorld.ForAsync(app);
        var created = await CreatedAsync(await (await NiscAnalystAsync()).PostAsJsonAsync("/api/v1/contact-checks", new
        {
            title = "マトリクス確認 " + actor,
            message = "連絡窓口の到達確認です。",
            deadlineHours = 24,
            schedule = "now",
            audience = new[] { new { kind = "organisation", key = world.Target.ToString() } },
        }));
        var id = created.GetProperty("id").GetGuid();

        await ShouldAnswerAsync(world.Clients[actor], check, $"/api/v1/contact-checks/{id}");
        await ShouldAnswerAsync(world.Clients[actor], report, $"/api/v1/contact-checks/{id}/report");
    }

    /// <summary>A scenario is a map of weak points: its organisation's members read it and its runs, no one else, not even platform admins.</summary>
    public static TheoryData<Actor, int> ReadScenario => new()
    {
        { Actor.PlatformAdmin, NotFound }, { Actor.NiscViewer, NotFound }, { Actor.NiscAuditor, NotFound }, { Actor.MinistryInCharge, NotFound },
        { Actor.OtherMinistry, NotFound }, { Actor.CeptoarSecretariat, NotFound }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Ok },
        { Actor.TargetViewer, Ok }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadScenario))]
    public async Task Scenario_AndItsRuns_Read(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        var owner = world.Clients[Actor.TargetCoordinator];
        var document = JsonSerializer.SerializeToElement(new
        {
            model = "sectors",
            name = "停電シナリオ " + actor,
            @static = new { perturbations = new[] { new { sector = "electricity", value = 0.3 } } },
        });
        var id = (await CreatedAsync(await owner.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document }))).GetProperty("id").GetGuid();
        var run = (await CreatedAsync(await owner.PostAsync($"/api/v1/interdependency/scenarios/{id}/runs", null))).GetProperty("id").GetGuid();

        await ShouldAnswerAsync(world.Clients[actor], expected,
            $"/api/v1/interdependency/scenarios/{id}", $"/api/v1/interdependency/runs/{run}", $"/api/v1/interdependency/runs/{run}/result.csv");
    }

    /// <summary>
    /// A user's API tokens: the user and their organisation's admins (and platform admins). Those
    /// who see the account but not its credentials (colleagues, national-centre auditors) get 403;
    /// those who do not see the account, 404. Revoking answers alike, and a refused revoke leaves
    /// the token working.
    /// </summary>
    public static TheoryData<Actor, int> ReadTokens => new()
    {
        { Actor.PlatformAdmin, Ok }, { Actor.NiscViewer, NotFound }, { Actor.NiscAuditor, Forbidden }, { Actor.MinistryInCharge, NotFound },
        { Actor.OtherMinistry, NotFound }, { Actor.CeptoarSecretariat, NotFound }, { Actor.TargetAdmin, Ok }, { Actor.TargetCoordinator, Forbidden },
        { Actor.TargetViewer, Forbidden }, { Actor.OtherOperatorAdmin, NotFound }, { Actor.OtherSectorAuditor, NotFound },
    };

    [Theory]
    [MemberData(nameof(ReadTokens))]
    public async Task Tokens_ListAndRevoke(Actor actor, int expected)
    {
        var world = await MatrixWorld.ForAsync(app);
        IssuedToken issued;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(world.TargetUser, "SIEM " + actor, 30);
        }
        var client = world.Clients[actor];

        var list = await client.GetAsync($"/api/v1/users/{world.TargetUser}/tokens");
        ((int)list.StatusCode).ShouldBe(expected);
        if (expected == Ok)
        {
            var tokens = await list.Content.ReadFromJsonAsync<JsonElement>();
            tokens.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldContain(issued.Token.Id);
            tokens.GetRawText().ShouldNotContain(issued.Secret);
        }

        var revoke = await client.DeleteAsync($"/api/v1/users/{world.TargetUser}/tokens/{issued.Token.Id}");
        ((int)revoke.StatusCode).ShouldBe(expected == Ok ? NoContent : expected);
        var bearer = app.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        ((int)(await bearer.GetAsync("/api/v1/me")).StatusCode).ShouldBe(expected == Ok ? 401 : Ok, "a refused revoke leaves the token working");
    }
}

public sealed class RecordAccessMatrixTests_Sqlite(SqliteApp app) : RecordAccessMatrixTests<SqliteApp>(app);

public sealed class RecordAccessMatrixTests_Postgres(PostgresApp app) : RecordAccessMatrixTests<PostgresApp>(app);
