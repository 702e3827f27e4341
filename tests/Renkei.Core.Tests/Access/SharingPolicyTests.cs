using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Notices;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Core.Tests.Access;

/// <summary>Every audience kind and TLP level, evaluated by the database on both providers.</summary>
public abstract class SharingPolicyTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private async Task<Guid> NoticeAsync(Guid owner, Guid author, Tlp tlp, params (AudienceKind Kind, string Key)[] audience)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var a = new Audience { Id = Guid.CreateVersion7() };
        a.Members.AddRange(audience.Select(m => new AudienceMember { AudienceId = a.Id, Kind = m.Kind, Key = m.Key }));
        var notice = new Notice { Id = Guid.CreateVersion7(), Title = "t", Body = "b", Tlp = tlp, OwnerOrganisationId = owner, CreatedByUserId = author, AudienceId = a.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Audiences.Add(a);
        db.Notices.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    private async Task<bool> SeesAsync(Caller? caller, Guid id)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<AccessPolicy>().Shareable<Notice>(caller).AnyAsync(n => n.Id == id);
    }

    [Fact]
    public async Task EveryAudienceKind_ReachesExactlyItsMembers()
    {
        var (authorOrg, author, _) = await Data.MemberAsync(OrganisationKind.Operator, "finance", roles: Role.Coordinator);
        var (bankOrg, _, bank) = await Data.MemberAsync(OrganisationKind.Operator, "finance", ["banking"], ["financials-isac"], Role.Viewer);
        var (_, _, insurer) = await Data.MemberAsync(OrganisationKind.Operator, "finance", null, null, Role.Viewer);
        var (_, _, power) = await Data.MemberAsync(OrganisationKind.Operator, "electricity", null, null, Role.Viewer);

        var cases = new (string Name, (AudienceKind, string) Entry, bool Bank, bool Insurer, bool Power)[]
        {
            ("all CI", (AudienceKind.AllCi, SharingPolicy.AllKey), true, true, true),
            ("sector", (AudienceKind.Sector, "finance"), true, true, false),
            ("business scope", (AudienceKind.BusinessScope, "banking"), true, true, false),
            ("CEPTOAR", (AudienceKind.Ceptoar, "banking"), true, false, false),
            ("community", (AudienceKind.Community, "financials-isac"), true, false, false),
            ("organisation", (AudienceKind.Organisation, bankOrg.Id.ToString("D")), true, false, false),
            ("user", (AudienceKind.User, power.UserId.ToString("D")), false, false, true),
        };
        foreach (var (name, entry, toBank, toInsurer, toPower) in cases)
        {
            var id = await NoticeAsync(authorOrg.Id, author.Id, Tlp.Amber, entry);
            (await SeesAsync(bank, id)).ShouldBe(toBank, name);
            (await SeesAsync(insurer, id)).ShouldBe(toInsurer, name);
            (await SeesAsync(power, id)).ShouldBe(toPower, name);
            (await SeesAsync(null, id)).ShouldBeFalse(name);
        }
    }

    [Fact]
    public async Task TlpLevels_ClearIsPublic_RedOnlyForNamedPersonsAndAuthor()
    {
        var (org, author, authorCaller) = await Data.MemberAsync(OrganisationKind.Operator, "gas", roles: Role.Coordinator);
        var colleague = await Data.CallerAsync((await Data.UserAsync(org.Id, Role.Admin)).Id);
        var (_, _, named) = await Data.MemberAsync(OrganisationKind.Operator, "gas", null, null, Role.Viewer);

        var clear = await NoticeAsync(org.Id, author.Id, Tlp.Clear);
        (await SeesAsync(null, clear)).ShouldBeTrue("TLP:CLEAR is public");

        var green = await NoticeAsync(org.Id, author.Id, Tlp.Green, (AudienceKind.Sector, "water"));
        (await SeesAsync(colleague, green)).ShouldBeTrue("the owner organisation sees its own records below RED");
        (await SeesAsync(named, green)).ShouldBeFalse();

        var red = await NoticeAsync(org.Id, author.Id, Tlp.Red, (AudienceKind.User, named.UserId.ToString("D")), (AudienceKind.Sector, "gas"));
        (await SeesAsync(authorCaller, red)).ShouldBeTrue();
        (await SeesAsync(named, red)).ShouldBeTrue();
        (await SeesAsync(colleague, red)).ShouldBeFalse("RED does not reach the author's colleagues");
        var (_, _, gasPeer) = await Data.MemberAsync(OrganisationKind.Operator, "gas", null, null, Role.Viewer);
        (await SeesAsync(gasPeer, red)).ShouldBeFalse("RED ignores sector entries");
    }
}

public sealed class SharingPolicyTests_Sqlite() : SharingPolicyTests(DatabaseProvider.Sqlite);

public sealed class SharingPolicyTests_Postgres() : SharingPolicyTests(DatabaseProvider.Postgres);
