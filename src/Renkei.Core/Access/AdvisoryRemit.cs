using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Access;

/// <summary>
/// Who issues advisories, and to whom. NISC and the security agencies address anyone; a ministry
/// addresses the sectors it is in charge of (their scopes, CEPTOARs, organisations and people); a
/// CEPTOAR secretariat addresses its CEPTOAR's members and the communities it runs.
/// </summary>
/// <remarks>
/// A CEPTOAR's 展開先 (non-member recipients, seed 001 l.365) are within the remit of those whose
/// remit holds the CEPTOAR: NISC and the security agencies, the ministry in charge of its sector,
/// and its secretariat, which passes NISC's information on to them. The content-chosen groups
/// (seed 001 l.366) are communities: NISC and the agencies address them, a ministry does not.
/// Advisories, contact checks and TAXII collections all ask this one class, so "may this
/// organisation address that audience" has one answer wherever the question is put.
/// </remarks>
public sealed class AdvisoryRemit(RenkeiDbContext db)
{
    public static bool MayIssue(Caller c) =>
        c.HasAny(Role.Admin, Role.Coordinator, Role.Analyst)
        && c.OrganisationKind is OrganisationKind.NationalCentre or OrganisationKind.Ministry or OrganisationKind.CeptoarSecretariat or OrganisationKind.RelatedAgency;

    /// <summary>
    /// Whether the entry is within the caller's remit when the caller's memberships alone decide
    /// it (sectors of a ministry, CEPTOARs and communities of a secretariat); null when the
    /// directory must be asked (a scope's sector, an organisation's or a user's memberships).
    /// </summary>
    public static bool? Reaches(Caller caller, AudienceMember m) => caller.OrganisationKind switch
    {
        OrganisationKind.NationalCentre or OrganisationKind.RelatedAgency => true,
        OrganisationKind.Ministry => m.Kind switch
        {
            AudienceKind.Sector => caller.MinistryOfSectors.Contains(m.Key),
            AudienceKind.BusinessScope or AudienceKind.Ceptoar or AudienceKind.CeptoarRecipients or AudienceKind.Organisation or AudienceKind.User => null,
            _ => false,
        },
        OrganisationKind.CeptoarSecretariat => m.Kind switch
        {
            AudienceKind.Ceptoar or AudienceKind.CeptoarRecipients => caller.SecretariatOfCeptoars.Contains(m.Key),
            AudienceKind.Community => caller.SecretariatOfCommunities.Contains(m.Key),
            AudienceKind.Organisation or AudienceKind.User => null,
            _ => false,
        },
        _ => false,
    };

    /// <summary>Errors under <c>audience[i].key</c> for each entry outside the caller's remit.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(Caller caller, Audience audience, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var members = audience.Members;
        for (var i = 0; i < members.Count; i++)
        {
            if (!(Reaches(caller, members[i]) ?? await DirectoryReachesAsync(caller, members[i], ct)))
            {
                InputValidation.Add(errors, $"audience[{i}].key", "is outside the issuing organisation's remit");
            }
        }
        return errors;
    }

    /// <summary>The entries <see cref="Reaches"/> leaves open: the directory says where they belong.</summary>
    private async Task<bool> DirectoryReachesAsync(Caller caller, AudienceMember m, CancellationToken ct)
    {
        var sectors = caller.MinistryOfSectors;
        var ceptoars = caller.SecretariatOfCeptoars;
        if (caller.OrganisationKind == OrganisationKind.Ministry)
        {
            return m.Kind switch
            {
                AudienceKind.BusinessScope => await db.BusinessScopes.AnyAsync(s => s.Code == m.Key && sectors.Contains(s.SectorCode), ct),
                AudienceKind.Ceptoar or AudienceKind.CeptoarRecipients => await db.Ceptoars.AnyAsync(c => c.Code == m.Key && sectors.Contains(c.SectorCode), ct),
                AudienceKind.Organisation => Guid.TryParse(m.Key, out var org) && await db.Organisations.AnyAsync(o => o.Id == org && o.SectorCode != null && sectors.Contains(o.SectorCode), ct),
                AudienceKind.User => Guid.TryParse(m.Key, out var user) && await db.Users.AnyAsync(u => u.Id == user && db.Organisations.Any(o => o.Id == u.OrganisationId && o.SectorCode != null && sectors.Contains(o.SectorCode)), ct),
                _ => false,
            };
        }
        return m.Kind switch
        {
            AudienceKind.Organisation => Guid.TryParse(m.Key, out var org)
                && (await db.CeptoarMemberships.AnyAsync(x => x.OrganisationId == org && ceptoars.Contains(x.CeptoarCode), ct)
                    || await db.CeptoarRecipients.AnyAsync(x => x.OrganisationId == org && ceptoars.Contains(x.CeptoarCode), ct)),
            AudienceKind.User => Guid.TryParse(m.Key, out var user) && await db.Users.AnyAsync(u => u.Id == user && db.CeptoarMemberships.Any(x => x.OrganisationId == u.OrganisationId && ceptoars.Contains(x.CeptoarCode)), ct),
            _ => false,
        };
    }
}
