using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Renkei.Identity;
using Renkei.Testing;

namespace Renkei.Web.Tests.Identity;

/// <summary>The sign-in form as a browser posts it (antiforgery token, cookies).</summary>
public abstract class SignInPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private HttpClient Browser() => app.Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__af"] = token,
        }));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var org = await app.Data.OrganisationAsync();
        var user = await app.Data.UserAsync(org.Id, Role.Viewer);
        var client = Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PostLoginAsync(client, user.Email!, "not the password at all");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain(i < 4 ? "メールアドレスまたはパスワードが正しくありません。" : "ロックされています");
        }
        var right = await PostLoginAsync(client, user.Email!, TestData.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "no redirect: the account is locked");
        (await right.Content.ReadAsStringAsync()).ShouldContain("ロックされています");

        var trail = await app.Admin().GetStringAsync($"/api/v1/audit?action=sign_in_failed&resourceId={user.Id}");
        trail.ShouldContain("locked_out");
    }

    [Fact]
    public async Task RightPassword_SignsIn_AndDeactivatedAccountCannot()
    {
        var (_, user, _) = await app.Data.MemberAsync(roles: Role.Viewer);
        var client = Browser();
        var ok = await PostLoginAsync(client, user.Email!, TestData.Password);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldBe("/");
        (await client.GetAsync("/Directory")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.Admin().DeleteAsync($"/api/v1/users/{user.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await client.GetAsync("/Directory");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a deactivated account's session ends at once");
        var again = await PostLoginAsync(Browser(), user.Email!, TestData.Password);
        (await again.Content.ReadAsStringAsync()).ShouldContain("無効化されています");
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await Browser().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.jp", ["Input.Password"] = "y" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReturnUrl_ToAnotherSite_IsIgnored()
    {
        var (_, user, _) = await app.Data.MemberAsync(roles: Role.Viewer);
        var client = Browser();
        var form = await client.GetStringAsync("/Account/Login?ReturnUrl=https://evil.example/");
        var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = TestData.Password,
            ["ReturnUrl"] = "https://evil.example/",
            ["__af"] = token,
        }));
        response.Headers.Location!.ToString().ShouldBe("/");
    }
}

public sealed class SignInPageTests_Sqlite(SqliteApp app) : SignInPageTests<SqliteApp>(app);

public sealed class SignInPageTests_Postgres(PostgresApp app) : SignInPageTests<PostgresApp>(app);
