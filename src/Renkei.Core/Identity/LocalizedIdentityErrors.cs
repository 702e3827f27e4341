using Microsoft.AspNetCore.Identity;
using Renkei.Common;

namespace Renkei.Identity;

/// <summary>Identity's account and password errors, in the caller's language.</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "An unknown failure has occurred.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "The record was changed by someone else. Reload it and apply your change again.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "The password is incorrect.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "The code is invalid or has expired.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "The recovery code is invalid or was already used.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "'{0}' cannot be used as a sign-in name.", userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "'{0}' is not a valid e-mail address.", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "A user with the e-mail address {0} already exists.", userName);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "A user with the e-mail address {0} already exists.", email);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "The user already has a password.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Lockout is not enabled for this user.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "The user already has the role {0}.", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "The user does not have the role {0}.", role);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "The password must be at least {0} characters long.", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "The password must use at least {0} different characters.", uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "The password must contain a symbol.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "The password must contain a digit.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "The password must contain a lower-case letter.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "The password must contain an upper-case letter.");

    private static IdentityError Error(string code, string english, params object?[] args) => new() { Code = code, Description = Text.T(english, args) };
}
