using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Assessments;

/// <summary>
/// Campaign notices through the notification outbox, by e-mail to a real SMTP server: the
/// audience hears that a campaign opened, and the owner's reminder reaches those that have not
/// submitted — not those that have — at most once a day.
/// </summary>
public abstract class AssessmentNotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MailApp
{
    private const string Api = "/api/v1/assessments";

    private static async Task<string> EmailOfAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString()!;

    [Fact]
    public async Task Opening_NotifiesTheAudience_AndTheReminderReachesOnlyThoseThatHaveNotSubmitted()
    {
        var nisc = (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync("nisc")).Id, Role.Coordinator)).Client;
        var code = "n" + Guid.NewGuid().ToString("N")[..10];
        await OkAsync(await nisc.PostAsJsonAsync($"{Api}/frameworks", new
        {
            code,
            version = 1,
            titleJa = "浸透状況調査",
            titleEn = "Penetration survey",
            kind = "survey",
            items = new[] { new { code = "A", textJa = "認知", textEn = "Awareness", answerType = "yes_no_partly" } },
        }), HttpStatusCode.Created);
        var fw = (await OkAsync(await nisc.GetAsync($"{Api}/frameworks"))).EnumerateArray().First(f => f.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var (done, _, doneOrg) = await app.OperatorAsync("railways", null, Role.Coordinator);
        var (late, _, lateOrg) = await app.OperatorAsync("railways", null, Role.Coordinator);
        var title = "令和8年度浸透状況調査 " + code;
        var created = await OkAsync(await nisc.PostAsJsonAsync($"{Api}/campaigns", new
        {
            frameworkId = fw,
            titleJa = title,
            titleEn = "FY2026 survey " + code,
            opensAt = DateTime.UtcNow.AddDays(-1),
            closesAt = DateTime.UtcNow.AddDays(30),
            audience = new[] { new { kind = "organisation", key = doneOrg.Id.ToString("D") }, new { kind = "organisation", key = lateOrg.Id.ToString("D") } },
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        (await nisc.PostAsync($"{Api}/campaigns/{id}/remind", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a draft campaign is not reminded");
        await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{id}/open", null));

        var doneMail = await EmailOfAsync(done);
        var lateMail = await EmailOfAsync(late);
        var opened = await app.Smtp.WaitForAsync(lateMail, m => m.Subject.Contains(title, StringComparison.Ordinal));
        opened.Body.ShouldContain($"/Assessments/{id:D}");
        await app.Smtp.WaitForAsync(doneMail, m => m.Subject.Contains(title, StringComparison.Ordinal));

        await OkAsync(await done.PutAsJsonAsync($"{Api}/campaigns/{id}/response/answers", new { answers = new[] { new { item = "A", value = "yes" } } }));
        await OkAsync(await done.PostAsync($"{Api}/campaigns/{id}/response/submit", null));
        (await done.PostAsync($"{Api}/campaigns/{id}/remind", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the owner reminds");

        var reminded = await OkAsync(await nisc.PostAsync($"{Api}/campaigns/{id}/remind", null));
        reminded.GetProperty("organisations").GetInt32().ShouldBe(1);
        var reminder = await app.Smtp.WaitForAsync(lateMail, m => m.Subject.Contains("リマインダー", StringComparison.Ordinal) && m.Subject.Contains(title, StringComparison.Ordinal));
        reminder.Body.ShouldContain($"/Assessments/{id:D}");
        (await OkAsync(await nisc.GetAsync($"{Api}/campaigns/{id}"))).GetProperty("remindedAt").ValueKind.ShouldBe(JsonValueKind.String);

        // Once a day: the second reminder is refused, with a reason.
        var again = await nisc.PostAsync($"{Api}/campaigns/{id}/remind", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("24");

        // The dispatcher handles events in order: once the late operator's in-app reminder is
        // there, the submitter's would have been written too.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await OkAsync(await late.GetAsync("/api/v1/notifications?limit=50"))).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("topic").GetString() == "assessment.reminder" && n.GetProperty("subjectId").GetGuid() == id))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the late operator sees the reminder in the application");
            await Task.Delay(200);
        }
        await Task.Delay(1500);
        app.Smtp.To(doneMail).ShouldNotContain(m => m.Subject.Contains("リマインダー", StringComparison.Ordinal), "the submitter is not reminded");
        (await OkAsync(await done.GetAsync("/api/v1/notifications?limit=50"))).GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("topic").GetString() == "assessment.reminder");
        (await OkAsync(await done.GetAsync("/api/v1/notifications?limit=50"))).GetProperty("items").EnumerateArray()
            .ShouldContain(n => n.GetProperty("topic").GetString() == "assessment.opened" && n.GetProperty("link").GetString() == $"/Assessments/{id:D}");
    }
}

public sealed class AssessmentNotificationTests_Sqlite(SqliteMailApp app) : AssessmentNotificationTests<SqliteMailApp>(app);

public sealed class AssessmentNotificationTests_Postgres(PostgresMailApp app) : AssessmentNotificationTests<PostgresMailApp>(app);
