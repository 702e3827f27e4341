using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Renkei.Identity;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Identity;

/// <summary>
/// Before anything else in the UI, a signed-in user whose password must change is sent to change
/// it, and a user who must use two-factor sign-in but has not set it up is sent to set it up.
/// API tokens are not affected: they are separate credentials, issued after those steps.
/// </summary>
public sealed class AccountGuardMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private static readonly string[] Open = ["/Account", "/Language", "/css", "/js", "/healthz", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context, RequestCaller requestCaller)
    {
        var caller = requestCaller.Caller;
        if (caller is null || context.User.Identity?.AuthenticationType != IdentityConstants.ApplicationScheme
            || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }
        string? target = null;
        if (caller.MustChangePassword)
        {
            target = "/Account/ChangePassword";
        }
        else if (!caller.TwoFactorEnabled && TwoFactorRequired(caller)
            && !context.Request.Path.StartsWithSegments("/Profile/TwoFactor", StringComparison.OrdinalIgnoreCase))
        {
            target = "/Profile/TwoFactor";
        }
        if (target is null)
        {
            return next(context);
        }
        if (Paths.IsMachine(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Results.Problem(statusCode: 403, title: "Account setup required",
                detail: caller.MustChangePassword ? "Change your password in the web UI first." : "Set up two-factor sign-in in the web UI first.").ExecuteAsync(context);
        }
        context.Response.Redirect(target + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }

    private bool TwoFactorRequired(Access.Caller caller) => options.Value.RequireTwoFactorFor switch
    {
        TwoFactorRequirement.All => true,
        TwoFactorRequirement.Admins => caller.Has(Role.Admin),
        _ => false,
    };
}
