using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Notifications;

/// <summary>
/// Notifications of report events: in the application, by e-mail through a real SMTP server,
/// and live to open pages — each worded for what its recipient may see.
/// </summary>
public abstract class ReportNotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MailApp
{
    private static async Task<string> EmailOfAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString()!;

    /// <summary>Waits for the caller's notification about the report with the topic (the dispatcher works in the background).</summary>
    private static async Task<JsonElement> WaitForNotificationAsync(HttpClient client, Guid reportId, string topic)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?limit=200");
            var found = page.GetProperty("items").EnumerateArray()
                .FirstOrDefault(n => n.GetProperty("subjectId").GetGuid() == reportId && n.GetProperty("topic").GetString() == topic);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {topic} notification about {reportId}.");
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client, Guid reportId) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?limit=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("subjectId").GetGuid() == reportId).ToList();

    [Fact]
    public async Task AnonymisedReport_EachDeskIsNotified_InWordsItMaySee_AndMailNamesNoReporter()
    {
        var chain = await ReportChain.CreateAsync(app);
        var me = await chain.Reporter.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var orgName = me.GetProperty("organisation").GetProperty("nameJa").GetString()!;
        var title = "制御系への不正アクセス " + Guid.NewGuid().ToString("N")[..6];
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ceptoar", viaCeptoar: "electricity", content: ReportChain.Content(title))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        // The secretariat holds the identity: its notification names the reporter.
        var atSecretariat = await WaitForNotificationAsync(chain.Secretariat, id, "report.submitted");
        atSecretariat.GetProperty("titleJa").GetString().ShouldBe($"新しい情報連絡（速報）: {title}");
        atSecretariat.GetProperty("detailJa").GetString()!.ShouldContain(orgName);
        atSecretariat.GetProperty("link").GetString().ShouldBe($"/Reports/{id}");
        (await NotificationsAsync(chain.Ministry, id)).ShouldBeEmpty("the ministry hears of it when the secretariat forwards it");

        await ReportChain.PostAsync(chain.Secretariat, $"/api/v1/reports/{id}/forward", new { annotation = "確認済み" });
        var atMinistry = await WaitForNotificationAsync(chain.Ministry, id, "report.forwarded");
        atMinistry.GetProperty("detailJa").GetString()!.ShouldContain("の構成員");
        atMinistry.ToString().ShouldNotContain(orgName);
        var toReporter = await WaitForNotificationAsync(chain.Reporter, id, "report.forwarded");
        toReporter.GetProperty("titleJa").GetString()!.ShouldContain("転送しました");

        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/forward");
        await WaitForNotificationAsync(chain.Nisc, id, "report.forwarded");
        var question = "侵入経路の詳細を教えてください " + Guid.NewGuid().ToString("N")[..6];
        (await chain.Nisc.PostAsJsonAsync($"/api/v1/reports/{id}/messages", new { body = question })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await WaitForNotificationAsync(chain.Secretariat, id, "report.message");
        await WaitForNotificationAsync(chain.Reporter, id, "report.message");
        await WaitForNotificationAsync(chain.Ministry, id, "report.message");
        (await NotificationsAsync(chain.Nisc, id)).Where(n => n.GetProperty("topic").GetString() == "report.message").ShouldBeEmpty("nobody is told of their own message");
        (await NotificationsAsync(chain.OtherSector, id)).ShouldBeEmpty();

        // E-mail: each recipient got one per event; none names the reporter or carries the question.
        var ministryMail = await app.Smtp.WaitForAsync(await EmailOfAsync(chain.Ministry), m => m.Subject.Contains(title, StringComparison.Ordinal));
        ministryMail.Subject.ShouldStartWith("[Renkei][TLP:AMBER]");
        ministryMail.Body.ShouldContain($"https://renkei.test/Reports/{id}");
        ministryMail.MessageId.ShouldNotBeNullOrEmpty();
        var secretariatMail = await app.Smtp.WaitForAsync(await EmailOfAsync(chain.Secretariat), m => m.Subject.Contains(title, StringComparison.Ordinal));
        await app.Smtp.WaitForAsync(await EmailOfAsync(chain.Reporter), m => m.Subject.Contains("メッセージ", StringComparison.Ordinal));
        var aboutThis = app.Smtp.Messages().Where(m => m.Body.Contains(id.ToString(), StringComparison.Ordinal)).ToList();
        aboutThis.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var mail in aboutThis.Append(secretariatMail))
        {
            (mail.Subject + mail.Body).ShouldNotContain(orgName, customMessage: "e-mail leaves the platform: never the reporter's name, not even to the secretariat");
            (mail.Subject + mail.Body).ShouldNotContain(me.GetProperty("email").GetString()!);
            mail.Body.ShouldNotContain(question);
        }
    }

    [Fact]
    public async Task EmergencyReport_ReachesBothDesksAtOnce_LabelledWithItsTlp()
    {
        var chain = await ReportChain.CreateAsync(app);
        var title = "機微な障害 " + Guid.NewGuid().ToString("N")[..6];
        var id = (await ReportChain.CreateAsync(chain.Reporter, "emergency", tlp: "amber+strict", content: ReportChain.Content(title))).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var atNisc = await WaitForNotificationAsync(chain.Nisc, id, "report.submitted");
        atNisc.GetProperty("titleJa").GetString().ShouldBe($"【緊急】新しい情報連絡（速報）: {title}");
        await WaitForNotificationAsync(chain.Ministry, id, "report.submitted");

        var mail = await app.Smtp.WaitForAsync(await EmailOfAsync(chain.Nisc), m => m.Body.Contains(id.ToString(), StringComparison.Ordinal));
        mail.Subject.ShouldBe($"[Renkei][TLP:AMBER+STRICT] 【緊急】新しい情報連絡（速報）: {title}");
        (await NotificationsAsync(chain.Secretariat, id)).ShouldBeEmpty("the emergency route does not pass the secretariat");
    }

    [Fact]
    public async Task Inbox_IsPrivate_ReadMarksCount()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ministry")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var notification = await WaitForNotificationAsync(chain.Ministry, id, "report.submitted");
        var nid = notification.GetProperty("id").GetInt64();

        (await chain.OtherMinistry.PostAsync($"/api/v1/notifications/{nid}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another user's notification does not exist for them");
        var before = (await chain.Ministry.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true")).GetProperty("unread").GetInt32();
        (await chain.Ministry.PostAsync($"/api/v1/notifications/{nid}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await chain.Ministry.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true");
        after.GetProperty("unread").GetInt32().ShouldBe(before - 1);
        after.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ShouldNotContain(nid);
        (await app.Anonymous().GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task InboxPage_ListsWithTheBellCount_MarksRead_AndOpeningTheReportReadsItsNotifications()
    {
        var chain = await ReportChain.CreateAsync(app);
        await chain.Ministry.PostAsync("/api/v1/notifications/read-all", null);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "ministry")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");
        var submitted = await WaitForNotificationAsync(chain.Ministry, id, "report.submitted");

        var inbox = await HtmlForm.PageAsync(chain.Ministry, "/Notifications");
        var item = inbox.QuerySelector($"li[data-notification-id='{submitted.GetProperty("id").GetInt64()}']")!;
        item.ClassList.ShouldContain("unread");
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Reports/{id}");
        item.TextContent.ShouldContain(submitted.GetProperty("titleJa").GetString()!);
        var unread = (await chain.Ministry.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32();
        unread.ShouldBeGreaterThan(0);
        var badge = inbox.QuerySelector("#unread-count")!;
        badge.TextContent.ShouldBe(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        badge.HasAttribute("hidden").ShouldBeFalse();

        var read = HtmlForm.Find(inbox, "/Notifications", $"li[data-notification-id='{submitted.GetProperty("id").GetInt64()}'] button");
        (await read.SubmitAsync(chain.Ministry)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await NotificationsAsync(chain.Ministry, id)).ShouldAllBe(n => n.GetProperty("readAt").ValueKind == JsonValueKind.String);

        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/updates", new
        {
            stage = "update",
            version = (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("version").GetInt32(),
            content = ReportChain.Content("続報"),
        });
        (await WaitForNotificationAsync(chain.Ministry, id, "report.updated")).GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await chain.Ministry.GetAsync($"/Reports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NotificationsAsync(chain.Ministry, id)).ShouldAllBe(n => n.GetProperty("readAt").ValueKind == JsonValueKind.String);

        var unreadOnly = await HtmlForm.PageAsync(chain.Ministry, "/Notifications?unread=true");
        unreadOnly.QuerySelectorAll("li[data-notification-id] a").ShouldNotContain(a => a.GetAttribute("href") == $"/Reports/{id}");
        // Someone the report never reached has nothing, and the bell shows no count.
        var quiet = await HtmlForm.PageAsync(chain.OtherSector, "/Notifications");
        quiet.QuerySelector("li[data-notification-id]").ShouldBeNull();
        quiet.QuerySelector("#unread-count")!.HasAttribute("hidden").ShouldBeTrue();
    }

    [Fact]
    public async Task Stream_DeliversNewNotificationsLive_AndResumesAfterLastEventId()
    {
        var chain = await ReportChain.CreateAsync(app);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await chain.Ministry.GetAsync("/api/v1/notifications/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        var id = (await ReportChain.CreateAsync(chain.Reporter, "ministry")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        var (eventId, data) = await ReadEventAsync(reader, "notification", cts.Token);
        data.GetProperty("notification").GetProperty("subjectId").GetGuid().ShouldBe(id);
        data.GetProperty("unread").GetInt32().ShouldBeGreaterThan(0);

        // A page that reconnects with Last-Event-ID gets what it missed, and nothing twice.
        await ReportChain.PostAsync(chain.Ministry, $"/api/v1/reports/{id}/acknowledge");
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/updates", new
        {
            stage = "update",
            version = (await ReportChain.GetAsync(chain.Reporter, id))!.Value.GetProperty("version").GetInt32(),
            content = ReportChain.Content("続報"),
        });
        await WaitForNotificationAsync(chain.Ministry, id, "report.updated");
        using var resumed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications/stream");
        resumed.Headers.Add("Last-Event-ID", eventId);
        using var second = await chain.Ministry.SendAsync(resumed, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader2 = new StreamReader(await second.Content.ReadAsStreamAsync(cts.Token));
        var (nextId, missed) = await ReadEventAsync(reader2, "notification", cts.Token);
        long.Parse(nextId, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(long.Parse(eventId, System.Globalization.CultureInfo.InvariantCulture));
        missed.GetProperty("notification").GetProperty("topic").GetString().ShouldBe("report.updated");
    }

    private static async Task<(string Id, JsonElement Data)> ReadEventAsync(StreamReader reader, string type, CancellationToken ct)
    {
        string? eventType = null, id = null, data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (eventType == type && data is not null)
                {
                    return (id!, JsonDocument.Parse(data).RootElement.Clone());
                }
                eventType = id = data = null;
                continue;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventType = line[7..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
        throw new InvalidOperationException("The stream ended.");
    }
}

public sealed class ReportNotificationTests_Sqlite(SqliteMailApp app) : ReportNotificationTests<SqliteMailApp>(app);

public sealed class ReportNotificationTests_Postgres(PostgresMailApp app) : ReportNotificationTests<PostgresMailApp>(app);
