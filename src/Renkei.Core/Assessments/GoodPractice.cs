using Renkei.Storage;

namespace Renkei.Assessments;

[StoredAsText(20)]
public enum GoodPracticeState
{
    Proposed,
    Consented,
    Declined,
}

/// <summary>
/// An answer a reviewer (the campaign owner) proposes as a good practice, in words the reviewer
/// anonymised. It is listed to the national centre and the ministries — with the sector, never
/// the organisation — only once the answering organisation consents; it feeds the next guideline
/// revision.
/// </summary>
public sealed class AssessmentGoodPractice
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ResponseId { get; set; }

    /// <summary>The answering organisation: it alone decides; never shown in the published list.</summary>
    public Guid OrganisationId { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>The response's sector, the only trace of who answered that the list shows.</summary>
    public string? SectorCode { get; set; }

    /// <summary>The practice as the reviewer wrote it, without names, places or anything identifying.</summary>
    public required string Text { get; set; }
    public GoodPracticeState State { get; set; }
    public int Version { get; set; }
    public DateTime ProposedAt { get; set; }
    public Guid ProposedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
}
