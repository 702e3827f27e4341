using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Audit;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Audit;

public abstract class AuditChainTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task SaveChanges_AnyWrite_AppendsLinkedEventWithActor()
    {
        var before = await CountAsync();
        await InScopeAsync(async sp =>
        {
            sp.GetRequiredService<AuditScope>().Actor = new AuditActor(Guid.Empty, "tester@example.jp", null, "127.0.0.1");
            var db = sp.GetRequiredService<RenkeiDbContext>();
            var org = await db.Organisations.FirstAsync(o => o.Code == "ipa");
            org.Website = "https://example.jp/";
            await db.SaveChangesAsync();
        });

        var last = await InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().AuditEvents.OrderByDescending(e => e.Seq).FirstAsync());
        (await CountAsync()).ShouldBe(before + 1);
        last.Action.ShouldBe("update");
        last.ResourceType.ShouldBe("organisations");
        last.Actor.ShouldBe("tester@example.jp");
        last.RemoteAddress.ShouldBe("127.0.0.1");
        last.Details!.ShouldContain("website");
        last.Hash.ShouldBe(AuditHash.Compute(last));
    }

    [Fact]
    public async Task VerifyAsync_UntouchedTrail_IsIntact()
    {
        await Data.OrganisationAsync();
        var result = await InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        result.Intact.ShouldBeTrue(result.FirstBreak?.Reason);
        result.Checked.ShouldBe(await CountAsync());
    }

    [Fact]
    public async Task Database_RefusesUpdateAndDeleteOfAuditEvents()
    {
        await Should.ThrowAsync<Exception>(() => InScopeAsync(sp =>
            sp.GetRequiredService<RenkeiDbContext>().Database.ExecuteSqlRawAsync("UPDATE audit_events SET actor = 'x' WHERE seq = 1")));
        await Should.ThrowAsync<Exception>(() => InScopeAsync(sp =>
            sp.GetRequiredService<RenkeiDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM audit_events WHERE seq = 1")));
    }

    [Fact]
    public async Task VerifyAsync_AlteredRow_ReportsThatRowAsFirstBreak()
    {
        await Data.OrganisationAsync();
        await Data.OrganisationAsync();
        var target = (await CountAsync()) - 1;
        await TamperAsync($"UPDATE audit_events SET actor = 'someone-else' WHERE seq = {target}");

        var result = await InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

        result.Intact.ShouldBeFalse();
        result.FirstBreak!.Seq.ShouldBe(target);
        result.FirstBreak.Reason.ShouldContain("altered");
    }

    [Fact]
    public async Task VerifyAsync_DeletedRow_ReportsTheGap()
    {
        await Data.OrganisationAsync();
        await TamperAsync("DELETE FROM audit_events WHERE seq = 3");
        var result = await InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        result.FirstBreak!.Seq.ShouldBe(3);
        result.FirstBreak.Reason.ShouldContain("missing");
    }

    [Fact]
    public async Task SaveChanges_ConcurrentWriters_KeepOneGaplessChain()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Data.OrganisationAsync()));
        var result = await InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        result.Intact.ShouldBeTrue(result.FirstBreak?.Reason);
    }

    private Task<int> CountAsync() => InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().AuditEvents.CountAsync());

    /// <summary>What an attacker with database access would do: lift the append-only guard, then edit.</summary>
    private Task TamperAsync(string sql) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<RenkeiDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER USER");
        }
        await db.Database.ExecuteSqlRawAsync(sql);
    });
}

public sealed class AuditChainTests_Sqlite() : AuditChainTests(DatabaseProvider.Sqlite);

public sealed class AuditChainTests_Postgres() : AuditChainTests(DatabaseProvider.Postgres);
