using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Audit;
using Renkei.Identity;

namespace Renkei.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<RenkeiUser> signIn, AuditTrail audit) : RenkeiPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync("sign_out", "users", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("./Login");
    }
}
