using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;
using Renkei.Webhooks;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Advisories;

/// <summary>The host with a real SMTP sink, webhooks allowed to loopback over http, and a short escalation time.</summary>
public abstract class ChannelApp(DatabaseProvider provider) : MailApp(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Renkei:Webhooks:AllowHttp"] = "true",
        ["Renkei:Webhooks:AllowPrivateNetworks"] = "true",
        ["Renkei:Advisories:EscalateAfter"] = "00:00:04",
        ["Renkei:Advisories:EscalationSweep"] = "00:00:01",
    };
}

public sealed class SqliteChannelApp() : ChannelApp(DatabaseProvider.Sqlite);

public sealed class PostgresChannelApp() : ChannelApp(DatabaseProvider.Postgres);

/// <summary>
/// Advisories leaving the platform: the emergency hotline e-mail to points of contact with the
/// issuer's number, escalation to the secondary contact when nobody acknowledges, members'
/// e-mail under TLP, and signed webhooks with idempotent delivery ids — RED content never leaves.
/// </summary>
public abstract class AdvisoryChannelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ChannelApp
{
    private async Task AddContactAsync(Guid organisationId, ContactPriority priority, string email, string? phone = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        db.PointsOfContact.Add(new PointOfContact
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Priority = priority,
            Name = "当番",
            Email = email,
            Phone = phone,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }



    private static object ToOrganisations(string title, string tlp, string urgency, params Guid[] organisations) => new
    {
        kind = "early_warning",
        title,
        summary = "広域で DDoS 攻撃の予兆が観測されています。",
        body = "詳細な観測値は本文のみに記載します: 203.0.113.77",
        recommendedActions = "上流事業者と連絡体制を確認してください。",
        tlp,
        urgency,
        distribution = "direct",
        audience = organisations.Select(o => new { kind = "organisation", key = o.ToString("D") }).ToArray(),
    };

    [Fact]
    public async Task EmergencyAdvisory_ReachesPointsOfContact_AndEscalatesToTheSecondaryWhenNotAcknowledged()
    {
        var nisc = await app.Data.ReferenceOrganisationAsync("nisc");
        var desk = (await app.ClientAsync(nisc.Id, Role.Coordinator)).Client;
        await AddContactAsync(nisc.Id, ContactPriority.Primary, $"nisc-{Guid.NewGuid():N}@renkei.test", "03-5253-2111");
        var (silent, _, silentOrg) = await app.OperatorAsync("water", null, Role.Coordinator);
        var (prompt, _, promptOrg) = await app.OperatorAsync("water", null, Role.Coordinator);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await AddContactAsync(silentOrg.Id, ContactPriority.Primary, $"primary-{tag}@water.test");
        await AddContactAsync(silentOrg.Id, ContactPriority.Secondary, $"secondary-{tag}@water.test");
        await AddContactAsync(promptOrg.Id, ContactPriority.Primary, $"prompt-primary-{tag}@water.test");
        await AddContactAsync(promptOrg.Id, ContactPriority.Secondary, $"prompt-secondary-{tag}@water.test");

        var id = (await PublishedAsync(desk, ToOrganisations("浄水場制御系への攻撃予兆", "amber", "emergency", silentOrg.Id, promptOrg.Id))).GetProperty("id").GetGuid();
        await OkAsync(await prompt.PostAsync($"/api/v1/advisories/{id}/acknowledge", null));

        var hotline = await app.Smtp.WaitForAsync($"primary-{tag}@water.test");
        hotline.Subject.ShouldContain("緊急");
        hotline.Body.ShouldContain("03-5253-2111", customMessage: "the hotline shows the number to call back");
        hotline.Body.ShouldContain("上流事業者と連絡体制");
        hotline.Body.ShouldNotContain("203.0.113.77", customMessage: "the body and indicators are read in Renkei");
        await app.Smtp.WaitForAsync($"prompt-primary-{tag}@water.test");

        var resent = await app.Smtp.WaitForAsync($"secondary-{tag}@water.test", m => m.Subject.Contains("再送", StringComparison.Ordinal), seconds: 30);
        resent.Body.ShouldContain($"/Advisories/{id:D}");
        await Task.Delay(2000);
        app.Smtp.To($"prompt-secondary-{tag}@water.test").ShouldBeEmpty("the organisation that acknowledged is not escalated");
        app.Smtp.To($"secondary-{tag}@water.test").Count.ShouldBe(1, "escalated once");

        var report = await OkAsync(await desk.GetAsync($"/api/v1/advisories/{id}/deliveries?escalated=true"));
        report.GetProperty("escalated").GetInt32().ShouldBe(1);
        report.GetProperty("items").EnumerateArray().Single().GetProperty("organisationId").GetGuid().ShouldBe(silentOrg.Id);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var inbox = await OkAsync(await desk.GetAsync("/api/v1/notifications?limit=50"));
            if (inbox.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("topic").GetString() == "advisory.escalated" && n.GetProperty("subjectId").GetGuid() == id))
            {
                break;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the issuing desk is told of the escalation");
            await Task.Delay(200);
        }
        (await silent.GetAsync($"/api/v1/advisories/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Webhooks_AreSignedAndIdempotent_AndRedNeverLeaves()
    {
        using var receiver = new HookReceiver();
        var nisc = await app.Data.ReferenceOrganisationAsync("nisc");
        var desk = (await app.ClientAsync(nisc.Id, Role.Analyst)).Client;
        var (admin, _, org) = await app.OperatorAsync("gas", null, Role.Admin);
        var (member, memberCaller) = await app.ClientAsync(org.Id, Role.Coordinator);

        (await member.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "admins manage webhooks");
        var bad = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "ftp://example.jp/hook" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("\"url\"");
        var created = await OkAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, description = "SOC" }), HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        (await OkAsync(await admin.GetAsync("/api/v1/webhooks")))[0].TryGetProperty("secret", out _).ShouldBeFalse("the secret is shown once");

        var id = (await PublishedAsync(desk, ToOrganisations("ガス供給設備の脆弱性", "amber", "normal", org.Id))).GetProperty("id").GetGuid();
        var call = await receiver.WaitAsync(c => c.Body.Contains(id.ToString("D"), StringComparison.Ordinal));
        call.Headers["Renkei-Event"].ShouldBe("advisory.published");
        Guid.TryParse(call.Headers["Renkei-Delivery-Id"], out _).ShouldBeTrue();
        var signature = call.Headers["Renkei-Signature"];
        var timestamp = long.Parse(signature.Split(',')[0][2..], CultureInfo.InvariantCulture);
        signature.ShouldBe(WebhookSender.Sign(secret, timestamp, call.Body), "HMAC-SHA256 over timestamp.body with the subscription's secret");
        using (var payload = JsonDocument.Parse(call.Body))
        {
            payload.RootElement.GetProperty("advisory").GetProperty("content").GetProperty("title").GetString().ShouldBe("ガス供給設備の脆弱性");
            payload.RootElement.GetProperty("organisationId").GetGuid().ShouldBe(org.Id);
        }

        // RED to a named person of the same organisation: an in-app notice, and no webhook call at all.
        var red = (await PublishedAsync(desk, new
        {
            kind = "alert",
            title = "RED の件名",
            summary = "RED の概要",
            tlp = "red",
            audience = new[] { new { kind = "user", key = memberCaller.UserId.ToString("D") } },
        })).GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await OkAsync(await member.GetAsync("/api/v1/notifications?limit=50"))).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("subjectId").GetGuid() == red))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(200);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        (await db.OutboundWebhooks.CountAsync(w => w.Payload.Contains(red.ToString()))).ShouldBe(0);
        (await db.OutboundEmails.Where(m => m.Subject.Contains("RED の件名") || m.Body.Contains("RED の概要")).CountAsync()).ShouldBe(0);
        var mails = await db.OutboundEmails.Where(m => m.Body.Contains(red.ToString())).ToListAsync();
        mails.ShouldNotBeEmpty("the named person is told by e-mail that there is something to read");
        receiver.Calls.ShouldNotContain(c => c.Body.Contains(red.ToString(), StringComparison.Ordinal));
        (await db.OutboundWebhooks.Where(w => w.Payload.Contains(id.ToString())).CountAsync()).ShouldBe(1, "one call per event and subscription");
    }

    /// <summary>A loopback HTTP endpoint that records what it is sent.</summary>
    private sealed class HookReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        public ConcurrentBag<(Dictionary<string, string> Headers, string Body)> Calls { get; } = [];
        public string Url { get; }

        public HookReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
                Calls.Add((headers, body));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }

        public async Task<(Dictionary<string, string> Headers, string Body)> WaitAsync(Func<(Dictionary<string, string> Headers, string Body), bool> match, int seconds = 30)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (DateTime.UtcNow < deadline)
            {
                if (Calls.FirstOrDefault(match) is { Body: not null } found)
                {
                    return found;
                }
                await Task.Delay(100);
            }
            throw new TimeoutException($"No matching webhook call within {seconds} s ({Calls.Count} received).");
        }

        public void Dispose() => _listener.Close();
    }
}

public sealed class AdvisoryChannelTests_Sqlite(SqliteChannelApp app) : AdvisoryChannelTests<SqliteChannelApp>(app);

public sealed class AdvisoryChannelTests_Postgres(PostgresChannelApp app) : AdvisoryChannelTests<PostgresChannelApp>(app);
