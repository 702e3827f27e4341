using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Renkei.Access;
using Renkei.Notifications;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Notifications;

/// <summary>What a live page receives: a new notification, or a heartbeat with the unread count.</summary>
public sealed record LiveEvent(NotificationView? Notification, int Unread);

public static class NotificationEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", List).WithName("ListNotifications").WithSummary("The caller's own notifications, newest first (or oldest first after an id), with the unread count.");
        notifications.MapGet("/stream", Stream).WithName("StreamNotifications")
            .WithSummary("Server-sent events: 'notification' for each new notification, 'heartbeat' with the unread count, 'receipts' when advisory receipts changed (no content). Resumes after Last-Event-ID.");
        notifications.MapPost("/{id:long}/read", Read).WithName("MarkNotificationRead");
        notifications.MapPost("/read-all", ReadAll).WithName("MarkAllNotificationsRead").WithSummary("Marks all (or, with subjectId, one subject's) notifications read.");
        return api;
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> List(RequestCaller caller, NotificationService notifications, CancellationToken ct,
        bool unread = false, long? after = null, int limit = ApiConventions.DefaultLimit)
    {
        if (ApiConventions.CheckPaging(0, limit) is { } paging)
        {
            return ProblemResults.From(paging);
        }
        return TypedResults.Ok(await notifications.ListAsync(caller.Required, unread, after, limit, ct));
    }

    private static async Task<ServerSentEventsResult<LiveEvent>> Stream(HttpContext http, RequestCaller caller, NotificationService notifications, NotificationSignal signal, CancellationToken ct)
    {
        var me = caller.Required;
        var resume = http.Request.Headers["Last-Event-ID"].ToString();
        var after = long.TryParse(resume, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : await notifications.LatestIdAsync(me, ct);
        // Proxies must not buffer the stream.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(EventsAsync(me, notifications, signal, after, ct));
    }

    private static async IAsyncEnumerable<SseItem<LiveEvent>> EventsAsync(Caller me, NotificationService notifications, NotificationSignal signal, long after,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // At once: the page learns its unread count, and the response starts (headers reach the client).
        yield return new SseItem<LiveEvent>(new LiveEvent(null, await notifications.UnreadAsync(me, ct)), "heartbeat");
        while (!ct.IsCancellationRequested)
        {
            // Take the wake-ups before reading, so a delivery between the two is not missed.
            var next = signal.NextDelivery;
            var receipts = signal.NextReceipts;
            var page = await notifications.ListAsync(me, false, after, 100, ct);
            foreach (var item in page.Items)
            {
                after = item.Id;
                yield return new SseItem<LiveEvent>(new LiveEvent(item, page.Unread), "notification") { EventId = item.Id.ToString(CultureInfo.InvariantCulture) };
            }
            if (page.Items.Count == 0)
            {
                var woken = await Task.WhenAny(next, receipts, Task.Delay(Heartbeat, ct));
                if (ct.IsCancellationRequested)
                {
                    break;
                }
                if (woken == receipts)
                {
                    // Content-free: an open delivery dashboard re-reads itself through the access policy.
                    yield return new SseItem<LiveEvent>(new LiveEvent(null, page.Unread), "receipts");
                }
                else if (woken != next)
                {
                    yield return new SseItem<LiveEvent>(new LiveEvent(null, await notifications.UnreadAsync(me, ct)), "heartbeat");
                }
            }
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(long id, RequestCaller caller, NotificationService notifications, CancellationToken ct) =>
        await notifications.MarkReadAsync(caller.Required, id, ct) ? TypedResults.NoContent() : ProblemResults.NotFound("The notification");

    private static async Task<Ok<ReadAllResult>> ReadAll(RequestCaller caller, NotificationService notifications, CancellationToken ct, Guid? subjectId = null) =>
        TypedResults.Ok(new ReadAllResult(await notifications.MarkAllReadAsync(caller.Required, subjectId, ct)));
}

public sealed record ReadAllResult(int Marked);
