using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;

namespace Renkei.Web.Pages.Audit;

/// <summary>The audit trail as far as the caller may read it, and a chain check for those who may run it.</summary>
public sealed class IndexModel(AccessPolicy access, AuditTrail trail, AuditVerifier verifier) : RenkeiPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    public List<AuditEvent> Events { get; private set; } = [];
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
        var query = access.AuditEvents(Caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action == Action);
        }
        Total = await query.CountAsync(ct);
        Events = await query.OrderByDescending(e => e.Seq).Skip(Math.Max(0, Offset)).Take(100).ToListAsync(ct);
        await trail.ReadAsync("audit_events", null, ct);
    }
}
