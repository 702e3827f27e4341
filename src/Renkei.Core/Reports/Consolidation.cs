namespace Renkei.Reports;

/// <summary>A question from a desk or an answer from the reporting side, on one report.</summary>
public sealed class ReportMessage
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public Guid AuthorOrganisationId { get; set; }
    public Guid AuthorUserId { get; set; }

    /// <summary>Written by the relaying secretariat or agency for the anonymised reporter.</summary>
    public bool OnBehalfOfReporter { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

[Storage.StoredAsText(20)]
public enum IncidentState
{
    Open,
    Closed,
}

/// <summary>
/// An incident (事案): reports from several organisations or sectors that desks found to be one
/// event, with its own timeline.
/// </summary>
public sealed class Incident
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public IncidentState State { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<IncidentReport> Reports { get; set; } = [];
}

public sealed class IncidentReport
{
    public Guid IncidentId { get; set; }
    public Guid ReportId { get; set; }
    public DateTime LinkedAt { get; set; }
    public Guid LinkedByUserId { get; set; }
}
