using Renkei.Access;
using Renkei.Directory;

namespace Renkei.Reports;

/// <summary>
/// Who reported, as the caller may see it: the organisation and person, or only a pseudonym
/// ("a member of 電力 CEPTOAR") when the caller may not know.
/// </summary>
public sealed record ReporterView(bool Disclosed, Guid? OrganisationId, string NameJa, string NameEn, Guid? UserId, string? UserName);

/// <summary>One hop of the route as the caller sees it; <paramref name="ReporterDisclosed"/> says whether that hop's desk may know who reported.</summary>
public sealed record HopView(int Ordinal, OrganisationRef Organisation, HopRole Role, DateTime? ReceivedAt, DateTime? AcknowledgedAt, DateTime? ForwardedAt, string? Annotation, bool ReporterDisclosed);

/// <summary>What the caller may do with the report now; <paramref name="Refer"/> lists the referrals (crime report, liaison request) open to them.</summary>
public sealed record ReportActions(bool Edit, bool Submit, bool Update, bool Acknowledge, bool Forward, bool Message, bool AnswerOnBehalf, bool Attach, IReadOnlyList<ReferralKind> Refer);

public sealed record ReportView(
    Guid Id, ReportState State, ReportStage? Stage, ReportRoute Route, bool Anonymous, bool SharedWithSector, Tlp Tlp,
    ReporterView Reporter, NamedRef? ViaCeptoar, OrganisationRef? ViaAgency,
    ReportContent Content, int Version, int Submissions,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt, DateTime? FinalAt,
    IReadOnlyList<HopView> Hops, ReportActions Actions,
    VerificationView Verification, SeverityView Severity, IReadOnlyList<ClockView> Clocks);

/// <summary>
/// The sector verification level as evaluated for this report (null: no rule applies or figures are missing);
/// <paramref name="Facts"/>: the sector's qualitative conditions with the reporter's and the desk's answers.
/// </summary>
public sealed record VerificationView(bool? Exceeded, string? Reason, string? RuleCode, int? RuleVersion, string? RuleDescriptionJa, string? RuleDescriptionEn, DateTime? EvaluatedAt,
    IReadOnlyList<VerificationFactView>? Facts = null);

/// <summary>Severity on NISC's 0–4 scale: the figures' suggestion and the latest analyst assessment.</summary>
public sealed record SeverityView(int? Suggested, int? Assessed, bool CanAssess);

public sealed record ReportSummary(
    Guid Id, string Title, ReportKind Kind, ReportState State, ReportStage? Stage, ReportRoute Route, string SectorCode, Tlp Tlp,
    ReporterView Reporter, DateTime? AwareAt, DateTime? SubmittedAt, DateTime UpdatedAt,
    int? Severity, bool? VerificationExceeded, bool Overdue);

/// <summary>One submission with the fields it changed from the one before.</summary>
public sealed record ReportVersionView(int Number, ReportStage Stage, DateTime SubmittedAt, ReporterView SubmittedBy, ReportContent Content, IReadOnlyList<string> ChangedFields);

public sealed record ReportFilter(
    ReportState? State = null,
    ReportKind? Kind = null,
    string? SectorCode = null,
    ReportRoute? Route = null,
    Guid? OrganisationId = null,
    string? Text = null,
    bool? Overdue = null,
    bool? BeyondVerificationLevel = null,
    int? MinSeverity = null);
