namespace Renkei.Identity;

/// <summary>A user account as administrators and colleagues see it (never the password hash or 2FA secrets).</summary>
public sealed record UserView(
    Guid Id,
    string Email,
    string DisplayName,
    Guid OrganisationId,
    string OrganisationNameJa,
    string OrganisationNameEn,
    IReadOnlyList<Role> Roles,
    string PreferredLanguage,
    bool TwoFactorEnabled,
    bool LockedOut,
    bool MustChangePassword,
    DateTime? DeactivatedAt,
    DateTime CreatedAt,
    string? ConcurrencyStamp);

/// <summary>A user account with the one-time password to hand over, when one was generated.</summary>
public sealed record CreatedUser(UserView User, string? TemporaryPassword);
