using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.ContactChecks;

namespace Renkei.Web.Pages.ContactChecks;

/// <summary>
/// The one-click confirmation of a point of contact, from the e-mail's link, without signing in:
/// the link's secret is the proof. GET only shows the check and a button; the POST confirms, so
/// a mail scanner that opens every link confirms nothing.
/// </summary>
public sealed class ConfirmModel(ContactCheckConfirmations confirmations) : PageModel
{
    public LinkConfirmation? Confirmation { get; private set; }

    /// <summary>Set after the button was pressed.</summary>
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Confirmation = await confirmations.FindAsync(token, ct);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await confirmations.ConfirmAsync(token, ct);
        Confirmation = result.Ok ? result.Value : await confirmations.FindAsync(token, ct);
        Done = result.Ok;
        return Show();
    }

    /// <summary>The page in every case, with a status a client can tell apart: 404 for a link that is not ours, 410 once expired.</summary>
    private PageResult Show()
    {
        if (Confirmation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Confirmation.Expired)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }
}
