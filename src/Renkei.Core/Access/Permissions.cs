using Renkei.Identity;

namespace Renkei.Access;

/// <summary>
/// Who may change what. Reads are decided by <see cref="AccessPolicy"/>; a caller who may not
/// read a record never reaches these checks (they get a 404 first).
/// </summary>
public static class Permissions
{
    public static bool ManageReferenceData(Caller c) => c.IsPlatformAdmin;

    public static bool CreateOrganisation(Caller c) => c.IsPlatformAdmin;

    public static bool DeleteOrganisation(Caller c) => c.IsPlatformAdmin;

    /// <summary>Kind, sector, business scope and code place an organisation in the sharing model: platform admins move it there.</summary>
    public static bool PlaceOrganisation(Caller c) => c.IsPlatformAdmin;

    public static bool EditOrganisation(Caller c, Guid organisationId) =>
        c.IsPlatformAdmin || (c.OrganisationId == organisationId && c.Has(Role.Admin));

    public static bool ManageContacts(Caller c, Guid organisationId) =>
        c.IsPlatformAdmin || (c.OrganisationId == organisationId && c.HasAny(Role.Admin, Role.Coordinator));

    /// <summary>An organisation's admins manage its users; roles never reach beyond that organisation.</summary>
    public static bool ManageUsers(Caller c, Guid organisationId) =>
        c.IsPlatformAdmin || (c.OrganisationId == organisationId && c.Has(Role.Admin));

    /// <summary>Moving an account to another organisation, or creating one for any: platform admins only.</summary>
    public static bool PlaceUsers(Caller c) => c.IsPlatformAdmin;

    /// <summary>The CEPTOAR's secretariat keeps its member list, as it does today.</summary>
    public static bool ManageCeptoarMembers(Caller c, string ceptoarCode) =>
        c.IsPlatformAdmin || (c.SecretariatOfCeptoars.Contains(ceptoarCode) && c.HasAny(Role.Admin, Role.Coordinator));

    /// <summary>A CEPTOAR's 展開先 are kept by whoever keeps its members: its secretariat and platform admins.</summary>
    public static bool ManageCeptoarRecipients(Caller c, string ceptoarCode) => ManageCeptoarMembers(c, ceptoarCode);

    public static bool ManageCommunityMembers(Caller c, string communityCode) =>
        c.IsPlatformAdmin || (c.SecretariatOfCommunities.Contains(communityCode) && c.HasAny(Role.Admin, Role.Coordinator));

    /// <summary>
    /// Adding or removing one membership: whoever keeps the list, for members; a secretariat is
    /// named or removed by platform admins only (it decides who else may change the list).
    /// </summary>
    public static bool ChangeMembership(Caller c, Directory.MembershipKind kind, string code, Directory.MembershipRole role) =>
        (kind == Directory.MembershipKind.Ceptoar ? ManageCeptoarMembers(c, code) : ManageCommunityMembers(c, code))
        && (role == Directory.MembershipRole.Member || c.IsPlatformAdmin);

    /// <summary>Bulk import and export of the directory touch every organisation: platform admins only.</summary>
    public static bool ImportExportDirectory(Caller c) => c.IsPlatformAdmin;

    public static bool ReadAudit(Caller c) => c.HasAny(Role.Admin, Role.Auditor);

    public static bool VerifyAudit(Caller c) => c.IsPlatformAdmin || (c.IsNationalCentre && c.Has(Role.Auditor));

    public static bool IssueNotice(Caller c) => c.HasAny(Role.Admin, Role.Coordinator, Role.Analyst);

    /// <summary>A notice is edited by its author and by the issuing organisation's admins.</summary>
    public static bool EditNotice(Caller c, Guid authorUserId, Guid ownerOrganisationId) =>
        authorUserId == c.UserId || (ownerOrganisationId == c.OrganisationId && c.Has(Role.Admin));

    /// <summary>Reporters (and their organisation's admins and coordinators) file and update incident reports.</summary>
    public static bool FileReport(Caller c) => c.HasAny(Role.Reporter, Role.Coordinator, Role.Admin);

    /// <summary>At a desk (secretariat, agency, ministry, NISC): acknowledge, annotate and forward what reached it.</summary>
    public static bool WorkReportDesk(Caller c) => c.HasAny(Role.Coordinator, Role.Analyst, Role.Admin);

    /// <summary>Who applies content presets: advisory presets those who issue advisories, report presets those who file reports.</summary>
    public static bool UseContentPresets(Caller c, Presets.ContentPresetTarget target) =>
        target == Presets.ContentPresetTarget.Advisory ? AdvisoryRemit.MayIssue(c) : FileReport(c);

    /// <summary>
    /// An organisation's admins and coordinators keep its presets (each issuer its own); nobody
    /// edits another organisation's, platform administrators included.
    /// </summary>
    public static bool ManageContentPresets(Caller c, Guid organisationId) =>
        c.OrganisationId == organisationId && c.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>
    /// Who keeps a safety standard (安全基準等) current: an operator's internal rule (④) its own
    /// admins and coordinators only; the state's and the industry's documents (①–③) platform
    /// admins and the admins and coordinators of the ministry in charge of the document's sector.
    /// </summary>
    public static bool EditSafetyStandard(Caller c, string sectorCode, Standards.StandardKind kind, Guid? ownerOrganisationId) =>
        kind == Standards.StandardKind.Internal
            ? ownerOrganisationId == c.OrganisationId && c.OrganisationKind == Directory.OrganisationKind.Operator && c.HasAny(Role.Admin, Role.Coordinator)
            : c.IsPlatformAdmin || (c.MinistryOfSectors.Contains(sectorCode) && c.HasAny(Role.Admin, Role.Coordinator));

    /// <summary>The guideline (指針) is NISC's: the national centre's admins and coordinators publish its versions.</summary>
    public static bool PublishGuideline(Caller c) => c.IsNationalCentre && c.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>
    /// How a sector's safety standards take up the guideline is recorded by the ministry in charge
    /// of the sector (its admins and coordinators) and by NISC's admins and coordinators.
    /// </summary>
    public static bool RecordGuidelineCoverage(Caller c, string sectorCode) =>
        (c.IsNationalCentre || c.MinistryOfSectors.Contains(sectorCode)) && c.HasAny(Role.Admin, Role.Coordinator);
}
