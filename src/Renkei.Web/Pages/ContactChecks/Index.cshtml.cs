using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.ContactChecks;

namespace Renkei.Web.Pages.ContactChecks;

/// <summary>The checks waiting for the caller's organisation's answer, and the checks it has issued.</summary>
public sealed class IndexModel(ContactCheckQueries queries, ContactCheckConfirmations confirmations) : RenkeiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public ContactCheckList Result { get; private set; } = new([], 0, []);

    public bool CanIssue => AdvisoryRemit.MayIssue(Caller);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await queries.ListAsync(Caller, Math.Max(0, Offset), PageSize, ct);

    /// <summary>Confirms for the organisation, in the application (the same answer as the e-mail's link).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var result = await confirmations.ConfirmAsync(Caller, id, ct);
        Flash = result.Ok ? L["ContactCheck.ConfirmedFlash"] : result.Problem!.Detail;
        return Redirect("/ContactChecks");
    }
}
