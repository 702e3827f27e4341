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
