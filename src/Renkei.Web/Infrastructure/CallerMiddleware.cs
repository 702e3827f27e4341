using System.Security.Claims;
using Renkei.Access;
using Renkei.Audit;

namespace Renkei.Web.Infrastructure;

/// <summary>
/// Loads the caller of each authenticated request from the database and names them in the
/// audit trail. A principal whose account was deactivated (or deleted) since its cookie or token
/// was issued becomes anonymous here, so authorization refuses it on this very request.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, RequestCaller requestCaller, CallerLoader loader, AuditScope audit)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        audit.Actor = new AuditActor(null, "anonymous", null, remote);
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var caller = await loader.LoadAsync(userId, context.RequestAborted);
            if (caller is null)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                requestCaller.Caller = caller;
                audit.Actor = new AuditActor(caller.UserId, caller.Email, caller.OrganisationId, remote);
            }
        }
        await next(context);
    }
}
