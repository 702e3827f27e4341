using Renkei.Audit;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Access;

/// <summary>
/// The one place that decides what a caller may read. Every read of the API, the UI, exports,
/// search and feeds starts from one of these queries; a record outside them does not exist for
/// the caller (404, not 403).
/// </summary>
/// <remarks>
/// The rules, and why:
/// <list type="bullet">
/// <item>Anonymous callers read nothing here; the public portal reads only TLP:CLEAR records
/// through <see cref="Shareable{T}"/>.</item>
/// <item>Organisations, sectors, CEPTOARs and their memberships are the community directory:
/// every signed-in member may read them, as they need to know whom advisories reach.</item>
/// <item>ISAC memberships are under NDA: visible to that ISAC's members, to the organisation
/// itself and to platform admins.</item>
/// <item>The 展開先 — organisations NISC's information reaches beyond a CEPTOAR's members, and the
/// content-chosen recipient groups (seed 001 l.365–366) — are distribution lists, not the
/// community: a list of companies under nuclear-material protection measures is itself
/// sensitive. They are visible to the national centre, the ministry in charge (for a CEPTOAR's),
/// the secretariat that keeps the list and the organisation itself.</item>
/// <item>Points of contact are the addresses of the reporting and advisory chain: visible to
/// the organisation itself, the national centre, the ministry in charge of its sector and the
/// secretariats of the CEPTOARs and communities it belongs to — the hops that must reach it.</item>
/// <item>User accounts: the organisation's own members, platform admins and national-centre
/// auditors (who need names to read the trail).</item>
/// <item>Shareable records: TLP and audience, see <see cref="SharingPolicy"/>.</item>
/// </list>
/// </remarks>
public sealed partial class AccessPolicy(RenkeiDbContext db)
{
    public IQueryable<Organisation> Organisations(Caller? caller) =>
        caller is null ? db.Organisations.Where(_ => false) : db.Organisations;

    public IQueryable<Sector> Sectors(Caller? caller) =>
        caller is null ? db.Sectors.Where(_ => false) : db.Sectors;

    public IQueryable<BusinessScope> BusinessScopes(Caller? caller) =>
        caller is null ? db.BusinessScopes.Where(_ => false) : db.BusinessScopes;

    public IQueryable<Ceptoar> Ceptoars(Caller? caller) =>
        caller is null ? db.Ceptoars.Where(_ => false) : db.Ceptoars;

    public IQueryable<CeptoarMembership> CeptoarMemberships(Caller? caller) =>
        caller is null ? db.CeptoarMemberships.Where(_ => false) : db.CeptoarMemberships;

    /// <summary>A CEPTOAR's 展開先 (non-member recipients) the caller may see; see the remarks on the class.</summary>
    public IQueryable<CeptoarRecipient> CeptoarRecipients(Caller? caller)
    {
        if (caller is null)
        {
            return db.CeptoarRecipients.Where(_ => false);
        }
        if (caller.IsNationalCentre)
        {
            return db.CeptoarRecipients;
        }
        var org = caller.OrganisationId;
        var sectors = caller.MinistryOfSectors.ToArray();
        var ceptoars = caller.SecretariatOfCeptoars.ToArray();
        return db.CeptoarRecipients.Where(r =>
            r.OrganisationId == org || ceptoars.Contains(r.CeptoarCode) || sectors.Contains(r.Ceptoar!.SectorCode));
    }

    /// <summary>Whether the caller sees a CEPTOAR's whole 展開先 list (and so its registered count).</summary>
    public static bool SeesCeptoarRecipients(Caller? caller, string ceptoarCode, string sectorCode) =>
        caller is not null && (caller.IsNationalCentre || caller.SecretariatOfCeptoars.Contains(ceptoarCode) || caller.MinistryOfSectors.Contains(sectorCode));

    public IQueryable<Community> Communities(Caller? caller) =>
        caller is null ? db.Communities.Where(_ => false) : db.Communities;

    public IQueryable<CommunityMembership> CommunityMemberships(Caller? caller)
    {
        if (caller is null)
        {
            return db.CommunityMemberships.Where(_ => false);
        }
        if (caller.IsPlatformAdmin)
        {
            return db.CommunityMemberships;
        }
        var mine = caller.CommunityCodes.ToArray();
        var runs = caller.SecretariatOfCommunities.ToArray();
        var org = caller.OrganisationId;
        var centre = caller.IsNationalCentre;
        return db.CommunityMemberships.Where(m =>
            m.OrganisationId == org
            || (m.Community!.Kind == CommunityKind.Isac && mine.Contains(m.CommunityCode))
            || (m.Community.Kind == CommunityKind.RecipientGroup && (centre || runs.Contains(m.CommunityCode)))
            || (m.Community.Kind != CommunityKind.Isac && m.Community.Kind != CommunityKind.RecipientGroup));
    }

    /// <summary>The organisations whose points of contact the caller may read.</summary>
    public IQueryable<Organisation> ContactHolders(Caller? caller)
    {
        if (caller is null)
        {
            return db.Organisations.Where(_ => false);
        }
        if (caller.IsNationalCentre)
        {
            return db.Organisations;
        }
        var org = caller.OrganisationId;
        var sectors = caller.MinistryOfSectors.ToArray();
        var ceptoars = caller.SecretariatOfCeptoars.ToArray();
        var communities = caller.SecretariatOfCommunities.ToArray();
        var memberOf = caller.CeptoarCodes.ToArray();
        var recipients = db.CeptoarRecipients.Where(r => ceptoars.Contains(r.CeptoarCode)).Select(r => r.OrganisationId);
        return db.Organisations.Where(o =>
            o.Id == org
            // The desks everyone reports to and hears from: an operator filing an emergency report
            // or reading an emergency advisory must see the number to call.
            || o.Kind == OrganisationKind.NationalCentre || o.Kind == OrganisationKind.Ministry || o.Kind == OrganisationKind.RelatedAgency
            // A CEPTOAR's members reach its secretariat.
            || (o.Kind == OrganisationKind.CeptoarSecretariat && o.CeptoarMemberships.Any(m => m.Role == MembershipRole.Secretariat && memberOf.Contains(m.CeptoarCode)))
            || (o.SectorCode != null && sectors.Contains(o.SectorCode))
            || o.CeptoarMemberships.Any(m => ceptoars.Contains(m.CeptoarCode))
            // A secretariat passes NISC's information on to its 展開先 as to its members.
            || recipients.Contains(o.Id)
            || o.CommunityMemberships.Any(m => communities.Contains(m.CommunityCode)));
    }

    public IQueryable<PointOfContact> Contacts(Caller? caller)
    {
        var holders = ContactHolders(caller).Select(o => o.Id);
        return db.PointsOfContact.Where(p => holders.Contains(p.OrganisationId));
    }

    /// <summary>The organisations whose user accounts the caller may read.</summary>
    public IQueryable<Organisation> UserHolders(Caller? caller)
    {
        if (caller is null)
        {
            return db.Organisations.Where(_ => false);
        }
        if (caller.IsPlatformAdmin || (caller.IsNationalCentre && caller.Has(Role.Auditor)))
        {
            return db.Organisations;
        }
        var org = caller.OrganisationId;
        return db.Organisations.Where(o => o.Id == org);
    }

    public IQueryable<RenkeiUser> Users(Caller? caller)
    {
        if (caller is not null && (caller.IsPlatformAdmin || (caller.IsNationalCentre && caller.Has(Role.Auditor))))
        {
            return db.Users;
        }
        var holders = UserHolders(caller).Select(o => o.Id);
        return db.Users.Where(u => holders.Contains(u.OrganisationId));
    }

    /// <summary>
    /// Reports the caller may read: their own organisation's (drafts too), those that reached a hop
    /// addressed to their organisation, and near misses shared with their sector.
    /// </summary>
    /// <remarks>
    /// Reports travel to desks, not to audiences: the route decides who reads them, hop by hop,
    /// and a desk reads a report only once the hop before it forwarded it. There is no
    /// administrator override here either.
    /// </remarks>
    public IQueryable<Reports.Report> Reports(Caller? caller)
    {
        if (caller is null)
        {
            return db.Reports.Where(_ => false);
        }
        var org = caller.OrganisationId;
        var sector = caller.SectorCode ?? "";
        return db.Reports.Where(r =>
            r.ReportingOrganisationId == org
            || (r.State != Renkei.Reports.ReportState.Draft && r.Hops.Any(h => h.RecipientOrganisationId == org && h.ReceivedAt != null))
            || (r.SharedWithSector && r.State != Renkei.Reports.ReportState.Draft && r.SectorCode == sector));
    }

    /// <summary>
    /// Whether the caller may know who reported: the reporting organisation; on anonymised routes
    /// the secretariat or agency that relays; otherwise the desks the report reached on a hop the
    /// route rules disclose the reporter to (a referral to the police keeps the report's anonymity).
    /// Readers through sector sharing never do. Every surface (API, UI, exports, search,
    /// notifications, statistics, the audit trail) asks this, and nothing else.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Reports.Report, bool>> ReporterVisible(Caller caller)
    {
        var org = caller.OrganisationId;
        return r => r.ReportingOrganisationId == org
            || r.AnonymityHolderId == org
            || r.Hops.Any(h => h.RecipientOrganisationId == org && h.ReceivedAt != null && h.ReporterDisclosed);
    }

    /// <summary>
    /// Incidents are the desks' consolidation work: visible to the national centre and the
    /// ministries in charge. The reports inside each remain filtered by <see cref="Reports(Caller?)"/>.
    /// </summary>
    public IQueryable<Reports.Incident> Incidents(Caller? caller) =>
        caller is { OrganisationKind: Directory.OrganisationKind.NationalCentre or Directory.OrganisationKind.Ministry }
            ? db.Incidents
            : db.Incidents.Where(_ => false);

    /// <summary>
    /// A notification is worded for one user at the time it was made (a pseudonym for a desk,
    /// a name for the secretariat that relays): only that user reads it.
    /// </summary>
    public IQueryable<Notifications.Notification> Notifications(Caller? caller) =>
        caller is null ? db.Notifications.Where(_ => false) : db.Notifications.Where(n => n.UserId == caller.UserId);

    public IQueryable<T> Shareable<T>(Caller? caller) where T : class, IShareable =>
        db.Set<T>().Where(SharingPolicy.VisibleTo<T>(caller, db.AudienceMembers));

    /// <summary>
    /// Advisories: shareable records whose drafts stay with the issuing organisation until
    /// published (the audience and TLP of a draft are not yet meant to reach anyone). A relayed
    /// advisory is read by those it has reached so far — the holders on the chain and the
    /// organisations they relayed it to, never beyond its audience — so an operator sees it once
    /// its CEPTOAR relays it, not before; a direct one by its audience, as the sharing model says.
    /// </summary>
    public IQueryable<Advisories.Advisory> Advisories(Caller? caller)
    {
        var org = caller?.OrganisationId;
        var direct = Shareable<Advisories.Advisory>(caller).Where(a => a.Distribution == Renkei.Advisories.AdvisoryDistribution.Direct).Select(a => a.Id);
        var reached = db.AdvisoryDeliveries.Where(d => d.OrganisationId == org).Select(d => d.AdvisoryId);
        return db.Advisories
            .Where(a => a.State != Renkei.Advisories.AdvisoryState.Draft || a.OwnerOrganisationId == org)
            .Where(a => direct.Contains(a.Id)
                || (a.Distribution == Renkei.Advisories.AdvisoryDistribution.Relay
                    && (a.Tlp == Tlp.Clear || (caller != null && (a.OwnerOrganisationId == org || reached.Contains(a.Id))))));
    }

    /// <summary>
    /// Imported STIX bundles (indicator sets): shareable records like any other — TLP no weaker
    /// than the bundle's markings, and the audience the importer or the TAXII collection gave.
    /// </summary>
    public IQueryable<Stix.IndicatorSet> IndicatorSets(Caller? caller) => Shareable<Stix.IndicatorSet>(caller);

    /// <summary>A TAXII status names what one user posted: that user reads it.</summary>
    public IQueryable<Taxii.TaxiiStatus> TaxiiStatuses(Caller? caller) =>
        caller is null ? db.TaxiiStatuses.Where(_ => false) : db.TaxiiStatuses.Where(s => s.UserId == caller.UserId);

    /// <summary>
    /// Contact checks: the issuing organisation's own, and those a round addressed to the caller's
    /// organisation. Who answered is the issuer's alone to read (ContactCheckReports).
    /// </summary>
    public IQueryable<ContactChecks.ContactCheck> ContactChecks(Caller? caller)
    {
        if (caller is null)
        {
            return db.ContactChecks.Where(_ => false);
        }
        var org = caller.OrganisationId;
        return db.ContactChecks.Where(c => c.OwnerOrganisationId == org || db.ContactCheckTargets.Any(t => t.CheckId == c.Id && t.OrganisationId == org));
    }

    /// <summary>
    /// Saved interdependency scenarios: the owning organisation's members only. A scenario describes
    /// which services fail when and how badly — a map of weak points — so it is not shared further,
    /// not even with platform admins.
    /// </summary>
    public IQueryable<Interdependency.Scenarios.AnalysisScenario> AnalysisScenarios(Caller? caller)
    {
        if (caller is null)
        {
            return db.AnalysisScenarios.Where(_ => false);
        }
        var org = caller.OrganisationId;
        return db.AnalysisScenarios.Where(s => s.OrganisationId == org);
    }

    /// <summary>Runs of scenarios: as their scenarios (<see cref="AnalysisScenarios"/>).</summary>
    public IQueryable<Interdependency.Scenarios.AnalysisRun> AnalysisRuns(Caller? caller)
    {
        if (caller is null)
        {
            return db.AnalysisRuns.Where(_ => false);
        }
        var org = caller.OrganisationId;
        return db.AnalysisRuns.Where(r => r.OrganisationId == org);
    }

    /// <summary>
    /// The trail names who did what; platform admins and national-centre auditors read all of
    /// it, an organisation's admins and auditors read what their own users did.
    /// </summary>
    public IQueryable<AuditEvent> AuditEvents(Caller? caller)
    {
        if (caller is null || !caller.HasAny(Role.Admin, Role.Auditor))
        {
            return db.AuditEvents.Where(_ => false);
        }
        if (caller.IsPlatformAdmin || (caller.IsNationalCentre && caller.Has(Role.Auditor)))
        {
            return db.AuditEvents;
        }
        var org = caller.OrganisationId;
        return db.AuditEvents.Where(e => e.ActorOrganisationId == org);
    }
}
