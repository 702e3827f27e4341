using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Renkei.Identity;

namespace Renkei.Web.Identity;

/// <summary>
/// Accepts <c>Authorization: Basic</c> with the user's e-mail address and a personal API token
/// as the password — what TAXII clients send. Never the account password: a token can be scoped
/// in time and revoked without touching the person's sign-in.
/// </summary>
public sealed class BasicTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BasicToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The Basic credentials are not base64.");
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("The Basic credentials are not 'e-mail:token'.");
        }
        var email = decoded[..colon];
        var token = await tokens.ValidateAsync(decoded[(colon + 1)..], Context.RequestAborted);
        // The token alone identifies the user; the e-mail must name the same user, so a token
        // leaked together with the wrong address does not pass for someone else's.
        if (token is null || !string.Equals(token.User?.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The e-mail address and API token do not match an active token.");
        }
        return AuthenticateResult.Success(ApiTokenAuthenticationHandler.Ticket(token, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"Renkei\", charset=\"UTF-8\"";
        return AuthenticationSetup.ChallengeAsync(Context, "The e-mail address and API token do not match an active token.");
    }
}
