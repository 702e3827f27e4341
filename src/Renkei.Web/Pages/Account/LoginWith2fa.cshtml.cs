using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<RenkeiUser> signIn, SignInEvents events) : RenkeiPageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "TwoFactor.CodeFormat")]
        [Display(Name = "TwoFactor.Code")]
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
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await events.SucceededAsync(user, "password+totp");
            return LocalRedirect(SafeReturn(ReturnUrl));
        }
        await events.FailedAsync(user.Email ?? "", user, result, "totp");
        ModelState.AddModelError("", result.IsLockedOut ? L["Login.LockedOut"] : L["TwoFactor.WrongCode"]);
        return Page();
    }
}
