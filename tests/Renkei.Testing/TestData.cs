using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Testing;

/// <summary>Creates organisations and users with roles directly, for arranging tests.</summary>
public sealed class TestData(IServiceProvider services)
{
    public const string Password = "correct horse battery staple";

    public async Task<Organisation> OrganisationAsync(
        OrganisationKind kind = OrganisationKind.Operator,
        string? sector = "electricity",
        string? scope = null,
        string? name = null,
        IReadOnlyList<string>? ceptoars = null,
        IReadOnlyList<string>? communities = null,
        MembershipRole role = MembershipRole.Member)
    {
        await using var s = services.CreateAsyncScope();
        var db = s.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var now = DateTime.UtcNow;
        var label = name ?? $"Test org {Guid.NewGuid():N}"[..20];
        var org = new Organisation
        {
            Id = Guid.CreateVersion7(),
            NameJa = label,
            NameEn = label,
            Kind = kind,
            SectorCode = sector,
            BusinessScopeCode = scope ?? (sector is null ? null : await db.BusinessScopes.Where(b => b.SectorCode == sector).OrderBy(b => b.SortOrder).Select(b => b.Code).FirstAsync()),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organisations.Add(org);
        foreach (var c in ceptoars ?? [])
        {
            db.CeptoarMemberships.Add(new CeptoarMembership { CeptoarCode = c, OrganisationId = org.Id, Role = role, CreatedAt = now });
        }
        foreach (var c in communities ?? [])
        {
            db.CommunityMemberships.Add(new CommunityMembership { CommunityCode = c, OrganisationId = org.Id, Role = role, CreatedAt = now });
        }
        await db.SaveChangesAsync();
        return org;
    }

    public async Task<Organisation> ReferenceOrganisationAsync(string code)
    {
        await using var s = services.CreateAsyncScope();
        return await s.ServiceProvider.GetRequiredService<RenkeiDbContext>().Organisations.AsNoTracking().FirstAsync(o => o.Code == code);
    }

    public async Task<RenkeiUser> UserAsync(Guid organisationId, params Role[] roles)
    {
        await using var s = services.CreateAsyncScope();
        var users = s.ServiceProvider.GetRequiredService<UserManager<RenkeiUser>>();
        var email = $"u{Guid.NewGuid():N}"[..12] + "@example.jp";
        var user = new RenkeiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test " + email,
            OrganisationId = organisationId,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, EnumText.ToText(role));
        }
        return user;
    }

    public async Task<Caller> CallerAsync(Guid userId)
    {
        await using var s = services.CreateAsyncScope();
        return await s.ServiceProvider.GetRequiredService<CallerLoader>().LoadAsync(userId)
            ?? throw new InvalidOperationException("No such active user.");
    }

    /// <summary>An organisation with one user holding the roles, and that user as a caller.</summary>
    public async Task<(Organisation Organisation, RenkeiUser User, Caller Caller)> MemberAsync(
        OrganisationKind kind = OrganisationKind.Operator, string? sector = "electricity", IReadOnlyList<string>? ceptoars = null,
        IReadOnlyList<string>? communities = null, params Role[] roles)
    {
        var org = await OrganisationAsync(kind, sector, null, null, ceptoars, communities);
        var user = await UserAsync(org.Id, roles.Length == 0 ? [Role.Viewer] : roles);
        return (org, user, await CallerAsync(user.Id));
    }

    /// <summary>A user of an existing organisation (e.g. the national centre "nisc"), as a caller.</summary>
    public async Task<(RenkeiUser User, Caller Caller)> UserOfAsync(string organisationCode, params Role[] roles)
    {
        var org = await ReferenceOrganisationAsync(organisationCode);
        var user = await UserAsync(org.Id, roles);
        return (user, await CallerAsync(user.Id));
    }
}
