using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Advisories;

/// <summary>
/// The shipped host killed outright (SIGKILL) in the middle of a publish, in the middle of the
/// dispatch that follows it, and while its e-mail is going out; restarted on the same database
/// each time. Afterwards every recipient organisation has its delivery, every member one
/// notification and one e-mail — none lost, none twice.
/// </summary>
/// <remarks>
/// "In the middle" is made certain rather than hoped for: a trigger the test adds stalls one
/// statement late in the transaction (the publish's audit record; one member's e-mail row in the
/// dispatch), so the host is killed while that transaction holds every earlier write uncommitted.
/// </remarks>
public abstract class AdvisoryCrashTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Operators = 400;
    private const int UsersPerOperator = 2;
    private const string Sector = "water";

    private readonly SmtpSink _smtp = new();
    private readonly string _dataDirectory = System.IO.Directory.CreateTempSubdirectory("renkei-crash-").FullName;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private string _token = null!;
    private string _stalledAddress = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, DatabaseState.Seeded);
        _services = _database.BuildServices();
        await SeedOperatorsAsync();
        var (user, _) = await new TestData(_services).UserOfAsync("nisc", Role.Coordinator);
        await using var scope = _services.CreateAsyncScope();
        _token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "crash test", 1)).Secret;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        _smtp.Dispose();
        System.IO.Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task HostKilledDuringPublishDispatchAndSending_EveryDeliveryCompletesExactlyOnce()
    {
        // 1. Killed inside the publish transaction: nothing of it may survive.
        var host = await StartHostAsync();
        var client = Client(host);
        var draft = await OkAsync(await client.PostAsJsonAsync("/api/v1/advisories", Advisory()), System.Net.HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        var version = draft.GetProperty("version").GetInt32();
        await StallAsync("audit_events", "action", "publish");
        var publish = client.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version });
        await WaitUntilStalledAsync(host);
        await KillAsync(host);
        (await Record.ExceptionAsync(() => publish)).ShouldNotBeNull("the publish must not have answered before the kill");
        await UnstallAsync("audit_events");
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            (await db.Advisories.SingleAsync(a => a.Id == id)).State.ShouldBe(AdvisoryState.Draft);
            (await db.AdvisoryDeliveries.CountAsync(d => d.AdvisoryId == id)).ShouldBe(0);
            (await db.NotificationEvents.CountAsync(e => e.SubjectId == id)).ShouldBe(0);
        }

        // 2. Restarted, published again; killed inside the dispatch transaction that writes the members' notifications and e-mail.
        host = await StartHostAsync();
        client = Client(host);
        await StallAsync("outbound_emails", "to_address", _stalledAddress);
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/advisories/{id}/publish", new { version }));
        await WaitUntilStalledAsync(host);
        await KillAsync(host);
        await UnstallAsync("outbound_emails");
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            (await db.AdvisoryDeliveries.CountAsync(d => d.AdvisoryId == id)).ShouldBe(await RecipientCountAsync(db));
            (await db.NotificationEvents.SingleAsync(e => e.SubjectId == id)).DispatchedAt.ShouldBeNull("the dispatch was killed before it committed");
            (await db.Notifications.CountAsync(n => n.SubjectId == id)).ShouldBe(0);
            (await db.OutboundEmails.CountAsync()).ShouldBe(0);
        }

        // 3. Restarted: the dispatch runs again; killed while the e-mail is going out.
        host = await StartHostAsync();
        var deadline = Stopwatch.StartNew();
        while (_smtp.Messages().Count < 20)
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), "no e-mail went out:\n" + host.Tail());
            await Task.Delay(50);
        }
        await KillAsync(host);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            (await db.OutboundEmails.CountAsync(m => m.SentAt == null)).ShouldBeGreaterThan(0, "the kill came after the last e-mail: nothing was interrupted");
        }

        // 4. Restarted for good: everything finishes, once.
        host = await StartHostAsync();
        try
        {
            await WaitForOutboxAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var operators = await db.Organisations.Where(o => o.NameEn.StartsWith("Crash operator")).Select(o => o.Id).ToListAsync();
            var delivered = await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == id).Select(d => d.OrganisationId).ToListAsync();
            delivered.Count.ShouldBe(await RecipientCountAsync(db));
            operators.ShouldBeSubsetOf(delivered);

            var members = await db.Users.Where(u => operators.Contains(u.OrganisationId)).Select(u => new { u.Id, u.Email }).ToListAsync();
            members.Count.ShouldBe(Operators * UsersPerOperator);
            var notified = await db.Notifications.Where(n => n.SubjectId == id).GroupBy(n => n.UserId).Select(g => new { UserId = g.Key, Count = g.Count() }).ToListAsync();
            notified.Where(n => n.Count != 1).ShouldBeEmpty("a member was notified more than once");
            members.Select(m => m.Id).ShouldBeSubsetOf(notified.Select(n => n.UserId));

            var outbox = await db.OutboundEmails.Select(m => new { m.ToAddress, m.SentAt }).ToListAsync();
            outbox.Where(m => m.SentAt == null).ShouldBeEmpty();
            outbox.GroupBy(m => m.ToAddress).Where(g => g.Count() > 1).ShouldBeEmpty("an e-mail was queued twice");
            var received = _smtp.Messages().SelectMany(m => m.RcptTos.Select(to => (To: to, m.MessageId))).ToLookup(r => r.To, r => r.MessageId, StringComparer.OrdinalIgnoreCase);
            foreach (var member in members)
            {
                // A message the kill caught between the SMTP server's "250 OK" and the outbox's "sent" goes again,
                // under the same Message-ID, so the receiving side sees one e-mail.
                received[member.Email!].Distinct().Count()
                    .ShouldBe(1, $"{member.Email} should have exactly one e-mail");
            }
        }
        await using var verify = _services.CreateAsyncScope();
        (await verify.ServiceProvider.GetRequiredService<Renkei.Audit.AuditVerifier>().VerifyAsync()).Intact.ShouldBeTrue("the audit chain survived the kills");
    }

    private static object Advisory() => new
    {
        kind = "alert",
        title = "浄水場制御系への不審な通信について（注意喚起）",
        summary = "複数の水道事業者で制御系ネットワークへの不審な通信が観測されています。",
        body = "通信先の一覧は本文のみに記載します。",
        recommendedActions = "遠隔保守回線の接続記録を確認してください。",
        tlp = "green",
        urgency = "normal",
        distribution = "direct",
        audience = new[] { new { kind = "sector", key = Sector } },
    };

    private async Task<WebHostProcess> StartHostAsync() => await WebHostProcess.StartAsync(
        Path.Combine(AppContext.BaseDirectory, "Renkei.Web.dll"),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings__Renkei"] = _database.Settings.ConnectionString,
            ["RENKEI_DATA_DIR"] = _dataDirectory,
            ["RENKEI_ADMIN_PASSWORD"] = "crash test platform passphrase",
            ["Renkei__Mail__SmtpHost"] = "127.0.0.1",
            ["Renkei__Mail__SmtpPort"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Renkei__Mail__From"] = "renkei@renkei.test",
            ["Renkei__Mail__PublicUrl"] = "https://renkei.test",
            // The message in flight at the kill is taken again once its lease runs out (5 minutes by default).
            ["Renkei__Mail__Lease"] = "00:00:05",
        });

    private HttpClient Client(WebHostProcess host) =>
        new() { BaseAddress = host.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", _token) } };

    /// <summary>A killed server's database connections die with it; PostgreSQL only notices when it next talks to them, so end them as a crash would.</summary>
    private async Task KillAsync(WebHostProcess host)
    {
        await host.KillAsync();
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }

    /// <summary>Makes the insert of the matching row hang, inside whatever transaction makes it.</summary>
    private Task StallAsync(string table, string column, string value) => provider == DatabaseProvider.Postgres
        ? ExecuteAsync($"""
            CREATE FUNCTION crash_stall() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(300); RETURN NEW; END $$;
            CREATE TRIGGER crash_stall BEFORE INSERT ON {table} FOR EACH ROW WHEN (NEW.{column} = '{value}') EXECUTE FUNCTION crash_stall();
            """)
        // SQLite has no sleep and no CTE in triggers: a cross join of the users with themselves four times takes minutes.
        : ExecuteAsync($"""
            CREATE TRIGGER crash_stall BEFORE INSERT ON {table} WHEN NEW.{column} = '{value}'
            BEGIN SELECT count(*) FROM users a, users b, users c, users d; END;
            """);

    private Task UnstallAsync(string table) => provider == DatabaseProvider.Postgres
        ? ExecuteAsync($"DROP TRIGGER crash_stall ON {table}; DROP FUNCTION crash_stall();")
        : ExecuteAsync("DROP TRIGGER crash_stall;");

    /// <summary>Waits until the host is inside the stalled statement: its CPU busy on SQLite, its backend asleep on PostgreSQL.</summary>
    private async Task WaitUntilStalledAsync(WebHostProcess host)
    {
        var deadline = Stopwatch.StartNew();
        var busy = 0;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            host.HasExited.ShouldBeFalse(host.Tail());
            if (provider == DatabaseProvider.Postgres)
            {
                await using var scope = _services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
                var sleeping = await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'").SingleAsync();
                if (sleeping > 0)
                {
                    return;
                }
            }
            // Busy three times in a row: a worker's brief write does not last that long.
            else if ((busy = await SqliteBusyAsync() ? busy + 1 : 0) >= 3)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The host never reached the stalled statement:\n" + host.Tail());
    }

    /// <summary>On SQLite the stalled statement holds the write lock: a write from here is refused after a second (0 would mean wait for ever).</summary>
    private async Task<bool> SqliteBusyAsync()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.Settings.ConnectionString) { DefaultTimeout = 1, Pooling = false };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        try
        {
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return true;
        }
    }

    private async Task WaitForOutboxAsync(WebHostProcess host)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var pendingEvents = await db.NotificationEvents.CountAsync(e => e.DispatchedAt == null);
            var pendingMail = await db.OutboundEmails.CountAsync(m => m.SentAt == null && m.FailedAt == null);
            var queued = await db.OutboundEmails.CountAsync();
            if (pendingEvents == 0 && pendingMail == 0 && queued > 0)
            {
                return;
            }
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3), $"{pendingEvents} events and {pendingMail} e-mails still pending:\n{host.Tail()}");
            await Task.Delay(200);
        }
    }

    private static Task<int> RecipientCountAsync(RenkeiDbContext db) => db.Organisations.CountAsync(o => o.SectorCode == Sector);

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Water operators in the water CEPTOAR, each with members who get the advisory's e-mail.</summary>
    private async Task SeedOperatorsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var ceptoar = await db.Ceptoars.Where(c => c.SectorCode == Sector).Select(c => c.Code).FirstAsync();
        var viewer = EnumText.ToText(Role.Viewer).ToUpperInvariant();
        var role = await db.Roles.Where(r => r.NormalizedName == viewer).Select(r => r.Id).SingleAsync();
        // One hash for all: hashing 800 passwords would only slow the test down.
        var hash = new PasswordHasher<RenkeiUser>().HashPassword(new RenkeiUser { DisplayName = "crash" }, TestData.Password);
        var now = DateTime.UtcNow;
        for (var i = 0; i < Operators; i++)
        {
            var org = new Organisation { Id = Guid.CreateVersion7(), NameJa = $"水道事業者{i}", NameEn = $"Crash operator {i}", Kind = OrganisationKind.Operator, SectorCode = Sector, CreatedAt = now, UpdatedAt = now };
            db.Organisations.Add(org);
            db.CeptoarMemberships.Add(new CeptoarMembership { CeptoarCode = ceptoar, OrganisationId = org.Id, CreatedAt = now });
            for (var u = 0; u < UsersPerOperator; u++)
            {
                var email = $"m{u}.o{i}@water.renkei.test";
                var user = new RenkeiUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    DisplayName = $"担当{u}",
                    OrganisationId = org.Id,
                    CreatedAt = now,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role });
            }
        }
        await db.SaveChangesAsync();
        // Half-way through the dispatch's e-mail rows.
        _stalledAddress = $"m0.o{Operators / 2}@water.renkei.test";
    }
}

public sealed class SqliteAdvisoryCrashTests() : AdvisoryCrashTests(DatabaseProvider.Sqlite);

public sealed class PostgresAdvisoryCrashTests() : AdvisoryCrashTests(DatabaseProvider.Postgres);
