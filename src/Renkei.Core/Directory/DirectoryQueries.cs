using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;

namespace Renkei.Directory;

/// <summary>Reads of the community directory, all through <see cref="AccessPolicy"/>.</summary>
public sealed class DirectoryQueries(AccessPolicy access, MembershipService memberships, AuditTrail audit)
{
    public async Task<List<SectorView>> SectorsAsync(Caller? caller, CancellationToken ct = default)
    {
        var sectors = await access.Sectors(caller).AsNoTracking()
            .OrderBy(s => s.SortOrder)
            .Select(s => new
            {
                s.Code,
                s.NameJa,
                s.NameEn,
                s.Version,
                Ministry = s.Ministry == null ? null : new OrganisationRef(s.Ministry.Id, s.Ministry.Code, s.Ministry.NameJa, s.Ministry.NameEn),
                Scopes = s.BusinessScopes.OrderBy(b => b.SortOrder).Select(b => new NamedRef(b.Code, b.NameJa, b.NameEn)).ToList(),
                Ceptoars = s.Ceptoars.OrderBy(c => c.SortOrder).Select(c => new NamedRef(c.Code, c.NameJa, c.NameEn)).ToList(),
            })
            .ToListAsync(ct);
        return sectors.Select(s => new SectorView(s.Code, s.NameJa, s.NameEn, s.Version, s.Ministry, s.Scopes, s.Ceptoars)).ToList();
    }

    public Task<List<BusinessScopeView>> BusinessScopesAsync(Caller? caller, string sectorCode, CancellationToken ct = default) =>
        access.BusinessScopes(caller).AsNoTracking()
            .Where(b => b.SectorCode == sectorCode)
            .OrderBy(b => b.SortOrder)
            .Select(b => new BusinessScopeView(b.Code, b.SectorCode, b.NameJa, b.NameEn, b.Version))
            .ToListAsync(ct);

    public async Task<SectorView?> SectorAsync(Caller? caller, string code, CancellationToken ct = default) =>
        (await SectorsAsync(caller, ct)).FirstOrDefault(s => s.Code == code);

    public async Task<List<CeptoarView>> CeptoarsAsync(Caller? caller, string? sectorCode = null, CancellationToken ct = default)
    {
        var query = access.Ceptoars(caller).AsNoTracking();
        var recipients = access.CeptoarRecipients(caller);
        if (sectorCode is not null)
        {
            query = query.Where(c => c.SectorCode == sectorCode);
        }
        var rows = await query
            .OrderBy(c => c.Sector!.SortOrder).ThenBy(c => c.SortOrder)
            .Select(c => new
            {
                c.Code,
                c.NameJa,
                c.NameEn,
                c.Version,
                Sector = new NamedRef(c.Sector!.Code, c.Sector.NameJa, c.Sector.NameEn),
                Scope = c.BusinessScope == null ? null : new NamedRef(c.BusinessScope.Code, c.BusinessScope.NameJa, c.BusinessScope.NameEn),
                Secretariats = c.Memberships.Where(m => m.Role == MembershipRole.Secretariat)
                    .Select(m => new SecretariatView(new OrganisationRef(m.Organisation!.Id, m.Organisation.Code, m.Organisation.NameJa, m.Organisation.NameEn), m.Unit)).ToList(),
                Figures = c.MemberFigures.OrderBy(f => f.Ordinal).Select(f => new MemberFigureView(f.Count, f.Unit)).ToList(),
                c.ExtraRecipients,
                c.ExtraRecipientsNoteJa,
                c.ExtraRecipientsNoteEn,
                c.FiguresAsOf,
                Registered = c.Memberships.Count(m => m.Role == MembershipRole.Member),
                RegisteredRecipients = recipients.Count(r => r.CeptoarCode == c.Code),
            })
            .ToListAsync(ct);
        return rows.Select(c => new CeptoarView(c.Code, c.NameJa, c.NameEn, c.Version, c.Sector, c.Scope, c.Secretariats, c.Figures,
            c.ExtraRecipients, c.ExtraRecipientsNoteJa, c.ExtraRecipientsNoteEn, c.FiguresAsOf, c.Registered,
            AccessPolicy.SeesCeptoarRecipients(caller, c.Code, c.Sector.Code) ? c.RegisteredRecipients : null)).ToList();
    }

    public async Task<CeptoarView?> CeptoarAsync(Caller? caller, string code, CancellationToken ct = default)
    {
        var sector = await access.Ceptoars(caller).Where(c => c.Code == code).Select(c => c.SectorCode).FirstOrDefaultAsync(ct);
        return sector is null ? null : (await CeptoarsAsync(caller, sector, ct)).FirstOrDefault(c => c.Code == code);
    }

    public async Task<List<CommunityView>> CommunitiesAsync(Caller? caller, CancellationToken ct = default)
    {
        var visibleMembers = access.CommunityMemberships(caller);
        var rows = await access.Communities(caller).AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new
            {
                c.Code,
                c.Kind,
                c.NameJa,
                c.NameEn,
                c.DescriptionJa,
                c.DescriptionEn,
                c.Version,
                Secretariats = c.Memberships.Where(m => m.Role == MembershipRole.Secretariat)
                    .Select(m => new OrganisationRef(m.Organisation!.Id, m.Organisation.Code, m.Organisation.NameJa, m.Organisation.NameEn)).ToList(),
                Registered = visibleMembers.Count(m => m.CommunityCode == c.Code && m.Role == MembershipRole.Member),
            })
            .ToListAsync(ct);
        return rows.Select(c => new CommunityView(c.Code, c.Kind, c.NameJa, c.NameEn, c.DescriptionJa, c.DescriptionEn, c.Version, c.Secretariats, c.Registered)).ToList();
    }

    public async Task<CommunityView?> CommunityAsync(Caller? caller, string code, CancellationToken ct = default) =>
        (await CommunitiesAsync(caller, ct)).FirstOrDefault(c => c.Code == code);

    /// <summary>Organisations the caller may see, by their directory codes (e.g. the agencies a report can be referred to).</summary>
    public async Task<Dictionary<string, OrganisationRef>> OrganisationsByCodeAsync(Caller? caller, IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.ToArray();
        return (await access.Organisations(caller).AsNoTracking().Where(o => o.Code != null && wanted.Contains(o.Code))
                .Select(o => new OrganisationRef(o.Id, o.Code, o.NameJa, o.NameEn)).ToListAsync(ct))
            .ToDictionary(o => o.Code!, StringComparer.Ordinal);
    }

    public async Task<Page<OrganisationSummary>> OrganisationsAsync(Caller? caller, OrganisationFilter filter, int offset, int limit, CancellationToken ct = default)
    {
        var query = access.Organisations(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + filter.Text.Trim().ToLowerInvariant() + "%";
#pragma warning disable CA1304, CA1311 // ToLower() here is SQL lower(); it never runs in .NET.
            query = query.Where(o => EF.Functions.Like(o.NameJa.ToLower(), pattern) || EF.Functions.Like(o.NameEn.ToLower(), pattern) || (o.Code != null && EF.Functions.Like(o.Code, pattern)));
#pragma warning restore CA1304, CA1311
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (filter.SectorCode is { Length: > 0 } sector)
        {
            query = query.Where(o => o.SectorCode == sector);
        }
        if (filter.BusinessScopeCode is { Length: > 0 } scope)
        {
            query = query.Where(o => o.BusinessScopeCode == scope);
        }
        if (filter.CeptoarCode is { Length: > 0 } ceptoar)
        {
            var members = access.CeptoarMemberships(caller).Where(m => m.CeptoarCode == ceptoar).Select(m => m.OrganisationId);
            query = query.Where(o => members.Contains(o.Id));
        }
        if (filter.CommunityCode is { Length: > 0 } community)
        {
            var members = access.CommunityMemberships(caller).Where(m => m.CommunityCode == community).Select(m => m.OrganisationId);
            query = query.Where(o => members.Contains(o.Id));
        }
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(o => o.Kind == OrganisationKind.NationalCentre ? 0 : o.Kind == OrganisationKind.Ministry ? 1 : o.Kind == OrganisationKind.CeptoarSecretariat ? 2 : 3)
            .ThenBy(o => o.NameJa)
            .Skip(offset).Take(limit)
            .Select(Summary)
            .ToListAsync(ct);
        return new Page<OrganisationSummary>(items, total, offset, limit);
    }

    public async Task<OrganisationDetail?> OrganisationAsync(Caller? caller, Guid id, CancellationToken ct = default)
    {
        var org = await access.Organisations(caller).AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { Summary = new OrganisationSummary(o.Id, o.Code, o.NameJa, o.NameEn, o.Kind, o.SectorCode, o.Sector!.NameJa, o.Sector.NameEn, o.BusinessScopeCode, o.BusinessScope!.NameJa, o.BusinessScope.NameEn, o.Version), o.Website, o.CreatedAt, o.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        if (org is null || caller is null)
        {
            return null;
        }
        var membershipList = (await memberships.ListAsync(caller, id, ct)).Value ?? [];
        var contacts = await ContactsAsync(caller, id, ct);
        int? userCount = await access.UserHolders(caller).AnyAsync(o => o.Id == id, ct)
            ? await access.Users(caller).Where(u => u.OrganisationId == id).CountAsync(ct)
            : null;
        return new OrganisationDetail(org.Summary, org.Website, org.CreatedAt, org.UpdatedAt, membershipList, contacts, userCount);
    }

    /// <summary>
    /// The organisation's points of contact, or null when the caller may not see them. A read
    /// of contact details is restricted content and is written to the audit trail.
    /// </summary>
    public async Task<List<ContactView>?> ContactsAsync(Caller caller, Guid organisationId, CancellationToken ct = default)
    {
        if (!await access.ContactHolders(caller).AnyAsync(o => o.Id == organisationId, ct))
        {
            return null;
        }
        var contacts = await access.Contacts(caller).AsNoTracking()
            .Where(c => c.OrganisationId == organisationId)
            .OrderBy(c => c.Priority == ContactPriority.Primary ? 0 : 1).ThenBy(c => c.Name)
            .Select(c => new ContactView(c.Id, c.Priority, c.Name, c.Email, c.Phone, c.Hours, c.Version))
            .ToListAsync(ct);
        if (contacts.Count > 0)
        {
            await audit.ReadAsync("points_of_contact", organisationId.ToString("D"), ct);
        }
        return contacts;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Organisation, OrganisationSummary>> Summary = o =>
        new OrganisationSummary(o.Id, o.Code, o.NameJa, o.NameEn, o.Kind, o.SectorCode, o.Sector!.NameJa, o.Sector.NameEn, o.BusinessScopeCode, o.BusinessScope!.NameJa, o.BusinessScope.NameEn, o.Version);
}
