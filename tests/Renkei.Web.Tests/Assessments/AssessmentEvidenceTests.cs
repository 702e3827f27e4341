using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Assessments;

/// <summary>
/// Evidence answers: the file is stored like a report attachment and named by the answer; only
/// those who may read the response download it — another operator, a ministry and (until the
/// operator shares) the campaign owner get 404.
/// </summary>
public abstract class AssessmentEvidenceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private const string Api = "/api/v1/assessments";

    private static MultipartFormDataContent File(byte[] bytes, string name = "内規.pdf", string field = "file") =>
        new() { { new ByteArrayContent(bytes) { Headers = { ContentType = new("application/pdf") } }, field, name } };

    [Fact]
    public async Task Evidence_IsTheAnswer_AndOnlyReadersOfTheResponseDownloadIt()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var code = "e" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await nisc.PostAsJsonAsync($"{Api}/frameworks", new
        {
            code,
            version = 1,
            titleJa = "浸透状況調査",
            titleEn = "Penetration survey",
            kind = "survey",
            items = new object[]
            {
                new { code = "R", textJa = "内規の写し", textEn = "Copy of the internal rules", answerType = "evidence", required = true },
                new { code = "T", textJa = "備考", textEn = "Remarks", answerType = "text" },
            },
        }), HttpStatusCode.Created);
        var fw = (await OkAsync(await nisc.GetAsync($"{Api}/frameworks"))).EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var campaign = (await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = fw,
            titleJa = "令和8年度調査",
            titleEn = "FY2026 survey",
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "sector", key = "logistics" } },
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{campaign}/open", null));
        var (op, _, _) = await app.OperatorAsync("logistics", null, Role.Coordinator);
        var (other, _, _) = await app.OperatorAsync("logistics", null, Role.Coordinator);

        using (var wrongItem = File(Encoding.UTF8.GetBytes("x")))
        {
            (await ErrorsAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/evidence/T", wrongItem))).ShouldContainKey("item");
        }
        using (var empty = File([]))
        {
            (await ErrorsAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/evidence/R", empty))).ShouldContainKey("file");
        }
        (await op.GetAsync($"{Api}/campaigns/{campaign}/response")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a refused upload leaves no response behind");

        var bytes = Encoding.UTF8.GetBytes("第1条 情報セキュリティ内規 " + code);
        using var form = File(bytes);
        var uploaded = await OkAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/evidence/R", form), HttpStatusCode.Created);
        var evidenceId = uploaded.GetProperty("id").GetGuid();
        var responseId = uploaded.GetProperty("responseId").GetGuid();
        uploaded.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        uploaded.GetProperty("fileName").GetString().ShouldBe("内規.pdf");
        var own = await OkAsync(await op.GetAsync($"{Api}/campaigns/{campaign}/response"));
        own.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("item").GetString() == "R").GetProperty("value").GetString().ShouldBe($"evidence:{evidenceId:D}");
        (await OkAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/submit", null))).GetProperty("state").GetString().ShouldBe("submitted", "the evidence answers the required item");

        var download = $"{Api}/campaigns/{campaign}/responses/{responseId}/evidence/{evidenceId}";
        (await op.GetByteArrayAsync(download)).ShouldBe(bytes);
        (await OkAsync(await op.GetAsync($"{Api}/campaigns/{campaign}/responses/{responseId}/evidence"))).GetArrayLength().ShouldBe(1);

        var ministry = (await app.ClientAsync((await app.Data.OrganisationAsync(OrganisationKind.Ministry, null)).Id, Role.Coordinator)).Client;
        foreach (var reader in new[] { other, ministry, nisc })
        {
            var refused = await reader.GetAsync(download);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await reader.GetAsync($"{Api}/campaigns/{campaign}/responses/{responseId}/evidence")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // Shared with the owner: the owner reads it; the other operator still does not.
        await OkAsync(await op.PostAsync($"{Api}/campaigns/{campaign}/response/share", null));
        (await nisc.GetByteArrayAsync(download)).ShouldBe(bytes);
        (await other.GetAsync(download)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var late = File(bytes);
        (await op.PostAsync($"{Api}/campaigns/{campaign}/response/evidence/R", late)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a submitted response takes no more files");
    }
}

public sealed class AssessmentEvidenceTests_Sqlite(SqliteApp app) : AssessmentEvidenceTests<SqliteApp>(app);

public sealed class AssessmentEvidenceTests_Postgres(PostgresApp app) : AssessmentEvidenceTests<PostgresApp>(app);
