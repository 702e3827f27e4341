using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Identity;
using Renkei.Storage;
using Renkei.Testing;

namespace Renkei.Web.Tests.Identity;

public abstract class UserAndTokenApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    [Fact]
    public async Task Bootstrap_AdminTokenWorks_AndAdminIsPlatformAdmin()
    {
        var me = await app.Admin().GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("email").GetString().ShouldBe(RenkeiApp.AdminEmail);
        me.GetProperty("platformAdmin").GetBoolean().ShouldBeTrue();
        me.GetProperty("organisation").GetProperty("code").GetString().ShouldBe("nisc");
    }

    [Fact]
    public async Task Bootstrap_RunAgain_ChangesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
        var users = await db.Users.CountAsync();
        var tokens = await db.ApiTokens.CountAsync();
        var hash = (await db.Users.SingleAsync(u => u.Email == RenkeiApp.AdminEmail)).PasswordHash;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RENKEI_ADMIN_EMAIL"] = RenkeiApp.AdminEmail,
            ["RENKEI_ADMIN_PASSWORD"] = "a different password entirely",
            ["RENKEI_ADMIN_TOKEN"] = RenkeiApp.AdminToken,
        }).Build();
        var console = new StringWriter();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync(configuration, console);

        (await db.Users.CountAsync()).ShouldBe(users);
        (await db.ApiTokens.CountAsync()).ShouldBe(tokens);
        (await db.Users.AsNoTracking().SingleAsync(u => u.Email == RenkeiApp.AdminEmail)).PasswordHash.ShouldBe(hash);
        console.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Bootstrap_WithoutPassword_GeneratesOnePrintedOnce()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = $"boot{Guid.NewGuid():N}"[..16] + "@renkei.test";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RENKEI_ADMIN_EMAIL"] = email }).Build();
        var console = new StringWriter();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync(configuration, console);
        var printed = console.ToString();
        var password = printed.Split("password: ", 2)[1].Split('\n')[0].Trim();
        password.Length.ShouldBe(20);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RenkeiUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        (await users.CheckPasswordAsync(user, password)).ShouldBeTrue();
        user.MustChangePassword.ShouldBeTrue();

        var again = new StringWriter();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync(configuration, again);
        again.ToString().ShouldBeEmpty("the password is printed once, when the account is created");
    }

    [Fact]
    public async Task User_CreateWithGeneratedPassword_UpdateRoles_Reset_Deactivate()
    {
        var (client, _, org) = await app.OperatorAsync("railways", null, Role.Admin);
        var created = await client.PostAsJsonAsync("/api/v1/users", new { email = "ops@rail.example.jp", displayName = "運行管理 太郎", organisationId = org.Id, roles = new[] { "reporter", "viewer" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("user").GetProperty("id").GetGuid();
        body.GetProperty("temporaryPassword").GetString()!.Length.ShouldBe(20);
        body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();

        (await client.PostAsJsonAsync("/api/v1/users", new { email = "OPS@rail.example.jp", displayName = "dup", organisationId = org.Id, roles = new[] { "viewer" } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var patched = await client.PatchAsJsonAsync($"/api/v1/users/{id}", new { roles = new[] { "analyst" }, preferredLanguage = "en" });
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await patched.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["analyst"]);
        view.GetProperty("displayName").GetString().ShouldBe("運行管理 太郎");

        // An organisation admin cannot move users elsewhere.
        var nisc = await app.Data.ReferenceOrganisationAsync("nisc");
        (await client.PatchAsJsonAsync($"/api/v1/users/{id}", new { organisationId = nisc.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var reset = await client.PostAsJsonAsync($"/api/v1/users/{id}/reset", new { resetTwoFactor = true });
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var newPassword = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("temporaryPassword").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RenkeiUser>>();
            (await users.CheckPasswordAsync((await users.FindByIdAsync(id.ToString()))!, newPassword)).ShouldBeTrue();
        }

        (await client.DeleteAsync($"/api/v1/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var deactivated = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        deactivated.GetProperty("deactivatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await client.PostAsync($"/api/v1/users/{id}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task User_CannotDeactivateSelf_OrLastPlatformAdminLosesAdmin()
    {
        var (client, caller, _) = await app.OperatorAsync("ports", null, Role.Admin);
        (await client.DeleteAsync($"/api/v1/users/{caller.UserId}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Tokens_IssueUseListRevoke()
    {
        var (client, _, _) = await app.OperatorAsync("credit", null, Role.Viewer);
        var issued = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "SIEM 連携", expiresInDays = 30 });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        secret.ShouldStartWith("rk_");
        var id = body.GetProperty("token").GetProperty("id").GetGuid();

        var second = app.WithToken(secret);
        (await second.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await second.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        list.EnumerateArray().Any(t => t.TryGetProperty("secret", out _)).ShouldBeFalse("a token list never shows secrets");
        list.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id).GetProperty("prefix").GetString().ShouldBe(secret[..10]);

        (await client.DeleteAsync($"/api/v1/me/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await second.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_StoredOnlyAsHash_AndExpiredOrDeactivatedStopWorking()
    {
        var (client, caller, org) = await app.OperatorAsync("petroleum", null, Role.Admin);
        var issued = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "short" });
        var secret = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RenkeiDbContext>();
            var token = await db.ApiTokens.SingleAsync(t => t.SecretHash == ApiTokenService.Hash(secret));
            token.SecretHash.ShouldNotContain(secret);
            token.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        (await app.WithToken(secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (colleague, colleagueCaller) = await app.ClientAsync(org.Id, Role.Viewer);
        (await colleague.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync($"/api/v1/users/{colleagueCaller.UserId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await colleague.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "deactivation revokes tokens at once");
        _ = caller;
    }

    [Fact]
    public async Task Tokens_GarbageOrUnknown_401()
    {
        (await app.WithToken("rk_nonsense").GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithToken(new string('x', 5000)).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Password_PolicyRefusesWeakPasswords_WithFieldErrors()
    {
        var org = await app.Data.OrganisationAsync();
        var response = await app.Admin().PostAsJsonAsync("/api/v1/users", new { email = "weak@example.jp", displayName = "Weak", organisationId = org.Id, roles = new[] { "viewer" }, password = "short" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("password")[0].GetString()!.ShouldContain("12");
        var common = await app.Admin().PostAsJsonAsync("/api/v1/users", new { email = "common@example.jp", displayName = "Common", organisationId = org.Id, roles = new[] { "viewer" }, password = "password1234" });
        (await common.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password")[0].GetString()!.ShouldContain("common");
    }
}

public sealed class UserAndTokenApiTests_Sqlite(SqliteApp app) : UserAndTokenApiTests<SqliteApp>(app);

public sealed class UserAndTokenApiTests_Postgres(PostgresApp app) : UserAndTokenApiTests<PostgresApp>(app);
