using Renkei.Access;

namespace Renkei.Notices;

/// <summary>
/// A notice (お知らせ) from one organisation to an audience: meeting calls, contact-list
/// requests, document circulation. The simplest shareable record, labelled with TLP and
/// addressed to an audience like every shareable record.
/// </summary>
public sealed class Notice : IShareable
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public Tlp Tlp { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public Guid AudienceId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public Audience? Audience { get; set; }
}
