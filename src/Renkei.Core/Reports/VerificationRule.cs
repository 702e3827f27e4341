namespace Renkei.Reports;

/// <summary>
/// A sector's verification level (検証レベル): the threshold beyond which an IT-caused service
/// outage counts in the yearly evaluation of the action plan. Every threshold that is set must
/// be reached; "any outage" rules count every IT-caused outage of the sector (or scopes).
/// </summary>
public sealed class VerificationRule
{
    public required string Code { get; set; }
    public required string SectorCode { get; set; }

    /// <summary>Business scopes the rule covers, separated by ';'; empty for the whole sector.</summary>
    public string Scopes { get; set; } = "";
    public required string DescriptionJa { get; set; }
    public required string DescriptionEn { get; set; }
    public bool AnyOutage { get; set; }
    public long? MinUsers { get; set; }
    public int? MinDurationMinutes { get; set; }
    public long? MinKw { get; set; }
    public long? MinHouseholds { get; set; }
    public int? MinFlightsCancelled { get; set; }
    public int? MinTrainsCancelled { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public IReadOnlyList<string> ScopeList => Scopes.Split(';', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A reporting clock: which stage is due how many hours after awareness, for which reports.</summary>
public sealed class DeadlineRule
{
    public required string Code { get; set; }

    /// <summary>Null: any kind.</summary>
    public ReportKind? Kind { get; set; }

    /// <summary>Null: any route.</summary>
    public ReportRoute? Route { get; set; }
    public ReportStage Stage { get; set; }
    public int Hours { get; set; }
    public required string DescriptionJa { get; set; }
    public required string DescriptionEn { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>One assessment of a report's severity on NISC's scale (0 none … 4 extremely serious); the latest counts.</summary>
public sealed class ReportAssessment
{
    public Guid ReportId { get; set; }
    public int Number { get; set; }
    public int Continuity { get; set; }
    public int Safety { get; set; }
    public int Trust { get; set; }
    public int Overall { get; set; }

    /// <summary>What the impact figures suggested when the analyst assessed.</summary>
    public int Suggested { get; set; }

    /// <summary>Required when the overall level differs from the suggestion.</summary>
    public string? Reason { get; set; }
    public Guid AssessedByUserId { get; set; }
    public Guid AssessedByOrganisationId { get; set; }
    public DateTime AssessedAt { get; set; }
}
