using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

public sealed class LoginWithRecoveryCodeModel(SignInManager<RenkeiUser> signIn, SignInEvents events) : RenkeiPageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "TwoFactor.RecoveryCode")]
        public string Code { get; set; } = "";
    }

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
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            await events.SucceededAsync(user, "password+recovery_code");
            return LocalRedirect(SafeReturn(ReturnUrl));
        }
        await events.FailedAsync(user.Email ?? "", user, result, "recovery_code");
        ModelState.AddModelError("", result.IsLockedOut ? L["Login.LockedOut"] : L["TwoFactor.WrongRecoveryCode"]);
        return Page();
    }
}
