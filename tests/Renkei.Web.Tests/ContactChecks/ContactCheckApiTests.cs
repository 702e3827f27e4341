using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.ContactChecks;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;
using static Renkei.Web.Tests.ContactChecks.ContactCheckWorld;

namespace Renkei.Web.Tests.ContactChecks;

/// <summary>
/// Contact checks through the API and the link page: a round reaches every point of contact of the
/// audience's organisations once, contacts confirm by link and members in the application, and
/// only the issuer reads who answered, how fast, and whom to call.
/// </summary>
public abstract class ContactCheckApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MailApp
{
    private static object Check(object audience, string title = "令和8年度 第1回 情報疎通確認", int deadlineHours = 24, string schedule = "now",
        DateTime? startAt = null, int? repeatDays = null) => new
        {
            title,
            message = "本メールは連絡窓口の到達確認です。受信後、リンクから確認してください。",
            deadlineHours,
            schedule,
            startAt,
            repeatDays,
            audience,
        };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static async Task<Guid> CreatedAsync(HttpClient desk, object check) =>
        (await OkAsync(await desk.PostAsJsonAsync("/api/v1/contact-checks", check), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task SendToASector_OneTargetPerContact_OneMailEach_AndAudited()
    {
        var nisc = await DeskAsync(app, "nisc");
        var two = await OperatorAsync(app, "water", null, ("水道 当番", "03-0000-0001"), ("情報システム課", null));
        var one = await OperatorAsync(app, "water", null, ("浄水場 監視室", "03-0000-0002"));
        var none = await OperatorAsync(app, "water");
        var id = await CreatedAsync(nisc, Check(new[] { new { kind = "sector", key = "water" } }));

        var (targets, expected, mails) = await InDbAsync(app, async db =>
        {
            var inSector = await db.Organisations.Where(o => o.SectorCode == "water").Select(o => o.Id).ToListAsync();
            var contacts = await db.PointsOfContact.Where(p => inSector.Contains(p.OrganisationId)).ToListAsync();
            var targets = await db.ContactCheckTargets.Where(t => t.CheckId == id).ToListAsync();
            var expected = inSector.Sum(o => Math.Max(1, contacts.Count(c => c.OrganisationId == o)));
            var mails = await db.OutboundEmails.Where(m => m.DeliveryKey.StartsWith("contact-check:")).ToListAsync();
            return (targets, expected, mails.Where(m => contacts.Any(c => c.Email == m.ToAddress)).ToList());
        });
        targets.Count.ShouldBe(expected);
        targets.Count(t => t.OrganisationId == two.Organisation.Id).ShouldBe(2);
        targets.Single(t => t.OrganisationId == none.Organisation.Id).ContactId.ShouldBeNull("an organisation without contacts is still counted");
        targets.Where(t => t.ContactId is not null).ShouldAllBe(t => t.TokenHash!.Length == 64);
        mails.Select(m => m.ToAddress).ShouldContain(one.Contacts[0].Email);
        mails.Count(m => m.ToAddress == two.Contacts[0].Email || m.ToAddress == two.Contacts[1].Email).ShouldBe(2);
        var mail = mails.Single(m => m.ToAddress == one.Contacts[0].Email);
        mail.Body.ShouldContain("本メールは連絡窓口の到達確認です。");
        mail.Body.ShouldContain("浄水場 監視室");
        var token = PathOf(mail.Body).Split('/').Last();
        targets.ShouldNotContain(t => t.TokenHash == token, "only the hash is stored with the target");

        var events = await InDbAsync(app, db => db.AuditEvents.Where(e => e.ResourceType == "contact_checks" && e.ResourceId == id.ToString("D")).ToListAsync());
        events.Select(e => e.Action).Order().ShouldBe(["create", "send"]);
        var check = await OkAsync(await nisc.GetAsync($"/api/v1/contact-checks/{id}"));
        check.GetProperty("rounds")[0].GetProperty("targeted").GetInt32().ShouldBe(targets.Select(t => t.OrganisationId).Distinct().Count());
    }

    [Fact]
    public async Task ConfirmByLinkAndByApi_ReportCountsTimesGroupsAndWhomToCall()
    {
        var nisc = await DeskAsync(app, "nisc");
        var a = await OperatorAsync(app, "electricity", ["electricity"], ("電力 当番", "011-000-0001"), ("電力 副", "011-000-0002"));
        var b = await OperatorAsync(app, "electricity", null, ("電力B 窓口", null));
        var c = await OperatorAsync(app, "telecom", ["t-ceptoar"]);
        var d = await OperatorAsync(app, "telecom", ["t-ceptoar"], ("通信D 当番", "03-1111-2222"));
        var id = await CreatedAsync(nisc, Check(Organisations(a, b, c, d)));

        // The link: GET shows the check and changes nothing (mail scanners open links); POST confirms.
        var anonymous = app.Anonymous();
        var link = await LinkAsync(app, a.Contacts[1].Email);
        var page = await anonymous.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("令和8年度 第1回 情報疎通確認");
        (await InDbAsync(app, db => db.ContactCheckTargets.CountAsync(t => t.CheckId == id && t.ConfirmedAt != null))).ShouldBe(0);
        var form = await HtmlForm.OpenAsync(anonymous, link, "form.confirm-form button");
        var confirmed = await form.SubmitAsync(anonymous);
        (await confirmed.Content.ReadAsStringAsync()).ShouldContain("受信を確認しました");
        var first = await InDbAsync(app, db => db.ContactCheckTargets.SingleAsync(t => t.CheckId == id && t.ConfirmedAt != null));
        first.ConfirmedVia.ShouldBe(ConfirmationChannel.Link);
        first.ConfirmedByUserId.ShouldBeNull();
        // Again: harmless, the first time is kept.
        (await form.SubmitAsync(anonymous)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetStringAsync(link)).ShouldContain("既に受信を確認しています");
        (await InDbAsync(app, db => db.ContactCheckTargets.SingleAsync(t => t.CheckId == id && t.ConfirmedAt != null))).ConfirmedAt.ShouldBe(first.ConfirmedAt);

        // A member answers for B in the application (API).
        var answer = await OkAsync(await b.Member.PostAsync($"/api/v1/contact-checks/{id}/confirm", null));
        answer.GetProperty("alreadyConfirmed").GetBoolean().ShouldBeFalse();
        answer.GetProperty("round").GetInt32().ShouldBe(1);
        var again = await OkAsync(await b.Member.PostAsync($"/api/v1/contact-checks/{id}/confirm", null));
        again.GetProperty("alreadyConfirmed").GetBoolean().ShouldBeTrue();
        again.GetProperty("confirmedAt").GetDateTime().ShouldBe(answer.GetProperty("confirmedAt").GetDateTime());
        (await b.Member.GetStringAsync("/api/v1/contact-checks")).ShouldContain(id.ToString());

        // Known response times: A after one minute, B after ten.
        await InDbAsync(app, async db =>
        {
            foreach (var (org, seconds) in new[] { (a.Organisation.Id, 60), (b.Organisation.Id, 600) })
            {
                var target = await db.ContactCheckTargets.SingleAsync(t => t.CheckId == id && t.OrganisationId == org && t.ConfirmedAt != null);
                await db.ContactCheckTargets.Where(t => t.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ConfirmedAt, target.SentAt.AddSeconds(seconds)));
            }
            return 0;
        });

        var report = await OkAsync(await nisc.GetAsync($"/api/v1/contact-checks/{id}/report"));
        var round = report.GetProperty("round");
        round.GetProperty("number").GetInt32().ShouldBe(1);
        round.GetProperty("contacts").GetInt32().ShouldBe(4);
        var total = round.GetProperty("total");
        total.GetProperty("targeted").GetInt32().ShouldBe(4);
        total.GetProperty("answered").GetInt32().ShouldBe(2);
        total.GetProperty("medianSeconds").GetInt32().ShouldBe(60);
        total.GetProperty("p90Seconds").GetInt32().ShouldBe(600);
        JsonElement Group(string list, string code) => round.GetProperty(list).EnumerateArray().Single(g => g.GetProperty("code").GetString() == code).GetProperty("stats");
        Group("bySector", "electricity").GetProperty("answered").GetInt32().ShouldBe(2);
        Group("bySector", "telecom").GetProperty("targeted").GetInt32().ShouldBe(2);
        Group("bySector", "telecom").GetProperty("answered").GetInt32().ShouldBe(0);
        Group("bySector", "telecom").GetProperty("medianSeconds").ValueKind.ShouldBe(JsonValueKind.Null);
        Group("byCeptoar", "electricity").GetProperty("targeted").GetInt32().ShouldBe(1);
        Group("byCeptoar", "t-ceptoar").GetProperty("targeted").GetInt32().ShouldBe(2);
        var silent = round.GetProperty("notAnswered").EnumerateArray().ToList();
        silent.Select(n => n.GetProperty("organisationId").GetGuid()).Order().ShouldBe(new[] { c.Organisation.Id, d.Organisation.Id }.Order());
        var toCall = silent.Single(n => n.GetProperty("organisationId").GetGuid() == d.Organisation.Id).GetProperty("contacts")[0];
        toCall.GetProperty("phone").GetString().ShouldBe("03-1111-2222");
        toCall.GetProperty("name").GetString().ShouldBe("通信D 当番");

        // The report is the issuer's: another desk, and the recipients, get 404.
        (await (await DeskAsync(app, "meti")).GetAsync($"/api/v1/contact-checks/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.Member.GetAsync($"/api/v1/contact-checks/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await DeskAsync(app, "meti")).GetAsync($"/api/v1/contact-checks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var seenByA = await OkAsync(await a.Member.GetAsync($"/api/v1/contact-checks/{id}"));
        seenByA.GetProperty("rounds").GetArrayLength().ShouldBe(0, "recipients see their own answers, not the counts");
        seenByA.GetProperty("mine")[0].GetProperty("confirmedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await a.Member.PostAsync($"/api/v1/contact-checks/{id}/send", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeadlinePassed_OrUnknownLink_ClearPageOrProblem_NeverAServerError()
    {
        var nisc = await DeskAsync(app, "nisc");
        var a = await OperatorAsync(app, "gas", null, ("ガス 当番", null));
        var id = await CreatedAsync(nisc, Check(Organisations(a), deadlineHours: 1));
        var link = await LinkAsync(app, a.Contacts[0].Email);
        var anonymous = app.Anonymous();
        var form = await HtmlForm.OpenAsync(anonymous, link, "form.confirm-form button");
        await InDbAsync(app, db => db.ContactCheckRounds.Where(r => r.CheckId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineAt, DateTime.UtcNow.AddMinutes(-1))));

        var expired = await anonymous.GetAsync(link);
        expired.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("回答期限を過ぎたため");
        var late = await form.SubmitAsync(anonymous);
        late.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await InDbAsync(app, db => db.ContactCheckTargets.CountAsync(t => t.CheckId == id && t.ConfirmedAt != null))).ShouldBe(0);
        (await a.Member.PostAsync($"/api/v1/contact-checks/{id}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var unknown = await anonymous.GetAsync("/ContactChecks/Confirm/not-a-token-of-ours");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("このリンクは無効です");
        (await anonymous.GetAsync("/ContactChecks/Confirm/" + new string('x', 500))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Issuers_StayWithinTheirRemit_ErrorsNameTheAudienceEntry()
    {
        var meti = await DeskAsync(app, "meti");
        var secretariat = await DeskAsync(app, "je-isac", Renkei.Identity.Role.Coordinator);
        var op = await OperatorAsync(app, "electricity", ["electricity"], ("当番", null));

        (await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/contact-checks", Check(new[] { new { kind = "sector", key = "telecom" } })))).ShouldContainKey("audience[0].key");
        var mixed = await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/contact-checks",
            Check(new[] { new { kind = "sector", key = "electricity" }, new { kind = "sector", key = "telecom" } })));
        mixed.ShouldContainKey("audience[1].key");
        mixed.ShouldNotContainKey("audience[0].key");
        (await ErrorsAsync(await secretariat.PostAsJsonAsync("/api/v1/contact-checks", Check(new[] { new { kind = "sector", key = "electricity" } }))))
            .ShouldContainKey("audience[0].key");
        await CreatedAsync(secretariat, Check(new[] { new { kind = "ceptoar", key = "electricity" } }, schedule: "at", startAt: DateTime.UtcNow.AddDays(1)));
        (await op.Member.PostAsJsonAsync("/api/v1/contact-checks", Check(Organisations(op)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadInput_IsRefusedByField_AndNothingIsStored()
    {
        var nisc = await DeskAsync(app, "nisc");
        var op = await OperatorAsync(app, "water", null, ("当番", null));
        var audience = Organisations(op);
        var before = await InDbAsync(app, db => db.ContactChecks.CountAsync());

        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", new { deadlineHours = 24, audience }))).ShouldContainKey("title");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, deadlineHours: 0)))).ShouldContainKey("deadlineHours");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, deadlineHours: -3)))).ShouldContainKey("deadlineHours");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, schedule: "repeat", repeatDays: 0)))).ShouldContainKey("repeatDays");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, schedule: "repeat", repeatDays: 400)))).ShouldContainKey("repeatDays");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, schedule: "repeat")))).ShouldContainKey("repeatDays");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, deadlineHours: 72, schedule: "repeat", repeatDays: 1))))
            .ShouldContainKey("deadlineHours");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, schedule: "at")))).ShouldContainKey("startAt");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(audience, schedule: "at", startAt: DateTime.UtcNow.AddHours(-1))))).ShouldContainKey("startAt");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(Array.Empty<object>())))).ShouldContainKey("audience");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(new[] { new { kind = "user", key = "someone@example.jp" } }))))
            .ShouldContainKey("audience[0].kind");
        (await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/contact-checks", Check(new[] { new { kind = "sector", key = "no-such-sector" } }))))
            .ShouldContainKey("audience[0].key");
        (await InDbAsync(app, db => db.ContactChecks.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task SendTwice_QueuesEachContactsMailOnce()
    {
        var nisc = await DeskAsync(app, "nisc");
        var op = await OperatorAsync(app, "railways", null, ("鉄道 当番", null), ("鉄道 副", null));
        var id = await CreatedAsync(nisc, Check(Organisations(op), schedule: "at", startAt: DateTime.UtcNow.AddDays(2)));
        (await InDbAsync(app, db => db.ContactCheckTargets.CountAsync(t => t.CheckId == id))).ShouldBe(0, "nothing goes before its time");

        // Two desks press "send" at once: one round, one e-mail per contact.
        var sends = await Task.WhenAll(nisc.PostAsync($"/api/v1/contact-checks/{id}/send", null), nisc.PostAsync($"/api/v1/contact-checks/{id}/send", null));
        sends.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await nisc.PostAsync($"/api/v1/contact-checks/{id}/send", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the round is still open");
        var emails = op.Contacts.Select(c => c.Email).ToList();
        (await InDbAsync(app, db => db.OutboundEmails.CountAsync(m => emails.Contains(m.ToAddress)))).ShouldBe(2);
        (await InDbAsync(app, db => db.ContactCheckRounds.CountAsync(r => r.CheckId == id))).ShouldBe(1);
        (await OkAsync(await nisc.GetAsync($"/api/v1/contact-checks/{id}"))).GetProperty("nextRoundAt").ValueKind.ShouldBe(JsonValueKind.Null, "a one-off check sent early is not sent again");
    }

    [Fact]
    public async Task Scheduler_StartsDueRounds_KeepsTheCadence_AndStopsWhenCancelled()
    {
        var nisc = await DeskAsync(app, "nisc");
        var op = await OperatorAsync(app, "airports", null, ("空港 当番", null));
        var worker = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ContactCheckWorker>().Single();
        var once = await CreatedAsync(nisc, Check(Organisations(op), schedule: "at", startAt: DateTime.UtcNow.AddHours(3)));
        var start = DateTime.UtcNow.AddDays(1);
        var weekly = await CreatedAsync(nisc, Check(Organisations(op), title: "毎週の疎通確認", schedule: "repeat", startAt: start, repeatDays: 7));

        await worker.StartDueAsync(CancellationToken.None);
        (await InDbAsync(app, db => db.ContactCheckRounds.CountAsync(r => r.CheckId == once || r.CheckId == weekly))).ShouldBe(0);

        // Time passes: both are due.
        var due = DateTime.UtcNow.AddMinutes(-5);
        var weeklyDue = await InDbAsync(app, async db =>
        {
            await db.ContactChecks.Where(c => c.Id == once || c.Id == weekly).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRoundAt, due));
            return (await db.ContactChecks.SingleAsync(c => c.Id == weekly)).NextRoundAt!.Value;
        });
        await worker.StartDueAsync(CancellationToken.None);
        await worker.StartDueAsync(CancellationToken.None);
        var (rounds, next) = await InDbAsync(app, async db => (
            await db.ContactCheckRounds.Where(r => r.CheckId == once || r.CheckId == weekly).ToListAsync(),
            await db.ContactChecks.Where(c => c.Id == once || c.Id == weekly).ToDictionaryAsync(c => c.Id, c => c.NextRoundAt)));
        rounds.Count(r => r.CheckId == once).ShouldBe(1, "started once, whichever host or pass claimed it");
        rounds.Count(r => r.CheckId == weekly).ShouldBe(1);
        next[once].ShouldBeNull();
        next[weekly].ShouldBe(weeklyDue.AddDays(7));
        (await OkAsync(await op.Member.GetAsync("/api/v1/contact-checks"))).GetProperty("open").EnumerateArray().Select(o => o.GetProperty("id").GetGuid())
            .ShouldBe(new[] { once, weekly }, ignoreOrder: true);

        var cancelled = await OkAsync(await nisc.PostAsync($"/api/v1/contact-checks/{weekly}/cancel", null));
        cancelled.GetProperty("cancelledAt").ValueKind.ShouldBe(JsonValueKind.String);
        cancelled.GetProperty("nextRoundAt").ValueKind.ShouldBe(JsonValueKind.Null);
        await InDbAsync(app, db => db.ContactChecks.Where(c => c.Id == weekly).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRoundAt, due)));
        await worker.StartDueAsync(CancellationToken.None);
        (await InDbAsync(app, db => db.ContactCheckRounds.CountAsync(r => r.CheckId == weekly))).ShouldBe(1, "a cancelled check starts no round");
        (await nisc.PostAsync($"/api/v1/contact-checks/{weekly}/send", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await InDbAsync(app, db => db.AuditEvents.CountAsync(e => e.ResourceId == weekly.ToString("D") && e.Action == "cancel"))).ShouldBe(1);
    }

    [Fact]
    public async Task ARound_NotifiesTheOrganisationsMembersInTheApplication()
    {
        var nisc = await DeskAsync(app, "nisc");
        var op = await OperatorAsync(app, "petroleum", null, ("石油 当番", null));
        var id = await CreatedAsync(nisc, Check(Organisations(op), title: "石油分野 疎通確認"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement? found = null;
        while (found is null && DateTime.UtcNow < deadline)
        {
            var inbox = await OkAsync(await op.Member.GetAsync("/api/v1/notifications"));
            found = inbox.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(n => n!.Value.GetProperty("link").GetString() == $"/ContactChecks/{id:D}");
            await Task.Delay(100);
        }
        found.ShouldNotBeNull("the members hear of the round in the application");
        found.Value.GetProperty("titleJa").GetString().ShouldBe("情報疎通確認: 石油分野 疎通確認");
        (await OkAsync(await nisc.GetAsync("/api/v1/notifications"))).GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("link").GetString() == $"/ContactChecks/{id:D}", "the issuer is not a recipient");
    }

    [Fact]
    public async Task TheMailArrives_AndItsLinkConfirms()
    {
        var nisc = await DeskAsync(app, "nisc");
        var op = await OperatorAsync(app, "medical", null, ("病院 情報管理室", "03-2222-3333"));
        var id = await CreatedAsync(nisc, Check(Organisations(op), title: "医療分野 疎通確認"));

        var mail = await app.Smtp.WaitForAsync(op.Contacts[0].Email, m => m.Subject.Contains("医療分野 疎通確認", StringComparison.Ordinal));
        mail.Subject.ShouldContain("情報疎通確認");
        var link = PathOf(mail.Body);
        var anonymous = app.Anonymous();
        var response = await (await HtmlForm.OpenAsync(anonymous, link, "form.confirm-form button")).SubmitAsync(anonymous);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("受信を確認しました");

        var report = await OkAsync(await nisc.GetAsync($"/api/v1/contact-checks/{id}/report?round=1"));
        report.GetProperty("round").GetProperty("total").GetProperty("answered").GetInt32().ShouldBe(1);
        report.GetProperty("round").GetProperty("notAnswered").GetArrayLength().ShouldBe(0);
        (await nisc.GetAsync($"/api/v1/contact-checks/{id}/report?round=2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ContactCheckApiTests_Sqlite(SqliteMailApp app) : ContactCheckApiTests<SqliteMailApp>(app);

public sealed class ContactCheckApiTests_Postgres(PostgresMailApp app) : ContactCheckApiTests<PostgresMailApp>(app);
