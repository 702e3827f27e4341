using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Renkei.Interdependency.Scenarios;

/// <summary>A scenario to save: its document (docs/schemas/scenario.schema.json) and a name (else the document's).</summary>
public sealed record ScenarioSaveInput
{
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? Name { get; init; }

    [Required(ErrorMessage = "is required")]
    public JsonElement? Document { get; init; }

    /// <summary>The version edited (required to update).</summary>
    public int? Version { get; init; }
}

public sealed record RunSummary(Guid Id, DateTime RanAt, string Engine, string InputSha256, double DurationMs);

public sealed record ScenarioSummary(Guid Id, string Name, ScenarioModel Model, DateTime UpdatedAt, int Version, int Runs, DateTime? LastRunAt);

public sealed record ScenarioView(Guid Id, string Name, ScenarioModel Model, JsonElement Document, DateTime CreatedAt, DateTime UpdatedAt, int Version, IReadOnlyList<RunSummary> Runs);

/// <summary>A recorded run: the result as computed then (docs/schemas/result.schema.json).</summary>
public sealed record RunView(Guid Id, Guid ScenarioId, string ScenarioName, DateTime RanAt, string Engine, string InputSha256, double DurationMs, JsonElement Result);
