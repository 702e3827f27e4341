using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Renkei.Identity;

namespace Renkei.Web.Identity;

/// <summary>Accepts <c>Authorization: Bearer &lt;token&gt;</c> with a personal API token.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        var token = await tokens.ValidateAsync(secret, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        }
        return AuthenticateResult.Success(Ticket(token, SchemeName));
    }

    /// <summary>The signed-in principal for a valid API token, whichever header carried it.</summary>
    internal static AuthenticationTicket Ticket(ApiToken token, string scheme)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString("D")),
                new Claim(ClaimTypes.Name, token.User!.Email ?? ""),
                new Claim("renkei:token", token.Id.ToString("D")),
            ],
            scheme);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), scheme);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return AuthenticationSetup.ChallengeAsync(Context, "The API token is unknown, expired or revoked.");
    }
}
