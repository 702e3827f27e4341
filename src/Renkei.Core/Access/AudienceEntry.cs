using System.ComponentModel.DataAnnotations;

namespace Renkei.Access;

/// <summary>One entry of an audience as clients send it.</summary>
/// <remarks>Key: a code for sectors, scopes, CEPTOARs and communities; an id for organisations; an id or e-mail address for users; empty for all CI.</remarks>
public sealed record AudienceEntry
{
    [Required(ErrorMessage = "is required")]
    public AudienceKind? Kind { get; init; }

    [MaxLength(254, ErrorMessage = "must be at most 254 characters")]
    public string? Key { get; init; }
}

/// <summary>An audience entry with its display names, as the API and UI show it.</summary>
public sealed record AudienceEntryView(AudienceKind Kind, string Key, string NameJa, string NameEn);
