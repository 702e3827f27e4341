using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Access;
using Renkei.Common;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages;

/// <summary>Base of the signed-in pages: the caller, and feature problems shown on the form.</summary>
public abstract class RenkeiPageModel : PageModel
{
    private Caller? _caller;

    protected Microsoft.Extensions.Localization.IStringLocalizer L =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();

    /// <summary>The signed-in caller (pages are authorized before handlers run).</summary>
    public Caller Caller => _caller ?? throw new InvalidOperationException("This page needs a signed-in caller.");

    /// <summary>A one-line message shown once after a redirect (saved, deleted …).</summary>
    [TempData]
    public string? Flash { get; set; }

    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        _caller = HttpContext.RequestServices.GetRequiredService<RequestCaller>().Caller;
        return next();
    }

    /// <summary>A local URL to go back to, never another site (open-redirect guard).</summary>
    protected string SafeReturn(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    /// <summary>Shows a feature problem: field errors next to their inputs, the rest at the top.</summary>
    protected IActionResult ShowProblem(Problem problem, string prefix = "Input")
    {
        if (problem.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        // The service's verdict replaces MVC's own validation of the same record (no duplicates).
        ModelState.Clear();
        if (problem.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, reasons) in errors)
            {
                var key = field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
                foreach (var reason in reasons)
                {
                    ModelState.AddModelError(key, reason);
                }
            }
        }
        else
        {
            ModelState.AddModelError("", problem.Detail);
        }
        return Page();
    }
}
