using System.ComponentModel.DataAnnotations;

namespace Renkei.Identity;

/// <summary>A new user account.</summary>
public sealed record UserInput
{
    [Required(ErrorMessage = "is required")]
    [MaxLength(254, ErrorMessage = "must be at most 254 characters")]
    [EmailAddress(ErrorMessage = "must be an e-mail address")]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string DisplayName { get; init; } = "";

    [Required(ErrorMessage = "is required")]
    public Guid? OrganisationId { get; init; }

    [Required(ErrorMessage = "is required")]
    [MinLength(1, ErrorMessage = "must name at least one role")]
    public IReadOnlyList<Role>? Roles { get; init; }

    [RegularExpression("^(ja|en)$", ErrorMessage = "must be 'ja' or 'en'")]
    public string? PreferredLanguage { get; init; }

    /// <summary>Optional initial password; when absent a one-time password is generated and returned once.</summary>
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    public string? Password { get; init; }
}

/// <summary>Changes to an existing user account; absent fields stay as they are.</summary>
public sealed record UserUpdate
{
    [MaxLength(200, ErrorMessage = "must be at most 200 characters")]
    [MinLength(1, ErrorMessage = "must not be empty")]
    public string? DisplayName { get; init; }

    [MinLength(1, ErrorMessage = "must name at least one role")]
    public IReadOnlyList<Role>? Roles { get; init; }

    [RegularExpression("^(ja|en)$", ErrorMessage = "must be 'ja' or 'en'")]
    public string? PreferredLanguage { get; init; }

    /// <summary>Moves the user to another organisation (platform administrators only).</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The concurrency stamp the edit is based on; when sent, a stale edit is refused.</summary>
    public string? ConcurrencyStamp { get; init; }
}
