namespace Renkei.Reports;

/// <summary>One submission of a report (速報, 続報 or 確報), frozen.</summary>
public sealed class ReportVersion
{
    public Guid ReportId { get; set; }
    public int Number { get; set; }
    public ReportStage Stage { get; set; }
    public ReportContent Content { get; set; } = new();
    public Guid SubmittedByUserId { get; set; }
    public DateTime SubmittedAt { get; set; }
}
