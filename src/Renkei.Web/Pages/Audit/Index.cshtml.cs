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

    /// <summary>Whether the verify button is offered: the same rule the verifier applies.</summary>
    public bool CanVerify => Permissions.VerifyAudit(Caller);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var verification = await verifier.VerifyAsync(Caller, ct);
        if (!verification.Ok)
        {
            return Forbid();
        }
        Verification = verification.Value;
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    /// <summary>The page of events, or false when the caller may not read the trail (the query refuses).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var page = await queries.ListAsync(Caller, Action, null, null, Math.Max(0, Offset), 100, ct);
        if (!page.Ok)
        {
            return false;
        }
        Events = page.Value!.Items;
        Total = page.Value.Total;
        return true;
    }
}
