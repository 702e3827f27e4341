using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.ContactChecks;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.ContactChecks;

/// <summary>Contact checks (情報疎通確認): running them, answering them, and the issuer's report.</summary>
public static class ContactCheckEndpoints
{
    public static IEndpointRouteBuilder MapContactCheckEndpoints(this IEndpointRouteBuilder api)
    {
        var checks = api.MapGroup("/contact-checks").WithTags("Contact checks");
        checks.MapGet("/", List).WithName("ListContactChecks")
            .WithSummary("The caller's organisation's contact checks, and the open rounds addressed to it that wait for its answer.");
        checks.MapPost("/", Create).WithName("CreateContactCheck")
            .WithSummary("A contact check to an audience of organisations within the issuer's remit: sent now, at a time, or every N days.");
        checks.MapGet("/{id:guid}", Get).WithName("GetContactCheck").WithSummary("One contact check: the issuer sees every round's counts, a recipient its own answers.");
        checks.MapGet("/{id:guid}/report", Report).WithName("GetContactCheckReport")
            .WithSummary("Issuing organisation only: a round's (default the latest) answers, response times by sector and CEPTOAR, and who did not answer.");
        checks.MapPost("/{id:guid}/send", Send).WithName("SendContactCheck").WithSummary("Start a round now (refused while the previous round is open).");
        checks.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelContactCheck").WithSummary("Stop the schedule; rounds already sent take confirmations until their deadline.");
        checks.MapPost("/{id:guid}/confirm", Confirm).WithName("ConfirmContactCheck")
            .WithSummary("Confirm for the caller's organisation the latest open round that reached it; confirming again keeps the first answer.");
        return api;
    }

    private static async Task<Results<Ok<ContactCheckList>, ProblemHttpResult>> List(RequestCaller caller, ContactCheckQueries queries, CancellationToken ct,
        int offset = 0, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(offset, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return TypedResults.Ok(await queries.ListAsync(caller.Required, offset, limit, ct));
    }

    private static async Task<Results<Created<ContactCheckView>, ProblemHttpResult>> Create(ContactCheckInput input, RequestCaller caller, ContactCheckService checks, CancellationToken ct)
    {
        var result = await checks.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/contact-checks/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<ContactCheckView>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, ContactCheckQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caller.Required, id, ct) is { } check ? TypedResults.Ok(check) : ProblemResults.NotFound("The contact check");

    private static async Task<Results<Ok<ContactCheckReport>, ProblemHttpResult>> Report(Guid id, RequestCaller caller, ContactCheckReports reports, CancellationToken ct,
        int? round = null) =>
        await reports.ReportAsync(caller.Required, id, round, ct) is { } report ? TypedResults.Ok(report) : ProblemResults.NotFound("The contact check");

    private static async Task<Results<Ok<ContactCheckView>, ProblemHttpResult>> Send(Guid id, RequestCaller caller, ContactCheckService checks, CancellationToken ct) =>
        ProblemResults.OkOr(await checks.SendAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<ContactCheckView>, ProblemHttpResult>> Cancel(Guid id, RequestCaller caller, ContactCheckService checks, CancellationToken ct) =>
        ProblemResults.OkOr(await checks.CancelAsync(caller.Required, id, ct));

    private static async Task<Results<Ok<MyConfirmation>, ProblemHttpResult>> Confirm(Guid id, RequestCaller caller, ContactCheckConfirmations confirmations, CancellationToken ct) =>
        ProblemResults.OkOr(await confirmations.ConfirmAsync(caller.Required, id, ct));
}
