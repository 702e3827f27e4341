using System.ComponentModel.DataAnnotations;

namespace Renkei.Directory;

/// <summary>The editable fields of a point of contact.</summary>
public sealed record ContactInput
{
    [Required(ErrorMessage = "is required")]
    public ContactPriority? Priority { get; init; }

    [Required(ErrorMessage = "is required")]
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    [MaxLength(254, ErrorMessage = "must be at most 254 characters")]
    [EmailAddress(ErrorMessage = "must be an e-mail address")]
    public string Email { get; init; } = "";

    [MaxLength(40, ErrorMessage = "must be at most 40 characters")]
    [RegularExpression(@"^\+?[0-9 ()\-]{6,40}$", ErrorMessage = "must be a phone number (digits, spaces, hyphens, parentheses, optional leading +)")]
    public string? Phone { get; init; }

    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? Hours { get; init; }

    /// <summary>The version the edit is based on; required when updating.</summary>
    public int? Version { get; init; }

    public ContactInput Normalised() => this with
    {
        Name = Name?.Trim() ?? "",
        Email = Email?.Trim() ?? "",
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        Hours = string.IsNullOrWhiteSpace(Hours) ? null : Hours.Trim(),
    };
}
