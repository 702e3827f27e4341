using Microsoft.AspNetCore.Identity;
using Renkei.Audit;
using Renkei.Identity;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Account;

/// <summary>What every successful or failed sign-in does besides signing in: audit, language.</summary>
public sealed class SignInEvents(AuditScope scope, AuditTrail audit, IHttpContextAccessor http, UserManager<RenkeiUser> users)
{
    public async Task SucceededAsync(RenkeiUser user, string method)
    {
        scope.Actor = scope.Actor with { UserId = user.Id, Label = user.Email ?? "", OrganisationId = user.OrganisationId };
        await audit.RecordAsync("sign_in", "users", user.Id.ToString("D"), new { method });
        // The latest explicit choice wins: a language picked on the sign-in page is saved to the
        // profile; otherwise the profile's language follows the user to this browser.
        if (http.HttpContext is { } context)
        {
            var chosen = LocalisationSetup.ChosenLanguage(context.Request);
            if (chosen is not null && chosen != user.PreferredLanguage)
            {
                user.PreferredLanguage = chosen;
                await users.UpdateAsync(user);
            }
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
