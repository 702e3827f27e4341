using Microsoft.EntityFrameworkCore;
using Renkei.Storage;

namespace Renkei.Access;

/// <summary>
/// The organisations an audience reaches, as the sharing policy reads it: all CI, a sector, a
/// business scope, a CEPTOAR's or community's members, a CEPTOAR's 展開先, named organisations, and the
/// organisations of named users. Evaluated once, at publish, into delivery records.
/// </summary>
internal static class AdvisoryRecipients
{
    public static async Task<IQueryable<Guid>> OfAsync(RenkeiDbContext db, Guid audienceId, Guid issuer, CancellationToken ct)
    {
        // An audience has at most a few hundred entries; ids are compared as ids, not as text.
        var entries = await db.AudienceMembers.AsNoTracking().Where(m => m.AudienceId == audienceId).ToListAsync(ct);
        var all = entries.Any(m => m.Kind == AudienceKind.AllCi);
        string[] Keys(AudienceKind kind) => entries.Where(m => m.Kind == kind).Select(m => m.Key).ToArray();
        Guid[] Ids(AudienceKind kind) => entries.Where(m => m.Kind == kind).Select(m => Guid.TryParse(m.Key, out var id) ? id : Guid.Empty).ToArray();
        var sectors = Keys(AudienceKind.Sector);
        var scopes = Keys(AudienceKind.BusinessScope);
        var ceptoars = Keys(AudienceKind.Ceptoar);
        var recipientsOf = Keys(AudienceKind.CeptoarRecipients);
        var communities = Keys(AudienceKind.Community);
        var organisations = Ids(AudienceKind.Organisation);
        var users = Ids(AudienceKind.User);
        return db.Organisations
            .Where(o => o.Id != issuer)
            .Where(o => all
                || (o.SectorCode != null && sectors.Contains(o.SectorCode))
                || (o.BusinessScopeCode != null && scopes.Contains(o.BusinessScopeCode))
                || db.CeptoarMemberships.Any(x => x.OrganisationId == o.Id && ceptoars.Contains(x.CeptoarCode))
                || db.CeptoarRecipients.Any(x => x.OrganisationId == o.Id && recipientsOf.Contains(x.CeptoarCode))
                || db.CommunityMemberships.Any(x => x.OrganisationId == o.Id && communities.Contains(x.CommunityCode))
                || organisations.Contains(o.Id)
                || db.Users.Any(u => u.OrganisationId == o.Id && users.Contains(u.Id)))
            .Select(o => o.Id);
    }

    /// <summary>
    /// The CEPTOARs each of these organisations is a 展開先 of: the relay chain passes an advisory
    /// to them through that CEPTOAR's secretariat, as to its members (a system read for the chain,
    /// never shown to anyone).
    /// </summary>
    public static async Task<ILookup<Guid, string>> RecipientOfAsync(RenkeiDbContext db, IQueryable<Guid> organisations, CancellationToken ct) =>
        (await db.CeptoarRecipients.AsNoTracking()
            .Where(r => organisations.Contains(r.OrganisationId))
            .Select(r => new { r.OrganisationId, r.CeptoarCode }).ToListAsync(ct))
        .ToLookup(r => r.OrganisationId, r => r.CeptoarCode);
}
