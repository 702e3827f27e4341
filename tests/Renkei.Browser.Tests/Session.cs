using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Browser.Tests;

/// <summary>Signing in through the real pages, as a person would.</summary>
public static class Session
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
    }

    /// <summary>A platform administrator with two-factor sign-in already set up; returns its authenticator key.</summary>
    public static async Task<(RenkeiUser User, string Key)> AdminWithAuthenticatorAsync(BrowserApp app)
    {
        var nisc = await app.Data.ReferenceOrganisationAsync("nisc");
        var user = await app.Data.UserAsync(nisc.Id, Role.Admin);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RenkeiUser>>();
        var tracked = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(tracked);
        var key = (await users.GetAuthenticatorKeyAsync(tracked))!;
        await users.SetTwoFactorEnabledAsync(tracked, true);
        return (tracked, key);
    }

    public static async Task SignInWithCodeAsync(IPage page, string email, string key)
    {
        await SignInAsync(page, email, TestData.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await page.GetByLabel("認証コード（6桁）").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/"));
    }
}
