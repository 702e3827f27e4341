namespace Renkei.Directory;

[Storage.StoredAsText(20)]
public enum ContactPriority
{
    Primary,
    Secondary,
}

/// <summary>
/// An address advisories, escalations and the hotline use to reach an organisation (窓口).
/// </summary>
public sealed class PointOfContact
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public ContactPriority Priority { get; set; }

    /// <summary>Person or desk, e.g. "情報セキュリティ室 当番".</summary>
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>When the contact answers, free text ("24時間365日", "平日 9:00–17:45").</summary>
    public string? Hours { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public Organisation? Organisation { get; set; }
}
