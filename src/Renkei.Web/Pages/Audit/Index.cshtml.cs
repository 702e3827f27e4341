using Microsoft.AspNetCore.Mvc;
using Renkei.Access;
using Renkei.Audit;

namespace Renkei.Web.Pages.Audit;

/// <summary>The audit trail as far as the caller may read it, and a chain check for those who may run it.</summary>
public sealed class IndexModel(AuditQueries queries, AuditVerifier verifier) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    public IReadOnlyList<AuditEventView> Events { get; private set; } = [];
    public int Total { get; private set; }
    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Permissions.ReadAudit(Caller))
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!Permissions.VerifyAudit(Caller))
        {
            return Forbid();
        }
        Verification = await verifier.VerifyAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = await queries.ListAsync(Caller, Action, null, null, Math.Max(0, Offset), 100, ct);
        Events = page.Items;
        Total = page.Total;
    }
}
