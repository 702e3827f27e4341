using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Renkei.Identity;

namespace Renkei.Web.Identity;

/// <summary>Identity's sign-in, refusing deactivated accounts.</summary>
public sealed class RenkeiSignInManager(
    UserManager<RenkeiUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<RenkeiUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<RenkeiUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<RenkeiUser> confirmation)
    : SignInManager<RenkeiUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(RenkeiUser user) =>
        user.DeactivatedAt is null && await base.CanSignInAsync(user);
}
