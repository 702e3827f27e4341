using Microsoft.AspNetCore.Identity;
using Renkei.Directory;

namespace Renkei.Identity;

/// <summary>A person who signs in. Every user acts for exactly one organisation.</summary>
public sealed class RenkeiUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>"ja" or "en"; the UI language chosen on the profile page, restored at sign-in.</summary>
    public string PreferredLanguage { get; set; } = "ja";

    /// <summary>Set by an admin reset or a first sign-in: the next page is the password change.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A deactivated user cannot sign in and their tokens stop working; their records stay.</summary>
    public DateTime? DeactivatedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public Organisation? Organisation { get; set; }
}
