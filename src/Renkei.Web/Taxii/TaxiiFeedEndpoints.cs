using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Taxii.Feeds;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Taxii;

/// <summary>An organisation's partner TAXII feeds: its admins configure them and watch them arrive.</summary>
public static class TaxiiFeedEndpoints
{
    public static IEndpointRouteBuilder MapTaxiiFeedEndpoints(this IEndpointRouteBuilder api)
    {
        var feeds = api.MapGroup("/taxii-feeds").WithTags("TAXII feeds");
        feeds.MapGet("/", List).WithName("ListTaxiiFeeds").WithSummary("Admins: the organisation's partner feeds with their status (last success, last error, checkpoint, next pull).");
        feeds.MapPost("/", Create).WithName("CreateTaxiiFeed")
            .WithSummary("Admins: pull a partner's TAXII 2.1 collection on a schedule into indicator sets shared with an audience. The password or token is kept encrypted and never shown again.");
        feeds.MapGet("/{id:guid}", Get).WithName("GetTaxiiFeed").WithSummary("Admins: one feed with its recent pulls.");
        feeds.MapPut("/{id:guid}", Update).WithName("UpdateTaxiiFeed").WithSummary("Admins: change a feed (send its version; leave the secret out to keep it). Pointing it at another collection starts from the beginning.");
        feeds.MapDelete("/{id:guid}", Delete).WithName("DeleteTaxiiFeed").WithSummary("Admins: stop pulling. What the feed brought stays shared.");
        feeds.MapPost("/{id:guid}/pull", Pull).WithName("PullTaxiiFeed").WithSummary("Admins: pull now instead of at the next scheduled time.");
        return api;
    }

    private static async Task<Results<Ok<List<TaxiiFeedView>>, ProblemHttpResult>> List(RequestCaller caller, TaxiiFeedService feeds, CancellationToken ct) =>
        TaxiiFeedService.MayManage(caller.Required)
            ? TypedResults.Ok(await feeds.ListAsync(caller.Required, ct))
            : ProblemResults.From(Common.Problem.Forbidden("Only the organisation's admins manage partner feeds."));

    private static async Task<Results<Ok<TaxiiFeedDetail>, ProblemHttpResult>> Get(Guid id, RequestCaller caller, TaxiiFeedService feeds, CancellationToken ct) =>
        await feeds.GetAsync(caller.Required, id, ct) is { } detail ? TypedResults.Ok(detail) : ProblemResults.From(Common.Problem.NotFound("The feed"));

    private static async Task<Results<Created<TaxiiFeedView>, ProblemHttpResult>> Create(TaxiiFeedInput input, RequestCaller caller, TaxiiFeedService feeds, CancellationToken ct)
    {
        var result = await feeds.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/taxii-feeds/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Ok<TaxiiFeedView>, ProblemHttpResult>> Update(Guid id, TaxiiFeedInput input, RequestCaller caller, TaxiiFeedService feeds, CancellationToken ct)
    {
        var result = await feeds.UpdateAsync(caller.Required, id, input, ct);
        return result.Ok ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RequestCaller caller, TaxiiFeedService feeds, CancellationToken ct)
    {
        var result = await feeds.DeleteAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<Accepted<TaxiiFeedView>, ProblemHttpResult>> Pull(Guid id, RequestCaller caller, TaxiiFeedService feeds, CancellationToken ct)
    {
        var result = await feeds.PullNowAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.Accepted($"/api/v1/taxii-feeds/{id}", result.Value!) : ProblemResults.From(result.Problem!);
    }
}
