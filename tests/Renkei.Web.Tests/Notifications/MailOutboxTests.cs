using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Storage;
using Renkei.Testing;
using Renkei.Web.Tests.Reports;

namespace Renkei.Web.Tests.Notifications;

/// <summary>The host with e-mail configured towards an SMTP port where nothing listens.</summary>
public sealed class UnreachableSmtpApp() : RenkeiApp(DatabaseProvider.Sqlite)
{
    private static readonly int ClosedPort = ClosedLoopbackPort();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Renkei:Mail:SmtpHost"] = "127.0.0.1",
        ["Renkei:Mail:SmtpPort"] = ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Renkei:Mail:MaxAttempts"] = "2",
    };

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}

public sealed class MailOutboxTests(UnreachableSmtpApp app) : IClassFixture<UnreachableSmtpApp>
{
    [Fact]
    public async Task UnreachableServer_KeepsTheMail_RetriesWithBackoff_ThenMarksItFailed()
    {
        var chain = await ReportChain.CreateAsync(app);
        var id = (await ReportChain.CreateAsync(chain.Reporter, "emergency")).GetProperty("id").GetGuid();
        await ReportChain.PostAsync(chain.Reporter, $"/api/v1/reports/{id}/submit");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<Renkei.Notifications.OutboundEmail> mails = [];
        while (DateTime.UtcNow < deadline)
        {
            mails = await db.OutboundEmails.AsNoTracking().Where(m => m.Body.Contains(id.ToString())).ToListAsync();
            if (mails.Count > 0 && mails.All(m => m.Attempts >= 1))
            {
                break;
            }
            await Task.Delay(100);
        }
        mails.ShouldNotBeEmpty("the desks' e-mails were queued");
        foreach (var mail in mails)
        {
            mail.SentAt.ShouldBeNull();
            mail.Attempts.ShouldBe(1);
            mail.LastError.ShouldNotBeNullOrEmpty();
            mail.NextAttemptAt.ShouldBeGreaterThan(DateTime.UtcNow.AddSeconds(20), "the next attempt waits (30 s after the first failure)");
        }

        // Due again: the second failure reaches MaxAttempts (2 here) and the mail is given up, kept as failed.
        await db.OutboundEmails.Where(m => m.Body.Contains(id.ToString())).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        await using (var pass = app.Services.CreateAsyncScope())
        {
            await pass.ServiceProvider.GetRequiredService<Renkei.Notifications.MailOutbox>().SendDueAsync(CancellationToken.None);
        }
        // The background loop may have leased some of them first: wait for it too.
        List<Renkei.Notifications.OutboundEmail> failed = [];
        for (var i = 0; i < 100; i++)
        {
            failed = await db.OutboundEmails.AsNoTracking().Where(m => m.Body.Contains(id.ToString())).ToListAsync();
            if (failed.All(m => m.FailedAt != null))
            {
                break;
            }
            await Task.Delay(100);
        }
        failed.ShouldAllBe(m => m.FailedAt != null && m.Attempts == 2 && m.SentAt == null);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(20, 3600)]
    public void Backoff_DoublesFromThirtySeconds_UpToAnHour(int attempts, int seconds) =>
        Renkei.Common.Outbox.Backoff(attempts).ShouldBe(TimeSpan.FromSeconds(seconds));
}
