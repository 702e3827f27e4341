using Renkei.Indicators;
namespace Renkei.Reports;

/// <summary>
/// What the reporter writes, kept as one JSON document on the report and frozen in every version,
/// so that versions can be compared field by field.
/// </summary>
public sealed record ReportContent
{
    /// <summary>"ja" or "en": the language the reporter wrote in.</summary>
    public string Language { get; init; } = "ja";
    public string Title { get; init; } = "";
    public ReportKind Kind { get; init; }
    public string ThreatCategory { get; init; } = "";
    public string? ThreatSubtype { get; init; }
    public IReadOnlyList<string> ThreatExamples { get; init; } = [];
    public IReadOnlyList<AffectedSystem> AffectedSystems { get; init; } = [];
    public string? Service { get; init; }
    public string SectorCode { get; init; } = "";
    public string? BusinessScopeCode { get; init; }

    /// <summary>障害の状況.</summary>
    public string? Status { get; init; }
    /// <summary>暫定措置.</summary>
    public string? InterimMeasures { get; init; }
    /// <summary>発生原因.</summary>
    public string? Cause { get; init; }
    /// <summary>対策.</summary>
    public string? Countermeasures { get; init; }
    /// <summary>復旧見込み.</summary>
    public string? RecoveryOutlook { get; init; }

    public ImpactFigures Impact { get; init; } = new();

    /// <summary>The reporter's answers to the qualitative conditions of the sector's verification level.</summary>
    public IReadOnlyList<VerificationFact> VerificationFacts { get; init; } = [];

    /// <summary>When the operator became aware (the reporting clocks run from here).</summary>
    public DateTime? AwareAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }

    public bool LegallyRequired { get; init; }
    public string? LegalBasis { get; init; }

    public IReadOnlyList<IndicatorValue> Indicators { get; init; } = [];
}

/// <summary>Impact figures; what applies depends on the sector.</summary>
public sealed record ImpactFigures
{
    public long? UsersAffected { get; init; }
    public int? DurationMinutes { get; init; }
    public long? SupplyShortfallKw { get; init; }
    public long? HouseholdsAffected { get; init; }
    public int? FlightsCancelled { get; init; }
    public int? TrainsCancelled { get; init; }
    public string? Other { get; init; }
}
