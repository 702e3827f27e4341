using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Identity;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages;

/// <summary>The language switch: remembered in a cookie, and on the profile of a signed-in user.</summary>
public sealed class LanguageModel(UserManager<RenkeiUser> users) : RenkeiPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var chosen = StringCatalog.Languages.Contains(language) ? language! : "ja";
        LocalisationSetup.Remember(Response, chosen);
        if (HttpContext.RequestServices.GetRequiredService<RequestCaller>().Caller is { } caller
            && await users.FindByIdAsync(caller.UserId.ToString("D")) is { } user && user.PreferredLanguage != chosen)
        {
            user.PreferredLanguage = chosen;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(SafeReturn(returnUrl));
    }
}
