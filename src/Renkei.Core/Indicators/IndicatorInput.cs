using System.ComponentModel.DataAnnotations;

namespace Renkei.Indicators;

/// <summary>An indicator as a report, an advisory or an import states it, before it is normalised.</summary>
public sealed record IndicatorInput
{
    [Required(ErrorMessage = "is required")]
    public IndicatorType? Type { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(2048, ErrorMessage = "must be at most 2048 characters")]
    public string Value { get; init; } = "";

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Note { get; init; }
}
