using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;

namespace Renkei.Audit;

public sealed record AuditEventView(long Seq, DateTime OccurredAt, Guid? ActorUserId, string Actor, Guid? ActorOrganisationId, string Action,
    string ResourceType, string? ResourceId, string? RemoteAddress, string? Details, string Hash);

/// <summary>
/// Reading the trail: the events <see cref="AccessPolicy.AuditEvents"/> allows, with the actors of
/// anonymised reports shown under their pseudonym to everyone but the reporting organisation and
/// the secretariat or agency that relays. Reading the trail is itself recorded.
/// </summary>
public sealed class AuditQueries(AccessPolicy access, AuditTrail trail)
{
    /// <remarks>
    /// Admins and auditors read the trail (<see cref="Permissions.ReadAudit"/>); everyone else is
    /// refused here, so no surface can forget the gate. What they read is still only what
    /// <see cref="AccessPolicy.AuditEvents"/> allows.
    /// </remarks>
    public async Task<Result<Page<AuditEventView>>> ListAsync(Caller caller, string? action, string? resourceType, string? resourceId, int offset, int limit, CancellationToken ct = default)
    {
        if (!Permissions.ReadAudit(caller))
        {
            return Problem.Forbidden("Only admins and auditors read the audit trail.");
        }
        var query = access.AuditEvents(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(resourceType))
        {
            query = query.Where(e => e.ResourceType == resourceType);
        }
        if (!string.IsNullOrWhiteSpace(resourceId))
        {
            query = query.Where(e => e.ResourceId == resourceId);
        }
        var total = await query.CountAsync(ct);
        var events = await query.OrderByDescending(e => e.Seq).Skip(offset).Take(limit).ToListAsync(ct);
        await trail.ReadAsync("audit_events", null, ct);
        return new Page<AuditEventView>(events.Select(e => View(caller, e)).ToList(), total, offset, limit);
    }

    public static AuditEventView View(Caller caller, AuditEvent e) =>
        e.ActorPseudonym is not null && caller.OrganisationId != e.ActorOrganisationId && caller.OrganisationId != e.DisclosedToOrganisationId
            ? new AuditEventView(e.Seq, e.OccurredAt, null, e.ActorPseudonym, null, e.Action, e.ResourceType, e.ResourceId, null, e.Details, e.Hash)
            : new AuditEventView(e.Seq, e.OccurredAt, e.ActorUserId, e.Actor, e.ActorOrganisationId, e.Action, e.ResourceType, e.ResourceId, e.RemoteAddress, e.Details, e.Hash);
}
