using System.ComponentModel.DataAnnotations;
using Renkei.Access;

namespace Renkei.Notices;

public sealed record NoticeInput
{
    [Required(ErrorMessage = "is required"), MaxLength(300, ErrorMessage = "must be at most 300 characters")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(20000, ErrorMessage = "must be at most 20,000 characters")]
    public string Body { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    public Tlp? Tlp { get; init; }

    public IReadOnlyList<AudienceEntry>? Audience { get; init; }

    /// <summary>The version the edit is based on; required when updating.</summary>
    public int? Version { get; init; }
}

public sealed record NoticeView(
    Guid Id, string Title, string Body, Tlp Tlp,
    Guid OwnerOrganisationId, string OwnerNameJa, string OwnerNameEn,
    Guid CreatedByUserId,
    IReadOnlyList<AudienceEntryView> Audience,
    DateTime CreatedAt, DateTime UpdatedAt, int Version);

public sealed record NoticeSummary(Guid Id, string Title, Tlp Tlp, Guid OwnerOrganisationId, string OwnerNameJa, string OwnerNameEn, DateTime CreatedAt);
