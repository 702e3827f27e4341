using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Notifications;
using Renkei.Storage;

/// <summary>
/// Publishing one advisory to every organisation of a large directory: the publish call (draft
/// to published, one delivery record per recipient organisation, the revision, the audit event
/// and the notification event, committed) against the physical floor — the same number of
/// delivery rows bulk-inserted in one transaction into the same database.
/// </summary>
internal static class Fanout
{
    public static async Task<Dictionary<string, object>> RunAsync(BenchDatabase bench, int organisations, int usersPerOrganisation)
    {
        await Benchmarks.InitialiseAsync(bench);
        var issuer = await Benchmarks.PlatformAdminAsync(bench);
        var setup = Stopwatch.StartNew();
        await DirectoryAsync(bench, organisations, usersPerOrganisation);
        Console.WriteLine($"directory: {organisations} organisations, {organisations * usersPerOrganisation} users in {setup.Elapsed.TotalSeconds:F1} s (not measured)");

        // Warm-up on a small audience (JIT, query compilation), not measured.
        await PublishAsync(bench, issuer, [new AudienceEntry { Kind = AudienceKind.Sector, Key = "ports" }]);

        var (publishMs, deliveries, signalled) = await PublishAsync(bench, issuer, [new AudienceEntry { Kind = AudienceKind.AllCi }]);
        Console.WriteLine($"publish to all CI: {deliveries} delivery records committed with the notification event in {publishMs:F0} ms; dispatcher woken: {signalled}");

        var dispatch = Stopwatch.StartNew();
        int notified;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<NotificationDispatcher>();
            notified = 0;
            while (await dispatcher.DispatchPendingAsync() > 0)
            {
                notified = await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Notifications.CountAsync();
            }
        }
        var dispatchMs = dispatch.Elapsed.TotalMilliseconds;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            // A failed dispatch would otherwise look like a fast one.
            foreach (var error in await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().NotificationEvents.Where(e => e.LastError != null).Select(e => e.LastError).ToListAsync())
            {
                throw new InvalidOperationException("Dispatching failed: " + error);
            }
        }
        Console.WriteLine($"in-app notifications written for {notified} users in {dispatchMs:F0} ms (background, after the publish)");

        var floorMs = await FloorAsync(bench, issuer, deliveries);
        Console.WriteLine($"floor: {deliveries} delivery rows bulk-inserted in one transaction in {floorMs:F0} ms; publish/floor = {publishMs / floorMs:F2}");
        return new()
        {
            ["command"] = "fanout",
            ["orgs"] = organisations,
            ["users_per_org"] = usersPerOrganisation,
            ["deliveries"] = deliveries,
            ["publish_ms"] = Math.Round(publishMs, 1),
            ["floor_ms"] = Math.Round(floorMs, 1),
            ["ratio"] = Math.Round(publishMs / floorMs, 2),
            ["notifications"] = notified,
            ["dispatch_ms"] = Math.Round(dispatchMs, 1),
        };
    }

    private static async Task<(double Ms, int Deliveries, bool Signalled)> PublishAsync(BenchDatabase bench, Caller issuer, IReadOnlyList<AudienceEntry> audience)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var advisories = scope.ServiceProvider.GetRequiredService<AdvisoryService>();
        var draft = await advisories.CreateAsync(issuer, new AdvisoryInput
        {
            Kind = AdvisoryKind.Alert,
            Title = "VPN 機器の脆弱性を悪用する攻撃について（注意喚起）",
            Summary = "VPN 機器の既知の脆弱性を悪用した侵入が複数分野で確認されています。",
            Body = "対象機器を利用している場合は直ちに更新してください。",
            Tlp = Tlp.Green,
            // Every recipient at publish: the fan-out the target is about (a relayed advisory reaches the ministries first).
            Distribution = AdvisoryDistribution.Direct,
            Audience = audience,
        });
        if (!draft.Ok)
        {
            throw new InvalidOperationException(draft.Problem!.Detail);
        }
        var signal = scope.ServiceProvider.GetRequiredService<NotificationSignal>();
        signal.TryTakeEventsRaised();
        var watch = Stopwatch.StartNew();
        var published = await advisories.PublishAsync(issuer, draft.Value!.Id, new PublishInput { Version = draft.Value.Version });
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!published.Ok)
        {
            throw new InvalidOperationException(published.Problem!.Detail);
        }
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var count = await db.AdvisoryDeliveries.CountAsync(d => d.AdvisoryId == draft.Value.Id);
        return (ms, count, signal.TryTakeEventsRaised());
    }

    /// <summary>The same number of delivery rows for another advisory, one multi-row INSERT per 1,000 rows, one transaction.</summary>
    private static async Task<double> FloorAsync(BenchDatabase bench, Caller issuer, int rows)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var advisory = (await scope.ServiceProvider.GetRequiredService<AdvisoryService>().CreateAsync(issuer, new AdvisoryInput
        {
            Kind = AdvisoryKind.Alert,
            Title = "floor",
            Summary = "floor",
            Tlp = Tlp.Green,
            Audience = [new AudienceEntry { Kind = AudienceKind.AllCi }],
        })).Value!.Id;
        var organisations = await db.Organisations.Where(o => o.Id != issuer.OrganisationId).Select(o => o.Id).Take(rows).ToListAsync();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.BeginWriteAsync())
        {
            foreach (var chunk in organisations.Chunk(1000))
            {
                var values = string.Join(",", chunk.Select((_, i) => $"({{0}}, {{{i + 2}}}, {{1}})"));
                object[] parameters = [advisory, now, .. chunk.Cast<object>()];
                // Only placeholders are built into the text; every value is a parameter.
                var sql = "INSERT INTO advisory_deliveries (advisory_id, organisation_id, delivered_at) VALUES " + values;
                await db.Database.ExecuteSqlRawAsync(sql, parameters);
            }
            await transaction.CommitAsync();
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Organisations spread over the 15 sectors, each in its sector's first CEPTOAR where there is one, with users.</summary>
    private static async Task DirectoryAsync(BenchDatabase bench, int organisations, int usersPerOrganisation)
    {
        string[] sectors;
        Dictionary<string, string> ceptoarOf;
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            sectors = await db.Sectors.OrderBy(s => s.Code).Select(s => s.Code).ToArrayAsync();
            ceptoarOf = (await db.Ceptoars.Select(c => new { c.SectorCode, c.Code }).ToListAsync()).GroupBy(c => c.SectorCode).ToDictionary(g => g.Key, g => g.Min(c => c.Code)!);
        }
        // One hash for every bench user: hashing 30,000 passwords would only measure PBKDF2.
        var hash = new PasswordHasher<RenkeiUser>().HashPassword(new RenkeiUser { DisplayName = "bench" }, "correct horse battery staple");
        var role = (await GetRoleIdAsync(bench, EnumText(Role.Viewer)))!.Value;
        for (var start = 0; start < organisations; start += 1000)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var i = start; i < Math.Min(start + 1000, organisations); i++)
            {
                var sector = sectors[i % sectors.Length];
                var org = new Organisation { Id = Guid.CreateVersion7(), NameJa = $"事業者{i}", NameEn = $"Operator {i}", Kind = OrganisationKind.Operator, SectorCode = sector, CreatedAt = now, UpdatedAt = now };
                db.Organisations.Add(org);
                if (ceptoarOf.TryGetValue(sector, out var ceptoar))
                {
                    db.CeptoarMemberships.Add(new CeptoarMembership { CeptoarCode = ceptoar, OrganisationId = org.Id, CreatedAt = now });
                }
                for (var u = 0; u < usersPerOrganisation; u++)
                {
                    var email = $"u{u}.o{i}@bench.renkei.test";
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
        }
    }

    private static string EnumText(Role role) => Renkei.Common.EnumText.ToText(role);

    private static async Task<Guid?> GetRoleIdAsync(BenchDatabase bench, string name)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        var normalized = name.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<RenkeiDbContext>().Roles.Where(r => r.NormalizedName == normalized).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
    }
}
