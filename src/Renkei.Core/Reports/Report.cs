using Renkei.Access;
using Renkei.Directory;

namespace Renkei.Reports;

/// <summary>
/// An incident report (情報連絡) as it stands now. Each submission (first report, update, final
/// report) also freezes its content as a <see cref="ReportVersion"/>.
/// </summary>
public sealed class Report
{
    public Guid Id { get; set; }
    public Guid ReportingOrganisationId { get; set; }
    public Guid ReporterUserId { get; set; }
    public ReportState State { get; set; }

    /// <summary>The stage of the latest submission; null while a draft.</summary>
    public ReportStage? Stage { get; set; }
    public ReportRoute Route { get; set; }

    /// <summary>The CEPTOAR whose secretariat relays (Ceptoar route); also names the reporter's pseudonym.</summary>
    public string? ViaCeptoarCode { get; set; }

    /// <summary>The security agency that relays (SecurityAgency route).</summary>
    public Guid? ViaAgencyId { get; set; }

    /// <summary>
    /// Reporter hidden from everyone but the reporting organisation and <see cref="AnonymityHolderId"/>
    /// (the secretariat or agency that relays).
    /// </summary>
    public bool Anonymous { get; set; }
    public Guid? AnonymityHolderId { get; set; }

    /// <summary>Near misses may also go, anonymised, to the reporter's sector community.</summary>
    public bool SharedWithSector { get; set; }
    public Tlp Tlp { get; set; }

    public ReportContent Content { get; set; } = new();

    // Copies of content fields that desks filter and statistics count by, kept in step with
    // Content by ReportService (queries cannot look inside the JSON on both providers).
    public ReportKind Kind { get; set; }
    public string SectorCode { get; set; } = "";
    public string? BusinessScopeCode { get; set; }
    public string ThreatCategory { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTime? AwareAt { get; set; }

    /// <summary>Severity the impact figures suggest (0–4), recomputed with each submission.</summary>
    public int? SeveritySuggested { get; set; }

    /// <summary>The latest analyst assessment's overall level; null until assessed.</summary>
    public int? Severity { get; set; }

    /// <summary>
    /// Whether the outage went beyond its sector's verification level; null when no rule applies
    /// or figures are missing. Kept with the rule and version it was evaluated against: a rule
    /// change does not alter it until an admin re-evaluates.
    /// </summary>
    public bool? VerificationExceeded { get; set; }
    public string? VerificationReason { get; set; }
    public string? VerificationRuleCode { get; set; }
    public int? VerificationRuleVersion { get; set; }
    public DateTime? VerificationEvaluatedAt { get; set; }

    /// <summary>
    /// The qualitative verification facts the desk (ministry in charge, NISC) stated or corrected;
    /// they override the reporter's answers in <see cref="ReportContent.VerificationFacts"/>, which stay as given.
    /// </summary>
    public List<DeskVerificationFact> DeskVerificationFacts { get; set; } = [];

    /// <summary>Reporting clocks: when the first and the final report are due.</summary>
    public DateTime? FirstDueAt { get; set; }
    public DateTime? FinalDueAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? FinalAt { get; set; }

    /// <summary>Optimistic concurrency for edits of a draft and for desk actions.</summary>
    public int Version { get; set; } = 1;

    public Organisation? ReportingOrganisation { get; set; }
    public List<ReportVersion> Versions { get; set; } = [];
    public List<ReportHop> Hops { get; set; } = [];
}
