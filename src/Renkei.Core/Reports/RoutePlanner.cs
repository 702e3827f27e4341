using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>One planned hop: who receives, in what part, and whether it may know who reported.</summary>
public sealed record PlannedHop(Guid Organisation, HopRole Role, bool ReporterDisclosed);

/// <summary>The hops of a route, and who holds the reporter's identity on anonymised routes.</summary>
public sealed record RoutePlan(IReadOnlyList<PlannedHop> Hops, bool Anonymous, Guid? AnonymityHolder, string? ViaCeptoar, Guid? ViaAgency);

/// <summary>
/// Plans the route (連絡形態) of a report from the directory and the route rules
/// (<c>Reports/Data/routes.json</c>):
/// ministry route: ministry in charge → NISC;
/// CEPTOAR route: the CEPTOAR's secretariat (holds the identity) → ministry → NISC;
/// security-agency route: one of the security agencies the rules list (holds the identity) → ministry → NISC;
/// emergency: NISC and the ministry at once.
/// A report the law obliges is never anonymised: via a CEPTOAR or an agency it reaches the
/// ministry in charge at once, with the reporter named, and the relay receives a copy.
/// </summary>
public sealed class RoutePlanner(RenkeiDbContext db)
{
    public static IReadOnlyList<string> SecurityAgencies => RouteRules.Instance.SecurityAgencies;
    public const string NationalCentreCode = "nisc";

    /// <summary>The hop rules that apply: the route's, or its legally-required variant once the reporter is named.</summary>
    public static IReadOnlyList<HopRule> HopRules(ReportRoute route, bool legallyRequired, bool anonymous)
    {
        var rule = RouteRules.Instance.Route(route);
        return legallyRequired && !anonymous && rule.LegallyRequiredHops is { } legal ? legal : rule.Hops;
    }

    /// <summary>
    /// Whether the reporter is anonymised: by default on a route that can be, when the rules allow
    /// it; a reporter may also choose to be named on such a route.
    /// </summary>
    public static Result<bool> Anonymity(ReportRoute route, ReportContent content, bool? anonymise)
    {
        var rule = RouteRules.Instance.Route(route);
        if (!rule.Anonymisable)
        {
            return anonymise == true ? Problem.Invalid("anonymise", "this route names the reporter; only the CEPTOAR and security-agency routes anonymise") : false;
        }
        if (anonymise == false)
        {
            return false;
        }
        if (!RouteRules.Instance.MayAnonymise(content))
        {
            // Said before anything is sent: silently naming a reporter who chose an anonymised route would betray them.
            return Problem.Invalid("anonymise", "a report the law obliges you to make cannot be anonymised: it reaches the ministry in charge at once with your organisation named; send anonymise: false to file it via this relay named, or use the ministry route");
        }
        return true;
    }

    public async Task<Result<RoutePlan>> PlanAsync(Guid reportingOrganisation, ReportRoute route, ReportContent content, string? viaCeptoar, string? viaAgency, bool? anonymise, CancellationToken ct)
    {
        var sectorCode = content.SectorCode;
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
        var anonymity = Anonymity(route, content, anonymise);
        if (!anonymity.Ok)
        {
            return anonymity.Problem!;
        }
        var anonymous = anonymity.Value;

        Guid? relay = null;
        switch (route)
        {
            case ReportRoute.Ministry:
            case ReportRoute.Emergency:
                break;

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
                relay = await db.CeptoarMemberships
                    .Where(m => m.CeptoarCode == viaCeptoar && m.Role == MembershipRole.Secretariat)
                    .OrderBy(m => m.CreatedAt).ThenBy(m => m.OrganisationId)
                    .Select(m => (Guid?)m.OrganisationId)
                    .FirstOrDefaultAsync(ct);
                if (relay is null)
                {
                    return Problem.Invalid("viaCeptoar", "has no secretariat in the directory");
                }
                if (relay == reportingOrganisation)
                {
                    return Problem.Invalid("route", "a secretariat cannot report anonymously through itself; use the ministry route");
                }
                break;

            case ReportRoute.SecurityAgency:
                if (string.IsNullOrWhiteSpace(viaAgency) || !SecurityAgencies.Contains(viaAgency))
                {
                    return Problem.Invalid("viaAgency", Text.T("must be one of: {0}", string.Join(", ", SecurityAgencies)));
                }
                relay = await db.Organisations.Where(o => o.Code == viaAgency).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
                if (relay is null)
                {
                    return Problem.Invalid("viaAgency", "is not in the directory");
                }
                break;

            default:
                return Problem.Invalid("route", "is not a route");
        }

        var hops = new List<PlannedHop>();
        foreach (var rule in HopRules(route, content.LegallyRequired, anonymous))
        {
            var organisation = rule.Role switch
            {
                HopRole.Ministry => ministry.Value,
                HopRole.NationalCentre => centre.Value,
                HopRole.Secretariat or HopRole.SecurityAgency => relay!.Value,
                _ => throw new InvalidDataException($"routes.json: role '{rule.Role}' is not a route hop."),
            };
            hops.Add(new PlannedHop(organisation, rule.Role, !anonymous || rule.Disclosure != HopDisclosure.Anonymised));
        }
        return new RoutePlan(hops, anonymous, anonymous ? relay : null,
            route == ReportRoute.Ceptoar ? viaCeptoar : null,
            route == ReportRoute.SecurityAgency ? relay : null);
    }
}
