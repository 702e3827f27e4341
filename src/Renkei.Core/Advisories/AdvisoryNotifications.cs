using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>
/// Who hears of a published or revised advisory: the active users of every recipient
/// organisation. The event is written with the publish; the dispatcher words it per recipient.
/// </summary>
/// <remarks>
/// In-app only for now. E-mail and the hotline to points of contact follow with the delivery
/// channels; when they do, mail must respect TLP (no RED body leaves the platform).
/// </remarks>
public sealed class AdvisoryNotifications
{
    private readonly RenkeiDbContext _db;
    private readonly TimeProvider _time;
    private bool _raised;

    public AdvisoryNotifications(RenkeiDbContext db, NotificationSignal signal, TimeProvider time)
    {
        _db = db;
        _time = time;
        db.Committed += (_, _) =>
        {
            if (_raised)
            {
                _raised = false;
                signal.EventsRaised();
            }
        };
    }

    public static string Link(Guid advisoryId) => $"/Advisories/{advisoryId:D}";

    public void Raise(Advisory advisory, string topic, Caller actor)
    {
        _db.NotificationEvents.Add(new NotificationEvent
        {
            Id = Guid.CreateVersion7(),
            Topic = topic,
            SubjectId = advisory.Id,
            ActorOrganisationId = actor.OrganisationId,
            ActorUserId = actor.UserId,
            CreatedAt = Clock.UtcNow(_time),
        });
        _raised = true;
    }

    /// <summary>One notification per active user of the organisations the advisory was delivered to.</summary>
    public async Task<IReadOnlyList<Delivery>> ComposeAsync(NotificationEvent evt, CancellationToken ct)
    {
        var advisory = await _db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == evt.SubjectId, ct);
        if (advisory is null)
        {
            return [];
        }
        var recipients = _db.Users.AsNoTracking().Where(u => u.DeactivatedAt == null);
        if (advisory.Tlp == Tlp.Red)
        {
            // RED is for the named individuals only, not their colleagues.
            var named = (await _db.AudienceMembers.AsNoTracking().Where(m => m.AudienceId == advisory.AudienceId && m.Kind == AudienceKind.User).Select(m => m.Key).ToListAsync(ct))
                .Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToList();
            recipients = recipients.Where(u => named.Contains(u.Id));
        }
        else
        {
            recipients = recipients.Where(u => _db.AdvisoryDeliveries.Any(d => d.AdvisoryId == advisory.Id && d.OrganisationId == u.OrganisationId));
        }
        var users = await recipients.Select(u => u.Id).ToListAsync(ct);
        var revised = evt.Topic == "advisory.revised";
        // RED advisories reach named users only; their title stays out of notifications too.
        var title = advisory.Tlp == Tlp.Red ? null : advisory.Content.Title;
        var (ja, en) = (revised ? "情報提供が更新されました" : "新しい情報提供", revised ? "Advisory revised" : "New advisory");
        var urgent = advisory.Urgency == AdvisoryUrgency.Emergency;
        return users.Select(u => new Delivery(u, "advisory",
            (urgent ? "【緊急】" : "") + ja + (title is null ? "" : ": " + title),
            (urgent ? "[Emergency] " : "") + en + (title is null ? "" : ": " + title),
            null, null, Link(advisory.Id), null)).ToList();
    }
}
