using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Renkei.Audit;
using Renkei.Identity;

namespace Renkei.Web.Pages.Profile;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238): scan the QR code, confirm one
/// code, keep the recovery codes. Required for admins unless configured otherwise.
/// </summary>
public sealed class TwoFactorModel(UserManager<RenkeiUser> users, SignInManager<RenkeiUser> signIn, AuditTrail audit) : RenkeiPageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "TwoFactor.CodeFormat")]
        [Display(Name = "TwoFactor.Code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentUserAsync();
        return user is null ? NotFound() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }
        if (!await CodeIsRightAsync(user))
        {
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await audit.RecordAsync("two_factor_enabled", "users", user.Id.ToString("D"));
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }
        // Turning protection off needs the second factor too, not just a session.
        if (!await CodeIsRightAsync(user))
        {
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync("two_factor_disabled", "users", user.Id.ToString("D"));
        await signIn.RefreshSignInAsync(user);
        Flash = L["TwoFactor.Disabled"];
        return Redirect("/Profile");
    }

    /// <summary>Whether the posted code is a current code of the user's authenticator (errors go on the form).</summary>
    private async Task<bool> CodeIsRightAsync(RenkeiUser user)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }
        ModelState.AddModelError("Input.Code", L["TwoFactor.WrongCode"]);
        return false;
    }

    private async Task<RenkeiUser?> CurrentUserAsync() => await users.FindByIdAsync(Caller.UserId.ToString("D"));

    private async Task<IActionResult> ShowAsync(RenkeiUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
            SharedKey = Group(key!);
            var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
                Uri.EscapeDataString("Renkei"), Uri.EscapeDataString(user.Email ?? ""), key);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(5);
        }
        return Page();
    }

    private static string Group(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
}
