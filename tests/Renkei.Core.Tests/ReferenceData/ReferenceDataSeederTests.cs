using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Directory;
using Renkei.ReferenceData;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.ReferenceData;

public abstract class ReferenceDataSeederTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override DatabaseState InitialState => DatabaseState.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InScopeAsync(sp => sp.GetRequiredService<SchemaMigrator>().MigrateAsync());
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_LoadsAllFifteenSectorsWithMinistriesAndScopes()
    {
        await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            var sectors = await db.Sectors.Include(s => s.Ministry).OrderBy(s => s.SortOrder).ToListAsync();
            sectors.Select(s => s.Code).ShouldBe(["telecom", "finance", "aviation", "airports", "railways", "electricity", "gas", "government", "medical", "water", "logistics", "chemicals", "credit", "petroleum", "ports"]);
            sectors.Single(s => s.Code == "water").Ministry!.NameJa.ShouldBe("厚生労働省");
            sectors.Single(s => s.Code == "government").Ministry!.Code.ShouldBe("mic");
            sectors.Where(s => s.Ministry!.Code == "meti").Select(s => s.Code).ShouldBe(["electricity", "gas", "chemicals", "credit", "petroleum"]);
            var finance = await db.BusinessScopes.Where(b => b.SectorCode == "finance").OrderBy(b => b.SortOrder).Select(b => b.NameJa).ToListAsync();
            finance.ShouldBe(["銀行等", "証券", "生命保険", "損害保険", "資金決済"]);
        });
    }

    [Fact]
    public async Task SeedAsync_Telecom_HasOnlyTheSeedsScopes_CableTvCeptoarUnderTelecommunications()
    {
        await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            // seed 001 l.360 / seed 000 l.2449: 電気通信 and 放送; no ケーブルテレビ scope.
            var telecom = await db.BusinessScopes.Where(b => b.SectorCode == "telecom").OrderBy(b => b.SortOrder).Select(b => b.Code).ToListAsync();
            telecom.ShouldBe(["telecommunications", "broadcasting"]);
            (await db.Ceptoars.SingleAsync(c => c.Code == "cable-tv")).BusinessScopeCode.ShouldBe("telecommunications");
            (await db.Organisations.SingleAsync(o => o.Code == "jcta")).BusinessScopeCode.ShouldBe("telecommunications");
            (await db.VerificationRules.SingleAsync(r => r.Code == "telecom-service")).Scopes.ShouldBe("telecommunications");
        });
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_LoadsTheCeptoarMapWithSecretariatsAndFigures()
    {
        await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            (await db.Ceptoars.CountAsync()).ShouldBe(20);
            var broadcasting = await db.Ceptoars.Include(c => c.Memberships).ThenInclude(m => m.Organisation).Include(c => c.MemberFigures).SingleAsync(c => c.Code == "broadcasting");
            broadcasting.Memberships.Where(m => m.Role == MembershipRole.Secretariat).Select(m => m.Organisation!.Code).Order().ShouldBe(["jcba", "nhk"]);
            broadcasting.MemberFigures.OrderBy(f => f.Ordinal).Select(f => (f.Count, f.Unit)).ShouldBe([(194, MemberUnit.Companies), (2, MemberUnit.Bodies)]);
            var localGov = await db.Ceptoars.Include(c => c.MemberFigures).SingleAsync(c => c.Code == "local-government");
            localGov.MemberFigures.Sum(f => f.Count).ShouldBe(47 + 1741);
            (await db.Ceptoars.SumAsync(c => c.ExtraRecipients ?? 0)).ShouldBe(408 + 336 + 13 + 2 + 9 + 21 + 196 + 398 + 1314);
            (await db.Ceptoars.AnyAsync(c => c.SectorCode == "ports")).ShouldBeFalse("ports joined after the 2023 map");
            var council = await db.CommunityMemberships.CountAsync(m => m.CommunityCode == "ceptoar-council");
            council.ShouldBe(0, "the seeds name no member bodies of the CEPTOAR Council (000 l.2326, 001 l.350)");
            var financeCouncil = await db.CommunityMemberships.Where(m => m.CommunityCode == "finance-ceptoar-council").Select(m => m.Organisation!.Code).OrderBy(c => c).ToListAsync();
            financeCouncil.ShouldBeEmpty("the 金融CEPTOAR連絡協議会 has no secretariat or members in the seeds (001 l.361)");
            foreach (var code in new[] { "nisc", "npa", "mod", "cao", "digital-agency", "nict", "ipa", "jpcert" })
            {
                (await db.Organisations.AnyAsync(o => o.Code == code)).ShouldBeTrue(code);
            }
            foreach (var code in new[] { "ict-isac", "financials-isac", "je-isac", "transportation-isac", "j-csip", "cyber-terrorism-councils" })
            {
                (await db.Communities.AnyAsync(c => c.Code == code)).ShouldBeTrue(code);
            }
        });
    }

    [Fact]
    public async Task SeedAsync_Twice_ChangesNothingTheSecondTime()
    {
        var first = await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        first.Created.ShouldBeGreaterThan(90);
        var revisions = await InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().ReferenceRevisions.CountAsync());
        var audit = await InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().AuditEvents.CountAsync());

        var second = await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        second.ShouldBe(new SeedResult(0, 0, 0));
        (await InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().ReferenceRevisions.CountAsync())).ShouldBe(revisions);
        (await InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().AuditEvents.CountAsync())).ShouldBe(audit, "an idempotent run writes nothing, so audits nothing");
    }

    [Fact]
    public async Task SeedAsync_AfterDataFileChange_UpdatesUneditedRecordAsNewSeedRevision()
    {
        await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        // Simulate an older data file: the stored seed revision and row say something else.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            var sector = await db.Sectors.SingleAsync(s => s.Code == "gas");
            sector.NameEn = "Old gas";
            var revision = await db.ReferenceRevisions.SingleAsync(r => r.EntityType == "sector" && r.EntityKey == "gas");
            db.ReferenceRevisions.Remove(revision);
            await db.SaveChangesAsync();
            db.ReferenceRevisions.Add(new ReferenceRevision { EntityType = "sector", EntityKey = "gas", Version = 1, Data = ReferenceSnapshot.Of(sector), Source = "seed", ChangedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var result = await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        result.Updated.ShouldBe(1);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            var gas = await db.Sectors.SingleAsync(s => s.Code == "gas");
            gas.NameEn.ShouldBe("Gas");
            gas.Version.ShouldBe(2);
            (await db.ReferenceRevisions.Where(r => r.EntityKey == "gas" && r.EntityType == "sector").Select(r => r.Version).OrderBy(v => v).ToListAsync()).ShouldBe([1, 2]);
        });
    }

    [Fact]
    public async Task SeedAsync_AfterAdminEdit_KeepsTheAdminVersion()
    {
        await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RenkeiDbContext>();
            var sector = await db.Sectors.SingleAsync(s => s.Code == "water");
            sector.NameEn = "Water (edited)";
            sector.Version = 2;
            db.ReferenceRevisions.Add(new ReferenceRevision { EntityType = "sector", EntityKey = "water", Version = 2, Data = ReferenceSnapshot.Of(sector), Source = "admin", ChangedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var result = await InScopeAsync(sp => sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync());

        result.KeptAdminEdits.ShouldBe(1);
        (await InScopeAsync(sp => sp.GetRequiredService<RenkeiDbContext>().Sectors.SingleAsync(s => s.Code == "water"))).NameEn.ShouldBe("Water (edited)");
    }
}

public sealed class ReferenceDataSeederTests_Sqlite() : ReferenceDataSeederTests(DatabaseProvider.Sqlite);

public sealed class ReferenceDataSeederTests_Postgres() : ReferenceDataSeederTests(DatabaseProvider.Postgres);
