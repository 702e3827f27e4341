using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<RenkeiUser> signIn, SignInEvents events) : SecondFactorPageModel(signIn, events)
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "TwoFactor.CodeFormat")]
        [Display(Name = "TwoFactor.Code")]
        public string Code { get; set; } = "";
    }

    protected override string EnteredCode => Input.Code;

    protected override string Method => "totp";

    protected override string WrongCodeKey => "TwoFactor.WrongCode";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> CheckAsync(string code) =>
        SignIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
}
