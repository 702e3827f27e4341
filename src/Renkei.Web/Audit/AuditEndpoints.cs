using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Audit;

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

    private static async Task<Results<Ok<Page<AuditEventView>>, ProblemHttpResult>> List(RequestCaller caller, AuditQueries queries, CancellationToken ct,
        string? action = null, string? resourceType = null, string? resourceId = null, int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        var result = await queries.ListAsync(caller.Required, action, resourceType, resourceId, offset, limit, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> Verify(RequestCaller caller, AuditVerifier verifier, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(caller.Required, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }
}
