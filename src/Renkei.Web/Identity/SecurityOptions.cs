namespace Renkei.Web.Identity;

/// <summary>Who must use two-factor sign-in (Renkei:Security:RequireTwoFactorFor).</summary>
public enum TwoFactorRequirement
{
    None,
    /// <summary>Users with the admin role in any organisation (the default).</summary>
    Admins,
    All,
}

public sealed class SecurityOptions
{
    public TwoFactorRequirement RequireTwoFactorFor { get; set; } = TwoFactorRequirement.Admins;
}
