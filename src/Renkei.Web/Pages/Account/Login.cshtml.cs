using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

public sealed class LoginModel(SignInManager<RenkeiUser> signIn, UserManager<RenkeiUser> users, SignInEvents events) : RenkeiPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Login.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturn(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var result = await signIn.PasswordSignInAsync(user?.UserName ?? email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await events.SucceededAsync(user!, "password");
            return LocalRedirect(SafeReturn(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }
        await events.FailedAsync(email, user, result, "password");
        ModelState.AddModelError("", result.IsLockedOut ? L["Login.LockedOut"] : result.IsNotAllowed ? L["Login.NotAllowed"] : L["Login.Failed"]);
        return Page();
    }
}
