using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Common;

namespace Renkei.Web.Pages.Advisories;

/// <summary>Advisories the caller may read (TLP and audience), newest first, and their own organisation's drafts.</summary>
public sealed class IndexModel(AdvisoryService advisories) : RenkeiPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    public Page<AdvisorySummary> Result { get; private set; } = new([], 0, 0, 0);

    public bool CanIssue => AdvisoryRemit.MayIssue(Caller);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await advisories.ListAsync(Caller, Math.Max(0, Offset), PageSize, ct);
}
