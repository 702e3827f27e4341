using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Directory;

public enum MembershipKind
{
    Ceptoar,
    Community,
}

/// <summary>A CEPTOAR or community membership of one organisation, as the API shows it.</summary>
public sealed record MembershipView(MembershipKind Kind, string Code, string NameJa, string NameEn, MembershipRole Role, string? Unit);

/// <summary>Adds and removes organisations from CEPTOARs and communities.</summary>
public sealed class MembershipService(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    /// <summary>The memberships of an organisation that the caller may see.</summary>
    public async Task<Result<List<MembershipView>>> ListAsync(Caller caller, Guid organisationId, CancellationToken ct = default)
    {
        if (!await access.Organisations(caller).AnyAsync(o => o.Id == organisationId, ct))
        {
            return Problem.NotFound("The organisation");
        }
        var ceptoars = await access.CeptoarMemberships(caller)
            .Where(m => m.OrganisationId == organisationId)
            .OrderBy(m => m.Ceptoar!.SortOrder)
            .Select(m => new MembershipView(MembershipKind.Ceptoar, m.CeptoarCode, m.Ceptoar!.NameJa, m.Ceptoar.NameEn, m.Role, m.Unit))
            .ToListAsync(ct);
        var communities = await access.CommunityMemberships(caller)
            .Where(m => m.OrganisationId == organisationId)
            .OrderBy(m => m.Community!.SortOrder)
            .Select(m => new MembershipView(MembershipKind.Community, m.CommunityCode, m.Community!.NameJa, m.Community.NameEn, m.Role, null))
            .ToListAsync(ct);
        return ceptoars.Concat(communities).ToList();
    }

    public async Task<Result<MembershipView>> AddAsync(Caller caller, Guid organisationId, MembershipKind kind, string code, MembershipRole role, CancellationToken ct = default)
    {
        var organisation = await access.Organisations(caller).FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return Problem.NotFound("The organisation");
        }
        var now = Clock.UtcNow(time);
        if (kind == MembershipKind.Ceptoar)
        {
            var ceptoar = await access.Ceptoars(caller).FirstOrDefaultAsync(c => c.Code == code, ct);
            if (ceptoar is null)
            {
                return Problem.Invalid("code", Text.T("'{0}' is not a CEPTOAR code", code));
            }
            if (!Permissions.ChangeMembership(caller, kind, code, role))
            {
                return Problem.Forbidden("Only the CEPTOAR's secretariat and platform administrators keep its members; only platform administrators appoint secretariats.");
            }
            if (await db.CeptoarMemberships.AnyAsync(m => m.CeptoarCode == code && m.OrganisationId == organisationId, ct))
            {
                return Problem.Conflict(Text.T("The organisation is already a member of {0}.", Text.InJapanese ? ceptoar.NameJa : ceptoar.NameEn));
            }
            db.CeptoarMemberships.Add(new CeptoarMembership { CeptoarCode = code, OrganisationId = organisationId, Role = role, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            return new MembershipView(kind, code, ceptoar.NameJa, ceptoar.NameEn, role, null);
        }
        var community = await access.Communities(caller).FirstOrDefaultAsync(c => c.Code == code, ct);
        if (community is null)
        {
            return Problem.Invalid("code", Text.T("'{0}' is not a community code", code));
        }
        if (!Permissions.ChangeMembership(caller, kind, code, role))
        {
            return Problem.Forbidden("Only the community's secretariat and platform administrators keep its members; only platform administrators appoint secretariats.");
        }
        if (await db.CommunityMemberships.AnyAsync(m => m.CommunityCode == code && m.OrganisationId == organisationId, ct))
        {
            return Problem.Conflict(Text.T("The organisation is already a member of {0}.", Text.InJapanese ? community.NameJa : community.NameEn));
        }
        db.CommunityMemberships.Add(new CommunityMembership { CommunityCode = code, OrganisationId = organisationId, Role = role, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return new MembershipView(kind, code, community.NameJa, community.NameEn, role, null);
    }

    public async Task<Result<bool>> RemoveAsync(Caller caller, Guid organisationId, MembershipKind kind, string code, CancellationToken ct = default)
    {
        if (kind == MembershipKind.Ceptoar)
        {
            var membership = await access.CeptoarMemberships(caller).FirstOrDefaultAsync(m => m.CeptoarCode == code && m.OrganisationId == organisationId, ct);
            if (membership is null)
            {
                return Problem.NotFound("The membership");
            }
            if (!Permissions.ChangeMembership(caller, kind, code, membership.Role))
            {
                return Problem.Forbidden("Only the CEPTOAR's secretariat and platform administrators keep its members; only platform administrators remove a secretariat.");
            }
            db.CeptoarMemberships.Remove(membership);
        }
        else
        {
            var membership = await access.CommunityMemberships(caller).FirstOrDefaultAsync(m => m.CommunityCode == code && m.OrganisationId == organisationId, ct);
            if (membership is null)
            {
                return Problem.NotFound("The membership");
            }
            if (!Permissions.ChangeMembership(caller, kind, code, membership.Role))
            {
                return Problem.Forbidden("Only the community's secretariat and platform administrators keep its members; only platform administrators remove a secretariat.");
            }
            db.CommunityMemberships.Remove(membership);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
