using Renkei.Access;

namespace Renkei.Reports;

/// <summary>The lifecycle and desk rules of a report, for one caller (hops must be loaded).</summary>
public static class ReportRules
{
    public static bool IsReporter(Caller c, Report r) => r.ReportingOrganisationId == c.OrganisationId;

    public static bool CanEditDraft(Caller c, Report r) => IsReporter(c, r) && r.State == ReportState.Draft && Permissions.FileReport(c);

    public static bool CanAddSubmission(Caller c, Report r) =>
        IsReporter(c, r) && r.State is not (ReportState.Draft or ReportState.Closed) && r.Stage != ReportStage.Final && Permissions.FileReport(c);

    /// <summary>The hop addressed to the caller's organisation that has received the report, if any.</summary>
    public static ReportHop? HeldHop(Caller c, Report r) =>
        r.Hops.Where(h => h.RecipientOrganisationId == c.OrganisationId && h.ReceivedAt != null).OrderBy(h => h.Ordinal).LastOrDefault();

    public static bool CanAcknowledge(Caller c, Report r) =>
        r.State != ReportState.Draft && Permissions.WorkReportDesk(c) && HeldHop(c, r) is { AcknowledgedAt: null };

    /// <summary>A desk forwards what reached it to the next hop, once.</summary>
    public static bool CanForward(Caller c, Report r) =>
        r.State is not (ReportState.Draft or ReportState.Closed) && Permissions.WorkReportDesk(c)
        && HeldHop(c, r) is { ForwardedAt: null } held
        && r.Hops.Any(h => h.Ordinal > held.Ordinal && h.ReceivedAt == null);

    /// <summary>Questions and answers run between the first report and closing: desks the report reached, and the reporting organisation's reporters.</summary>
    public static bool CanWriteThread(Caller c, Report r) =>
        r.State is not (ReportState.Draft or ReportState.Closed)
        && ((HeldHop(c, r) is not null && Permissions.WorkReportDesk(c)) || (IsReporter(c, r) && Permissions.FileReport(c)));

    /// <summary>The secretariat or agency holding an anonymised report's identity answers for its reporter.</summary>
    public static bool CanAnswerOnBehalf(Caller c, Report r) =>
        CanWriteThread(c, r) && r.Anonymous && r.AnonymityHolderId == c.OrganisationId && Permissions.WorkReportDesk(c);

    /// <summary>The reporting organisation's reporters attach files until the report is closed.</summary>
    public static bool CanAttach(Caller c, Report r) => IsReporter(c, r) && Permissions.FileReport(c) && r.State != ReportState.Closed;

    /// <summary>
    /// Who may pass the report outside its route (a crime report to the police, a liaison request
    /// to an incident-handling agency), as <c>Reports/Data/routes.json</c> says; a desk reached
    /// only by a referral does not refer further.
    /// </summary>
    public static bool CanRefer(Caller c, Report r, ReferralRule rule)
    {
        if (r.State == ReportState.Draft)
        {
            return false;
        }
        var desk = Permissions.WorkReportDesk(c) && HeldHop(c, r) is { Role: not (HopRole.CrimeReport or HopRole.LiaisonRequest) };
        return rule.MadeBy.Any(m => m switch
        {
            ReferralMaker.Reporter => IsReporter(c, r) && Permissions.FileReport(c),
            ReferralMaker.Desk => desk,
            ReferralMaker.NationalCentre => desk && c.OrganisationKind == Directory.OrganisationKind.NationalCentre,
            ReferralMaker.Ministry => desk && c.OrganisationKind == Directory.OrganisationKind.Ministry,
            _ => false,
        });
    }

    /// <summary>The referrals the caller may make now.</summary>
    public static IReadOnlyList<ReferralKind> Referrals(Caller c, Report r) =>
        RouteRules.Instance.Referrals.Where(rule => CanRefer(c, r, rule)).Select(rule => rule.Kind).ToList();

    public static ReportActions Actions(Caller c, Report r) =>
        new(CanEditDraft(c, r), CanEditDraft(c, r), CanAddSubmission(c, r), CanAcknowledge(c, r), CanForward(c, r),
            CanWriteThread(c, r), CanAnswerOnBehalf(c, r), CanAttach(c, r), Referrals(c, r));
}
