using Microsoft.AspNetCore.Mvc;
using Renkei.Taxii.Feeds;

namespace Renkei.Web.Pages.Admin.Feeds;

/// <summary>One feed: its settings, its status (last success, last error, checkpoint) and its recent pulls; pull now, delete.</summary>
public sealed class FeedModel(TaxiiFeedService feeds) : RenkeiPageModel
{
    public TaxiiFeedDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPullAsync(Guid id, CancellationToken ct)
    {
        var result = await feeds.PullNowAsync(Caller, id, ct);
        if (!result.Ok)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }
            return ShowProblem(result.Problem!);
        }
        Flash = L["Feed.PullQueued"];
        return Redirect($"/Admin/Feeds/{id:D}");
    }

    /// <summary>Deletes once the admin ticked the confirmation (no script: the page's policy allows none inline).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }
            ModelState.AddModelError("", L["Feed.DeleteConfirmRequired"]);
            return Page();
        }
        var result = await feeds.DeleteAsync(Caller, id, ct);
        if (!result.Ok)
        {
            return result.Problem!.Kind == Common.ProblemKind.Forbidden ? Forbid() : NotFound();
        }
        Flash = L["Feed.Deleted"];
        return Redirect("/Admin/Feeds");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Detail = (await feeds.GetAsync(Caller, id, ct))!;
        return Detail is not null;
    }
}
