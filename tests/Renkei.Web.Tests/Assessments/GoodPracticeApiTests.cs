using System.Net;
using System.Net.Http.Json;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Assessments;

/// <summary>
/// Good practices (issue 16, item 5): proposed by the campaign owner only from a response the
/// operator shared, decided only by the answering organisation, and listed to the national
/// centre and the ministries by sector — never with the organisation, never when declined.
/// </summary>
public abstract class GoodPracticeApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Base = "/api/v1/assessments";

    [Fact]
    public async Task GoodPractice_NeedsTheShare_IsDecidedByItsOrganisationOnly_AndIsListedWithoutIt()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var code = "g" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await nisc.PostAsJsonAsync($"{Base}/frameworks", new
        {
            code,
            version = 1,
            titleJa = "浸透状況調査",
            titleEn = "Penetration survey",
            kind = "survey",
            items = new object[]
            {
                new { code = "A", textJa = "内規の制定", textEn = "Internal rules", answerType = "text" },
                new { code = "B", textJa = "演習", textEn = "Drills", answerType = "text" },
                new { code = "C", textJa = "監査", textEn = "Audits", answerType = "text" },
            },
        }), HttpStatusCode.Created);
        var fw = (await OkAsync(await nisc.GetAsync($"{Base}/frameworks"))).EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var campaign = (await OkAsync(await nisc.PostAsJsonAsync($"{Base}/campaigns", new
        {
            frameworkId = fw,
            titleJa = "令和8年度調査",
            titleEn = "FY2026 survey",
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "sector", key = "petroleum" } },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await nisc.PostAsync($"{Base}/campaigns/{campaign}/open", null));

        var (op, _, opOrg) = await app.OperatorAsync("petroleum", null, Role.Coordinator);
        var (other, _, _) = await app.OperatorAsync("petroleum", null, Role.Coordinator);
        await OkAsync(await op.PutAsJsonAsync($"{Base}/campaigns/{campaign}/response/answers", new
        {
            answers = new[] { new { item = "A", value = "東京本社の情報システム部が内規を年2回見直し" }, new { item = "B", value = "毎月の机上演習" } },
        }));
        var responseId = (await OkAsync(await op.PostAsync($"{Base}/campaigns/{campaign}/response/submit", null))).GetProperty("id").GetGuid();
        var anonymised = "内規を年2回、情報システム部門が見直している " + code;
        var proposals = $"{Base}/campaigns/{campaign}/responses/{responseId}/good-practices";

        // Not shared with the owner: the owner cannot see the response, so cannot propose from it.
        var unshared = await nisc.PostAsJsonAsync(proposals, new { item = "A", text = anonymised });
        unshared.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unshared.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        await OkAsync(await op.PostAsync($"{Base}/campaigns/{campaign}/response/share", null));
        (await ErrorsAsync(await nisc.PostAsJsonAsync(proposals, new { item = "C", text = "" }))).Keys.ShouldBe(["item", "text"], ignoreOrder: true);
        (await op.PostAsJsonAsync(proposals, new { item = "A", text = anonymised })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the operator is not the reviewer");
        var proposed = await OkAsync(await nisc.PostAsJsonAsync(proposals, new { item = "A", text = anonymised }), HttpStatusCode.Created);
        proposed.GetProperty("state").GetString().ShouldBe("proposed");
        var practiceA = proposed.GetProperty("id").GetGuid();
        var practiceB = (await OkAsync(await nisc.PostAsJsonAsync(proposals, new { item = "B", text = "毎月の机上演習 " + code }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await nisc.PostAsJsonAsync(proposals, new { item = "A", text = anonymised })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Only the answering organisation decides; another operator does not even see it.
        (await OkAsync(await other.GetAsync($"{Base}/campaigns/{campaign}/good-practices"))).GetArrayLength().ShouldBe(0);
        (await other.PostAsJsonAsync($"{Base}/campaigns/{campaign}/good-practices/{practiceA}/decision", new { consent = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await nisc.PostAsJsonAsync($"{Base}/campaigns/{campaign}/good-practices/{practiceA}/decision", new { consent = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await OkAsync(await op.GetAsync($"{Base}/campaigns/{campaign}/good-practices"))).GetArrayLength().ShouldBe(2);
        (await ErrorsAsync(await op.PostAsJsonAsync($"{Base}/campaigns/{campaign}/good-practices/{practiceA}/decision", new { }))).ShouldContainKey("consent");

        var ministry = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.Ministry, null)).Id, Role.Analyst)).Client;
        var published = $"{Base}/good-practices?itemCode=A&frameworkCode={code}";
        (await OkAsync(await ministry.GetAsync(published))).GetArrayLength().ShouldBe(0, "nothing is listed before consent");

        (await OkAsync(await op.PostAsJsonAsync($"{Base}/campaigns/{campaign}/good-practices/{practiceA}/decision", new { consent = true })))
            .GetProperty("state").GetString().ShouldBe("consented");
        (await OkAsync(await op.PostAsJsonAsync($"{Base}/campaigns/{campaign}/good-practices/{practiceB}/decision", new { consent = false })))
            .GetProperty("state").GetString().ShouldBe("declined");

        foreach (var reader in new[] { ministry, nisc })
        {
            var list = await OkAsync(await reader.GetAsync($"{Base}/good-practices?frameworkCode={code}"));
            var entry = list.EnumerateArray().Single();
            entry.GetProperty("text").GetString().ShouldBe(anonymised);
            entry.GetProperty("item").GetString().ShouldBe("A");
            entry.GetProperty("sectorCode").GetString().ShouldBe("petroleum");
            entry.TryGetProperty("organisationId", out _).ShouldBeFalse();
            var raw = list.GetRawText();
            raw.ShouldNotContain(opOrg.Id.ToString("D"), Case.Insensitive);
            raw.ShouldNotContain(opOrg.NameJa);
            raw.ShouldNotContain(responseId.ToString("D"), Case.Insensitive);
            raw.ShouldNotContain("毎月の机上演習", customMessage: "a declined proposal is never listed");
        }
        (await OkAsync(await ministry.GetAsync($"{Base}/good-practices?itemCode=A"))).EnumerateArray().ShouldContain(e => e.GetProperty("text").GetString() == anonymised);
        (await OkAsync(await ministry.GetAsync($"{Base}/good-practices?itemCode=B&frameworkCode={code}"))).GetArrayLength().ShouldBe(0);
        (await op.GetAsync($"{Base}/good-practices")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "operators do not read the list");

        // Consent withdrawn: no longer listed.
        await OkAsync(await op.PostAsJsonAsync($"{Base}/campaigns/{campaign}/good-practices/{practiceA}/decision", new { consent = false }));
        (await OkAsync(await ministry.GetAsync(published))).GetArrayLength().ShouldBe(0);
    }
}

public sealed class GoodPracticeApiTests_Sqlite(SqliteApp app) : GoodPracticeApiTests<SqliteApp>(app);

public sealed class GoodPracticeApiTests_Postgres(PostgresApp app) : GoodPracticeApiTests<PostgresApp>(app);
