using Microsoft.AspNetCore.Identity;

namespace Renkei.Identity;

/// <summary>Password, lockout and account rules, shared by the web host and the CLI.</summary>
/// <remarks>
/// Length over composition (NIST SP 800-63B): at least 12 characters, not a common password, not
/// the e-mail address. Five wrong passwords lock the account for 15 minutes, which stops online
/// guessing without letting anyone lock a colleague out for long.
/// </remarks>
public static class IdentityPolicy
{
    public const int MinimumPasswordLength = 12;

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
        options.SignIn.RequireConfirmedAccount = false;
        options.SignIn.RequireConfirmedEmail = false;
    }
}
