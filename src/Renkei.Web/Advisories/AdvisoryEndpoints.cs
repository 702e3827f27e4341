using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Advisories;

/// <summary>Advisories (情報提供): issuing, publishing, revising, reading, and the per-recipient delivery records.</summary>
public static class AdvisoryEndpoints
{
    public static IEndpointRouteBuilder MapAdvisoryEndpoints(this IEndpointRouteBuilder api)
    {
        var advisories = api.MapGroup("/advisories").WithTags("Advisories");
        advisories.MapGet("/", List).WithName("ListAdvisories").WithSummary("Published advisories the caller may see (TLP and audience), and the caller's organisation's drafts.");
        advisories.MapPost("/", Create).WithName("CreateAdvisory").WithSummary("A draft advisory to an audience within the issuer's remit.");
        advisories.MapGet("/{id:guid}", Get).WithName("GetAdvisory").WithSummary("One advisory; a recipient's first look records the organisation's first read.");
        advisories.MapPut("/{id:guid}", Update).WithName("UpdateAdvisory").WithSummary("Edit a draft (send the version edited).");
        advisories.MapPost("/{id:guid}/publish", Publish).WithName("PublishAdvisory")
            .WithSummary("Publish a draft: one delivery record per recipient organisation and their notifications, all at once or not at all.");
        advisories.MapPost("/{id:guid}/revisions", Revise).WithName("ReviseAdvisory")
            .WithSummary("A new revision of a published advisory with what changed; the audience may grow, not shrink.");
        advisories.MapPost("/{id:guid}/withdraw", Withdraw).WithName("WithdrawAdvisory")
            .WithSummary("Withdraw a published advisory with a reason: it stays readable, marked withdrawn, and its recipients are told.");
        advisories.MapGet("/{id:guid}/revisions", Revisions).WithName("ListAdvisoryRevisions").WithSummary("Every published revision with the fields it changed.");
        advisories.MapGet("/{id:guid}/deliveries", Deliveries).WithName("ListAdvisoryDeliveries")
            .WithSummary("Issuing organisation only: every recipient organisation's delivery, read, acknowledgement and response, with counts.");
        advisories.MapPost("/{id:guid}/relay", Relay).WithName("RelayAdvisory")
            .WithSummary("A relay point (ministry, CEPTOAR secretariat) relays the advisory down the chain, as is or with a note, to all or some of its next hop, or holds it with a reason — as the hop's handling rules allow.");
        advisories.MapPost("/{id:guid}/acknowledge", Acknowledge).WithName("AcknowledgeAdvisory").WithSummary("Acknowledge receipt for the caller's organisation.");
        advisories.MapPost("/{id:guid}/response", Respond).WithName("RespondToAdvisory")
            .WithSummary("The caller's organisation's response: not_affected, investigating or affected, with a note.");
        return api;
    }

    private static async Task<Results<Ok<Page<AdvisorySummary>>, ProblemHttpResult>> List(RequestCaller caller, AdvisoryService advisories, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return TypedResults.Ok(await advisories.ListAsync(caller.Required, offset, limit, ct));
    }

    private static async Task<Results<Created<AdvisoryView>, ProblemHttpResult>> Create(AdvisoryInput input, RequestCaller caller, AdvisoryService advisories, CancellationToken ct)
    {
        var result = await advisories.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/advisories/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<AdvisoryView>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, AdvisoryService advisories, CancellationToken ct) =>
        await advisories.GetAsync(caller.Required, id, ct) is { } advisory ? TypedResults.Ok(advisory) : ProblemResults.NotFound("The advisory");

    private static async Task<Results<Ok<AdvisoryView>, ProblemHttpResult>> Update(Guid id, AdvisoryInput input, RequestCaller caller, AdvisoryService advisories, CancellationToken ct) =>
        ProblemResults.OkOr(await advisories.UpdateAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<AdvisoryView>, ProblemHttpResult>> Publish(Guid id, PublishInput input, RequestCaller caller, AdvisoryService advisories, CancellationToken ct) =>
        ProblemResults.OkOr(await advisories.PublishAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<AdvisoryView>, ProblemHttpResult>> Revise(Guid id, RevisionInput input, RequestCaller caller, AdvisoryService advisories, CancellationToken ct)
    {
        if (input.Advisory is null)
        {
            return ProblemResults.From(Problem.Invalid("advisory", "is required"));
        }
        return ProblemResults.OkOr(await advisories.ReviseAsync(caller.Required, id, input.Advisory, input.ChangeNote, ct));
    }

    private static async Task<Results<Ok<AdvisoryView>, ProblemHttpResult>> Withdraw(Guid id, WithdrawInput input, RequestCaller caller, AdvisoryService advisories, CancellationToken ct) =>
        ProblemResults.OkOr(await advisories.WithdrawAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<RelayPointView>, ProblemHttpResult>> Relay(Guid id, RelayInput input, RequestCaller caller, AdvisoryRelay relay, CancellationToken ct) =>
        ProblemResults.OkOr(await relay.DecideAsync(caller.Required, id, input, ct));

    private static async Task<Results<Ok<List<AdvisoryRevisionView>>, ProblemHttpResult>> Revisions(Guid id, RequestCaller caller, AdvisoryService advisories, CancellationToken ct) =>
        await advisories.FindAsync(caller.Required, id, ct) is { } advisory ? TypedResults.Ok(await advisories.RevisionsAsync(advisory, ct)) : ProblemResults.NotFound("The advisory");

    private static async Task<Results<Ok<DeliveryReport>, ProblemHttpResult>> Deliveries(Guid id, RequestCaller caller, AdvisoryReceipts receipts, CancellationToken ct,
        string? sector = null, bool? acknowledged = null, bool? escalated = null, int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return await receipts.ReportAsync(caller.Required, id, sector, acknowledged, offset, limit, escalated, ct) is { } report ? TypedResults.Ok(report) : ProblemResults.NotFound("The advisory");
    }

    private static async Task<Results<Ok<MyDelivery>, ProblemHttpResult>> Acknowledge(Guid id, RequestCaller caller, AdvisoryReceipts receipts, CancellationToken ct) =>
        ProblemResults.OkOr(await receipts.AcknowledgeAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<MyDelivery>, ProblemHttpResult>> Respond(Guid id, ResponseInput input, RequestCaller caller, AdvisoryReceipts receipts, CancellationToken ct) =>
        ProblemResults.OkOr(await receipts.RespondAsync(caller.Required, id, input, ct));
}
