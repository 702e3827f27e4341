using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;

namespace Renkei.Notifications;

public sealed record NotificationView(long Id, string Topic, string SubjectType, Guid SubjectId, string TitleJa, string TitleEn, string? DetailJa, string? DetailEn,
    string Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread);

/// <summary>A user's in-app inbox: read through <see cref="AccessPolicy.Notifications"/>, so only their own.</summary>
public sealed class NotificationService(AccessPolicy access, TimeProvider time)
{
    public async Task<NotificationPage> ListAsync(Caller caller, bool unreadOnly, long? after, int limit, CancellationToken ct = default)
    {
        var query = access.Notifications(caller).AsNoTracking();
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        if (after is { } last)
        {
            query = query.Where(n => n.Id > last);
        }
        // After an id: oldest first, as a live page appends them; otherwise newest first.
        var ordered = after is null ? query.OrderByDescending(n => n.Id) : query.OrderBy(n => n.Id);
        var items = await ordered.Take(limit).Select(n => new NotificationView(n.Id, n.Topic, n.SubjectType, n.SubjectId, n.TitleJa, n.TitleEn, n.DetailJa, n.DetailEn, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new NotificationPage(items, await UnreadAsync(caller, ct));
    }

    public Task<int> UnreadAsync(Caller caller, CancellationToken ct = default) =>
        access.Notifications(caller).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>The newest id the user has, for a live page to start after.</summary>
    public async Task<long> LatestIdAsync(Caller caller, CancellationToken ct = default) =>
        await access.Notifications(caller).MaxAsync(n => (long?)n.Id, ct) ?? 0;

    public async Task<bool> MarkReadAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(time);
        var found = await access.Notifications(caller).AnyAsync(n => n.Id == id, ct);
        if (found)
        {
            await access.Notifications(caller).Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        }
        return found;
    }

    /// <summary>Marks everything read, or everything about one subject (opening a report reads its notifications).</summary>
    public async Task<int> MarkAllReadAsync(Caller caller, Guid? subjectId = null, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(time);
        var query = access.Notifications(caller).Where(n => n.ReadAt == null);
        if (subjectId is { } subject)
        {
            query = query.Where(n => n.SubjectId == subject);
        }
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
