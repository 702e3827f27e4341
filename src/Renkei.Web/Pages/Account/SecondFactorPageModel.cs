using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

/// <summary>
/// The second step of a sign-in, after the password: an authenticator code or a recovery code.
/// Both pages share the flow (no pending sign-in → back to the login page; each attempt is a
/// sign-in event with its method); they differ only in how the code is checked.
/// </summary>
public abstract class SecondFactorPageModel(SignInManager<RenkeiUser> signIn, SignInEvents events) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected new SignInManager<RenkeiUser> SignIn => signIn;

    /// <summary>The code as typed, without the spaces people put in it.</summary>
    protected abstract string EnteredCode { get; }

    /// <summary>The method recorded in the sign-in events, e.g. <c>totp</c>.</summary>
    protected abstract string Method { get; }

    /// <summary>The message key shown for a wrong code.</summary>
    protected abstract string WrongCodeKey { get; }

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> CheckAsync(string code);

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await CheckAsync(EnteredCode.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            await events.SucceededAsync(user, "password+" + Method);
            return LocalRedirect(SafeReturn(ReturnUrl));
        }
        await events.FailedAsync(user.Email ?? "", user, result, Method);
        ModelState.AddModelError("", result.IsLockedOut ? L["Login.LockedOut"] : L[WrongCodeKey]);
        return Page();
    }
}
