using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>The hops of a route, and who holds the reporter's identity on anonymised routes.</summary>
public sealed record RoutePlan(IReadOnlyList<(Guid Organisation, HopRole Role)> Hops, bool Anonymous, Guid? AnonymityHolder, string? ViaCeptoar, Guid? ViaAgency, int ReceivedAtSubmission);

/// <summary>
/// Plans the route (連絡形態) of a report from the directory:
/// ministry route: ministry in charge → NISC;
/// CEPTOAR route: the CEPTOAR's secretariat (holds the identity) → ministry → NISC;
/// security-agency route: JPCERT/CC or IPA (holds the identity) → ministry → NISC;
/// emergency: NISC and the ministry at once.
/// </summary>
public sealed class RoutePlanner(RenkeiDbContext db)
{
    public static readonly string[] SecurityAgencies = ["jpcert", "ipa"];
    public const string NationalCentreCode = "nisc";

    public async Task<Result<RoutePlan>> PlanAsync(Guid reportingOrganisation, ReportRoute route, string sectorCode, string? viaCeptoar, string? viaAgency, CancellationToken ct)
    {
        var centre = await db.Organisations.Where(o => o.Code == NationalCentreCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        var ministry = await db.Sectors.Where(s => s.Code == sectorCode).Select(s => s.MinistryId).FirstOrDefaultAsync(ct);
        if (centre is null)
        {
            return Problem.Conflict("The national centre (organisation code 'nisc') is missing from the directory.");
        }
        if (ministry is null)
        {
            return Problem.Invalid("content.sectorCode", "has no ministry in charge in the directory");
        }

        switch (route)
        {
            case ReportRoute.Ministry:
                return new RoutePlan([(ministry.Value, HopRole.Ministry), (centre.Value, HopRole.NationalCentre)], false, null, null, null, 1);

            case ReportRoute.Emergency:
                return new RoutePlan([(centre.Value, HopRole.NationalCentre), (ministry.Value, HopRole.Ministry)], false, null, null, null, 2);

            case ReportRoute.Ceptoar:
                if (string.IsNullOrWhiteSpace(viaCeptoar))
                {
                    return Problem.Invalid("viaCeptoar", "is required for the CEPTOAR route");
                }
                var member = await db.CeptoarMemberships.AnyAsync(m => m.CeptoarCode == viaCeptoar && m.OrganisationId == reportingOrganisation, ct);
                if (!member)
                {
                    return Problem.Invalid("viaCeptoar", "must be a CEPTOAR your organisation belongs to");
                }
                // A CEPTOAR with two secretariats (broadcasting) relays through the first appointed.
                var secretariat = await db.CeptoarMemberships
                    .Where(m => m.CeptoarCode == viaCeptoar && m.Role == MembershipRole.Secretariat)
                    .OrderBy(m => m.CreatedAt).ThenBy(m => m.OrganisationId)
                    .Select(m => (Guid?)m.OrganisationId)
                    .FirstOrDefaultAsync(ct);
                if (secretariat is null)
                {
                    return Problem.Invalid("viaCeptoar", "has no secretariat in the directory");
                }
                if (secretariat == reportingOrganisation)
                {
                    return Problem.Invalid("route", "a secretariat cannot report anonymously through itself; use the ministry route");
                }
                return new RoutePlan([(secretariat.Value, HopRole.Secretariat), (ministry.Value, HopRole.Ministry), (centre.Value, HopRole.NationalCentre)], true, secretariat, viaCeptoar, null, 1);

            case ReportRoute.SecurityAgency:
                if (string.IsNullOrWhiteSpace(viaAgency) || !SecurityAgencies.Contains(viaAgency))
                {
                    return Problem.Invalid("viaAgency", Text.T("must be one of: {0}", string.Join(", ", SecurityAgencies)));
                }
                var agency = await db.Organisations.Where(o => o.Code == viaAgency).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
                if (agency is null)
                {
                    return Problem.Invalid("viaAgency", "is not in the directory");
                }
                return new RoutePlan([(agency.Value, HopRole.SecurityAgency), (ministry.Value, HopRole.Ministry), (centre.Value, HopRole.NationalCentre)], true, agency, null, agency, 1);

            default:
                return Problem.Invalid("route", "is not a route");
        }
    }
}
