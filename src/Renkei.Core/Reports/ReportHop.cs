namespace Renkei.Reports;

/// <summary>
/// One hop of the route: an organisation that receives the report, and what it did with it.
/// An organisation may read a report once a hop addressed to it has received it.
/// </summary>
public sealed class ReportHop
{
    public Guid ReportId { get; set; }
    public int Ordinal { get; set; }
    public Guid RecipientOrganisationId { get; set; }
    public HopRole Role { get; set; }

    /// <summary>
    /// Whether this hop's organisation may know who reported, as the route rules decided when the
    /// hop was planned (or, for a referral, when it was made).
    /// </summary>
    public bool ReporterDisclosed { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public DateTime? ForwardedAt { get; set; }
    public Guid? ForwardedByUserId { get; set; }

    /// <summary>What this hop adds for the next (for example a ministry's assessment).</summary>
    public string? Annotation { get; set; }
}
