using System.ComponentModel.DataAnnotations;

namespace Renkei.Assessments;

/// <summary>Protection of respondents in aggregates.</summary>
public sealed class AssessmentOptions
{
    public const string Section = "Assessments";

    /// <summary>A cell (sector × item) with fewer respondents than this is withheld.</summary>
    [Range(2, 1000)]
    public int MinimumCellSize { get; set; } = 5;
}
