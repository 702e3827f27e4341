using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Access;

/// <summary>Builds a <see cref="Caller"/> from the database: current organisation, roles and memberships.</summary>
public sealed class CallerLoader(RenkeiDbContext db)
{
    /// <summary>Null when the user does not exist or is deactivated: such a caller is anonymous.</summary>
    public async Task<Caller?> LoadAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.Email, u.OrganisationId, u.Organisation!.Kind, u.Organisation.SectorCode, u.Organisation.BusinessScopeCode, u.MustChangePassword, u.TwoFactorEnabled, u.PreferredLanguage })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var roleNames = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        var ceptoars = await db.CeptoarMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == user.OrganisationId)
            .Select(m => new { m.CeptoarCode, m.Role })
            .ToListAsync(ct);
        var recipientOf = await db.CeptoarRecipients.AsNoTracking()
            .Where(r => r.OrganisationId == user.OrganisationId)
            .Select(r => r.CeptoarCode)
            .ToListAsync(ct);
        var communities = await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == user.OrganisationId)
            .Select(m => new { m.CommunityCode, m.Role })
            .ToListAsync(ct);
        var ministryOf = user.Kind == OrganisationKind.Ministry
            ? await db.Sectors.AsNoTracking().Where(s => s.MinistryId == user.OrganisationId).Select(s => s.Code).ToListAsync(ct)
            : [];

        return new Caller
        {
            UserId = user.Id,
            Email = user.Email ?? "",
            OrganisationId = user.OrganisationId,
            OrganisationKind = user.Kind,
            SectorCode = user.SectorCode,
            BusinessScopeCode = user.BusinessScopeCode,
            Roles = roleNames.Select(n => EnumText.TryParse<Role>(n, out var r) ? (Role?)r : null).OfType<Role>().ToHashSet(),
            CeptoarCodes = ceptoars.Select(m => m.CeptoarCode).ToArray(),
            SecretariatOfCeptoars = ceptoars.Where(m => m.Role == MembershipRole.Secretariat).Select(m => m.CeptoarCode).ToArray(),
            RecipientOfCeptoars = recipientOf,
            CommunityCodes = communities.Select(m => m.CommunityCode).ToArray(),
            SecretariatOfCommunities = communities.Where(m => m.Role == MembershipRole.Secretariat).Select(m => m.CommunityCode).ToArray(),
            MinistryOfSectors = ministryOf,
            MustChangePassword = user.MustChangePassword,
            TwoFactorEnabled = user.TwoFactorEnabled,
            PreferredLanguage = user.PreferredLanguage,
        };
    }
}
