namespace Renkei.Interdependency.Scenarios;

/// <summary>
/// A saved scenario: the scenario document (docs/schemas/scenario.schema.json) as the analyst
/// wrote it, owned by their organisation. A scenario may carry its own copy of a matrix (the
/// default one copied and edited) or graph.
/// </summary>
public sealed class AnalysisScenario
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public required string Name { get; set; }
    public ScenarioModel Model { get; set; }

    /// <summary>The document, JSON text exactly as saved.</summary>
    public required string Document { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// One run of a scenario, recorded with the exact input it ran (so the result can be reproduced
/// even after the scenario is edited), the engine version and the result.
/// </summary>
public sealed class AnalysisRun
{
    public Guid Id { get; set; }
    public Guid ScenarioId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid RunByUserId { get; set; }
    public DateTime RanAt { get; set; }
    public required string Engine { get; set; }
    public required string InputSha256 { get; set; }
    public required string Input { get; set; }
    public required string Result { get; set; }
    public double DurationMs { get; set; }
}
