using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

/// <summary>Change one's own password; required after an admin reset or a generated first password.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<RenkeiUser> users, SignInManager<RenkeiUser> signIn) : RenkeiPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Required => Caller.MustChangePassword;

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.Current")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Password.New")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "Password.Mismatch")]
        [Display(Name = "Password.Confirm")]
        public string Confirm { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(Caller.UserId.ToString("D"));
        if (user is null)
        {
            return NotFound();
        }
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", error.Description);
            }
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // The security stamp changed: renew this session's cookie so it is not signed out.
        await signIn.RefreshSignInAsync(user);
        Flash = L["Password.Changed"];
        return LocalRedirect(SafeReturn(ReturnUrl));
    }
}
