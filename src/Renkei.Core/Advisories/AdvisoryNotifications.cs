using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Identity;
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

    public void Raise(Advisory advisory, string topic, Caller actor) => Raise(advisory.Id, topic, actor);

    /// <summary>A recipient answered "affected": the issuing desks hear of it at once.</summary>
    public void RaiseAffected(Guid advisoryId, Caller responder) => Raise(advisoryId, "advisory.affected", responder);

    private void Raise(Guid advisoryId, string topic, Caller actor)
    {
        _db.NotificationEvents.Add(new NotificationEvent
        {
            Id = Guid.CreateVersion7(),
            Topic = topic,
            SubjectId = advisoryId,
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
        if (evt.Topic == "advisory.affected")
        {
            return await AffectedAsync(advisory, evt, ct);
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
        // RED advisories reach named users only; their title stays out of notifications too.
        var title = advisory.Tlp == Tlp.Red ? null : advisory.Content.Title;
        var (ja, en) = evt.Topic switch
        {
            "advisory.revised" => ("情報提供が更新されました", "Advisory revised"),
            "advisory.withdrawn" => ("情報提供が取り下げられました", "Advisory withdrawn"),
            _ => ("新しい情報提供", "New advisory"),
        };
        var urgent = advisory.Urgency == AdvisoryUrgency.Emergency;
        return users.Select(u => new Delivery(u, "advisory",
            (urgent ? "【緊急】" : "") + ja + (title is null ? "" : ": " + title),
            (urgent ? "[Emergency] " : "") + en + (title is null ? "" : ": " + title),
            null, null, Link(advisory.Id), null)).ToList();
    }

    /// <summary>To the issuing organisation's desks: which recipient is affected (the issuer sees every response anyway).</summary>
    private async Task<IReadOnlyList<Delivery>> AffectedAsync(Advisory advisory, NotificationEvent evt, CancellationToken ct)
    {
        string[] desk = [RoleCatalog.NameOf(Role.Coordinator), RoleCatalog.NameOf(Role.Analyst), RoleCatalog.NameOf(Role.Admin)];
        var users = await _db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && u.OrganisationId == advisory.OwnerOrganisationId)
            .Where(u => _db.UserRoles.Any(ur => ur.UserId == u.Id && _db.Roles.Any(r => r.Id == ur.RoleId && desk.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
        var responder = await _db.Organisations.AsNoTracking().Where(o => o.Id == evt.ActorOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var title = advisory.Tlp == Tlp.Red ? "" : ": " + advisory.Content.Title;
        return users.Select(u => new Delivery(u, "advisory", "「影響あり」の応答" + title, "Response \"affected\"" + title,
            responder.NameJa, responder.NameEn, Link(advisory.Id), null)).ToList();
    }
}
