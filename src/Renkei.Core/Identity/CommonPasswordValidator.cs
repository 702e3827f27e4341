using Microsoft.AspNetCore.Identity;
using Renkei.Common;

namespace Renkei.Identity;

/// <summary>Refuses passwords that contain the user's e-mail name or are on a list of the most common ones.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<RenkeiUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "password1234", "passwordpassword", "qwertyuiopas", "111111111111", "000000000000",
        "abcdefghijkl", "administrator", "iloveyou1234", "changeme1234", "welcome12345", "letmein12345",
        "p@ssw0rd1234", "password123!", "qwerty123456", "1q2w3e4r5t6y", "renkeirenkei", "nisc12345678",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<RenkeiUser> manager, RenkeiUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (Common.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Text.T("The password is one of the most common passwords.") }));
        }
        var local = (user.Email ?? "").Split('@')[0];
        if (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = Text.T("The password must not contain the e-mail address.") }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
