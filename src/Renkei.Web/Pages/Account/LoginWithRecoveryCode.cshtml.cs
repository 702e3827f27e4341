using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

public sealed class LoginWithRecoveryCodeModel(SignInManager<RenkeiUser> signIn, SignInEvents events) : SecondFactorPageModel(signIn, events)
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "TwoFactor.RecoveryCode")]
        public string Code { get; set; } = "";
    }

    protected override string EnteredCode => Input.Code;

    protected override string Method => "recovery_code";

    protected override string WrongCodeKey => "TwoFactor.WrongRecoveryCode";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> CheckAsync(string code) => SignIn.TwoFactorRecoveryCodeSignInAsync(code);
}
