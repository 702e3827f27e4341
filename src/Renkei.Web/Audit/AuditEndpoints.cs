using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Audit;

public sealed record AuditEventView(long Seq, DateTime OccurredAt, Guid? ActorUserId, string Actor, Guid? ActorOrganisationId, string Action,
    string ResourceType, string? ResourceId, string? RemoteAddress, string? Details, string Hash);

/// <summary>The audit trail: admins and auditors, within what <see cref="AccessPolicy.AuditEvents"/> allows.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", List).WithName("ListAuditEvents").WithSummary("Newest first. Reading the trail is itself audited.");
        audit.MapPost("/verify", Verify).WithName("VerifyAuditTrail").WithSummary("Recompute the hash chain and report the first broken link.");
        return api;
    }

    private static async Task<Results<Ok<Page<AuditEventView>>, ProblemHttpResult>> List(RequestCaller caller, AccessPolicy access, AuditTrail trail, CancellationToken ct,
        string? action = null, string? resourceType = null, string? resourceId = null, int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (!Permissions.ReadAudit(caller.Required))
        {
            return ProblemResults.From(Problem.Forbidden("Only admins and auditors read the audit trail."));
        }
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        var query = access.AuditEvents(caller.Required).AsNoTracking();
        if (action is not null)
        {
            query = query.Where(e => e.Action == action);
        }
        if (resourceType is not null)
        {
            query = query.Where(e => e.ResourceType == resourceType);
        }
        if (resourceId is not null)
        {
            query = query.Where(e => e.ResourceId == resourceId);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Seq).Skip(offset).Take(limit)
            .Select(e => new AuditEventView(e.Seq, e.OccurredAt, e.ActorUserId, e.Actor, e.ActorOrganisationId, e.Action, e.ResourceType, e.ResourceId, e.RemoteAddress, e.Details, e.Hash))
            .ToListAsync(ct);
        await trail.ReadAsync("audit_events", null, ct);
        return TypedResults.Ok(new Page<AuditEventView>(items, total, offset, limit));
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> Verify(RequestCaller caller, AuditVerifier verifier, CancellationToken ct)
    {
        if (!Permissions.VerifyAudit(caller.Required))
        {
            return ProblemResults.From(Problem.Forbidden("Only platform administrators and national-centre auditors verify the whole trail."));
        }
        return TypedResults.Ok(await verifier.VerifyAsync(ct));
    }
}
