using Microsoft.AspNetCore.Identity;
using Renkei.Audit;
using Renkei.Identity;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Account;

/// <summary>What every successful or failed sign-in does besides signing in: audit, language.</summary>
public sealed class SignInEvents(AuditScope scope, AuditTrail audit, IHttpContextAccessor http)
{
    public async Task SucceededAsync(RenkeiUser user, string method)
    {
        scope.Actor = scope.Actor with { UserId = user.Id, Label = user.Email ?? "", OrganisationId = user.OrganisationId };
        await audit.RecordAsync("sign_in", "users", user.Id.ToString("D"), new { method });
        // The language chosen on the profile follows the user to any browser.
        if (http.HttpContext is { } context)
        {
            LocalisationSetup.Remember(context.Response, user.PreferredLanguage);
        }
    }

    public Task FailedAsync(string email, RenkeiUser? user, SignInResult result, string method)
    {
        if (user is not null)
        {
            scope.Actor = scope.Actor with { UserId = user.Id, Label = user.Email ?? email, OrganisationId = user.OrganisationId };
        }
        var reason = result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "not_allowed" : "wrong_credentials";
        return audit.RecordAsync("sign_in_failed", "users", user?.Id.ToString("D"), new { method, reason, email = user is null ? email : null });
    }
}
