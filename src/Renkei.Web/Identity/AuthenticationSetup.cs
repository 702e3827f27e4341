using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Web.Identity;

public static class AuthenticationSetup
{
    /// <summary>Chooses the API token handler for Bearer requests and the Identity cookie otherwise.</summary>
    public const string PolicyScheme = "Renkei";

    public static IServiceCollection AddRenkeiAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection("Renkei:Security")).ValidateOnStart();
        services.AddIdentity<RenkeiUser, IdentityRole<Guid>>(IdentityPolicy.Configure)
            .AddEntityFrameworkStores<RenkeiDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager<RenkeiSignInManager>();
        // A password reset, deactivation or move re-stamps the account; sessions notice within a minute
        // (and CallerMiddleware refuses deactivated accounts on the very next request).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "renkei.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = context => Respond(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Respond(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultAuthenticateScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
                o.DefaultForbidScheme = PolicyScheme;
            })
            .AddPolicyScheme(PolicyScheme, "Session cookie or API token", o =>
                o.ForwardDefaultSelector = context =>
                {
                    var authorization = context.Request.Headers.Authorization.ToString();
                    if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    {
                        return ApiTokenAuthenticationHandler.SchemeName;
                    }
                    // Basic (e-mail + API token) is for TAXII clients, which cannot send Bearer tokens.
                    if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || Renkei.Web.Taxii.TaxiiPaths.Is(context.Request.Path))
                    {
                        return BasicTokenAuthenticationHandler.SchemeName;
                    }
                    return IdentityConstants.ApplicationScheme;
                })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, BasicTokenAuthenticationHandler>(BasicTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Deny by default: an endpoint someone forgot to mark still requires a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>A 401 for a machine: a TAXII error resource under /taxii2/ (what TAXII clients read), problem details elsewhere.</summary>
    public static Task ChallengeAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (Renkei.Web.Taxii.TaxiiPaths.Is(context.Request.Path))
        {
            return Renkei.Web.Taxii.TaxiiMedia.WriteErrorAsync(context, 401, "Unauthorized", detail);
        }
        return Results.Problem(
            statusCode: 401,
            title: "Unauthorized",
            detail: detail,
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.2").ExecuteAsync(context);
    }

    /// <summary>Machines get problem details; people get the sign-in page.</summary>
    private static Task Respond(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (Renkei.Web.Infrastructure.Paths.IsMachine(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Results.Problem(
                statusCode: status,
                title: status == 401 ? "Unauthorized" : "Forbidden",
                detail: status == 401 ? "Sign in, or send an API token as 'Authorization: Bearer <token>'." : "You may not do this.").ExecuteAsync(context.HttpContext);
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
