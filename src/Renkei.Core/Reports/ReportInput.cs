using System.ComponentModel.DataAnnotations;
using Renkei.Access;
using Renkei.Indicators;

namespace Renkei.Reports;

/// <summary>Impact figures as sent; none may be negative.</summary>
public sealed record ImpactInput
{
    [Range(0, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? UsersAffected { get; init; }

    [Range(0, 525_600, ErrorMessage = "must be between 0 and 525,600 minutes (a year)")]
    public int? DurationMinutes { get; init; }

    [Range(0, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? SupplyShortfallKw { get; init; }

    [Range(0, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? HouseholdsAffected { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "must not be negative")]
    public int? FlightsCancelled { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "must not be negative")]
    public int? TrainsCancelled { get; init; }

    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? Other { get; init; }
}

/// <summary>An answer to a qualitative condition of the verification level (yes, no or unknown).</summary>
public sealed record VerificationFactInput
{
    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string Condition { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    public FactAnswer? Answer { get; init; }
}

/// <summary>What the reporter writes: the content of a first report, an update or a final report.</summary>
public sealed record ReportContentInput
{
    [RegularExpression("^(ja|en)$", ErrorMessage = "must be 'ja' or 'en'")]
    public string? Language { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    public ReportKind? Kind { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string ThreatCategory { get; init; } = "";

    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? ThreatSubtype { get; init; }

    public IReadOnlyList<string>? ThreatExamples { get; init; }
    public IReadOnlyList<AffectedSystem>? AffectedSystems { get; init; }

    [MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string? Service { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string SectorCode { get; init; } = "";

    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? BusinessScopeCode { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Status { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? InterimMeasures { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Cause { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? Countermeasures { get; init; }

    [MaxLength(8000, ErrorMessage = "must be at most 8000 characters")]
    public string? RecoveryOutlook { get; init; }

    public ImpactInput? Impact { get; init; }

    /// <summary>Answers to the qualitative conditions of the sector's verification level.</summary>
    public IReadOnlyList<VerificationFactInput>? VerificationFacts { get; init; }

    public DateTime? AwareAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }

    public bool? LegallyRequired { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? LegalBasis { get; init; }

    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
}

/// <summary>A new report (a draft): its content, and how it travels.</summary>
public sealed record ReportInput
{
    [Required(ErrorMessage = "is required")]
    public ReportContentInput? Content { get; init; }

    [Required(ErrorMessage = "is required")]
    public ReportRoute? Route { get; init; }

    /// <summary>The CEPTOAR whose secretariat relays (Ceptoar route): one the reporter's organisation belongs to.</summary>
    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? ViaCeptoar { get; init; }

    /// <summary>The security agency that relays (SecurityAgency route): one of the codes in Reports/Data/routes.json (nict, ipa, jpcert).</summary>
    [MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string? ViaAgency { get; init; }

    [Required(ErrorMessage = "is required")]
    public Tlp? Tlp { get; init; }

    /// <summary>
    /// CEPTOAR and security-agency routes: whether to anonymise the reporter (default: yes). A
    /// report the law obliges cannot be anonymised: send false to file it via the relay named.
    /// </summary>
    public bool? Anonymise { get; init; }

    /// <summary>Near misses only: also share, anonymised, with the sector's community.</summary>
    public bool? ShareWithSector { get; init; }

    /// <summary>The version the edit is based on; required when editing a draft.</summary>
    public int? Version { get; init; }
}

/// <summary>A further submission: an update (続報) or the final report (確報).</summary>
public sealed record ReportUpdateInput
{
    [Required(ErrorMessage = "is required")]
    public ReportStage? Stage { get; init; }

    [Required(ErrorMessage = "is required")]
    public ReportContentInput? Content { get; init; }

    /// <summary>The report version the update is based on.</summary>
    [Required(ErrorMessage = "is required: send the version you are editing")]
    public int? Version { get; init; }
}

/// <summary>A referral: the report passed to the police (犯罪被害等の通報) or a liaison request (連携要請).</summary>
public sealed record ReferralInput
{
    [Required(ErrorMessage = "is required")]
    public ReferralKind? Kind { get; init; }

    /// <summary>The receiving agency's organisation code, one the rules list for the kind (npa; npa or mod).</summary>
    [Required(ErrorMessage = "is required"), MaxLength(64, ErrorMessage = "must be at most 64 characters")]
    public string Agency { get; init; } = "";

    /// <summary>What the agency is asked, shown on its hop.</summary>
    [MaxLength(4000, ErrorMessage = "must be at most 4000 characters")]
    public string? Note { get; init; }
}
