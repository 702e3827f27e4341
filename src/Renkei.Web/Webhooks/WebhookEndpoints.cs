using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Web.Infrastructure;
using Renkei.Webhooks;

namespace Renkei.Web.Webhooks;

/// <summary>An organisation's webhook endpoints: its admins register them and see whether calls get through.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", List).WithName("ListWebhooks").WithSummary("The caller's organisation's webhook endpoints, with queued and failed calls.");
        webhooks.MapPost("/", Create).WithName("CreateWebhook")
            .WithSummary("Admins: register an https endpoint. The response carries the signing secret, once: calls are signed with HMAC-SHA256 (header Renkei-Signature).");
        webhooks.MapDelete("/{id:guid}", Delete).WithName("DeleteWebhook").WithSummary("Admins: remove an endpoint and what is queued for it.");
        return api;
    }

    private static async Task<Ok<List<WebhookView>>> List(RequestCaller caller, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(await webhooks.ListAsync(caller.Required, ct));

    private static async Task<Results<Created<WebhookCreated>, ProblemHttpResult>> Create(WebhookInput input, RequestCaller caller, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.CreateAsync(caller.Required, input, ct);
        return result.Ok ? TypedResults.Created($"/api/v1/webhooks/{result.Value!.Webhook.Id}", result.Value) : ProblemResults.From(result.Problem!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RequestCaller caller, WebhookService webhooks, CancellationToken ct)
    {
        var result = await webhooks.DeleteAsync(caller.Required, id, ct);
        return result.Ok ? TypedResults.NoContent() : ProblemResults.From(result.Problem!);
    }
}
