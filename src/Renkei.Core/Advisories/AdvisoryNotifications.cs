using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>
/// Who hears of an advisory, and how. The event is written with the change (publish, relay,
/// revision, withdrawal, an "affected" answer, a hold, an escalation); the dispatcher words it per
/// recipient: in-app notifications and e-mail to the members of the organisations it reached,
/// the hotline e-mail to their points of contact when it is an emergency, and signed webhook
/// calls to the endpoints they registered. TLP:RED reaches named users only, and none of its
/// content leaves the platform (no content in e-mail, no webhook at all).
/// </summary>
public sealed class AdvisoryNotifications : INotificationComposer
{
    public const string Published = "advisory.published";
    public const string Relayed = "advisory.relayed";
    public const string Revised = "advisory.revised";
    public const string Withdrawn = "advisory.withdrawn";
    public const string Affected = "advisory.affected";
    public const string Held = "advisory.held";
    public const string Escalated = "advisory.escalated";

    /// <summary>Organisations per relay or escalation event (the event's list column holds about a hundred ids).</summary>
    private const int OrganisationsPerEvent = 100;

    private readonly RenkeiDbContext _db;
    private readonly MailOptions _mail;
    private readonly TimeProvider _time;
    private bool _raised;

    public AdvisoryNotifications(RenkeiDbContext db, NotificationSignal signal, IOptions<MailOptions> mail, TimeProvider time)
    {
        _db = db;
        _mail = mail.Value;
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

    public void Raise(Advisory advisory, string topic, Caller actor) => Raise(advisory.Id, topic, actor, null);

    /// <summary>A recipient answered "affected": the issuing desks hear of it at once.</summary>
    public void RaiseAffected(Guid advisoryId, Caller responder) => Raise(advisoryId, Affected, responder, null);

    /// <summary>A holder held the advisory: the issuing desks hear why.</summary>
    public void RaiseHeld(Guid advisoryId, Caller holder) => Raise(advisoryId, Held, holder, null);

    /// <summary>A holder relayed the advisory to these organisations.</summary>
    public void RaiseRelayed(Guid advisoryId, Caller holder, IReadOnlyCollection<Guid> organisations)
    {
        foreach (var chunk in organisations.Chunk(OrganisationsPerEvent))
        {
            Raise(advisoryId, Relayed, holder, chunk);
        }
    }

    /// <summary>These recipients did not acknowledge an emergency advisory in time and were escalated.</summary>
    public void RaiseEscalated(Guid advisoryId, Guid issuer, IReadOnlyCollection<Guid> organisations)
    {
        foreach (var chunk in organisations.Chunk(OrganisationsPerEvent))
        {
            _db.NotificationEvents.Add(Event(advisoryId, Escalated, issuer, null, chunk));
        }
        _raised = true;
    }

    private void Raise(Guid advisoryId, string topic, Caller actor, IReadOnlyCollection<Guid>? organisations)
    {
        _db.NotificationEvents.Add(Event(advisoryId, topic, actor.OrganisationId, actor.UserId, organisations));
        _raised = true;
    }

    private NotificationEvent Event(Guid advisoryId, string topic, Guid organisation, Guid? user, IReadOnlyCollection<Guid>? organisations) => new()
    {
        Id = Guid.CreateVersion7(),
        Topic = topic,
        SubjectId = advisoryId,
        ActorOrganisationId = organisation,
        ActorUserId = user,
        Organisations = organisations is null ? null : string.Join(';', organisations.Select(o => o.ToString("D"))),
        CreatedAt = Clock.UtcNow(_time),
    };

    public string TopicPrefix => "advisory.";

    public async Task<Composed> ComposeAsync(NotificationEvent evt, CancellationToken ct)
    {
        var advisory = await _db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == evt.SubjectId, ct);
        if (advisory is null)
        {
            return Composed.Only([]);
        }
        return evt.Topic switch
        {
            Affected or Held or Escalated => Composed.Only(await ToIssuerAsync(advisory, evt, ct)),
            _ => await ToRecipientsAsync(advisory, evt, ct),
        };
    }

    /// <summary>The organisations an event reaches: those named in it, the first hop of a relayed publish, else every organisation it was delivered to.</summary>
    private IQueryable<Guid> Reached(Advisory advisory, NotificationEvent evt)
    {
        var deliveries = _db.AdvisoryDeliveries.AsNoTracking().Where(d => d.AdvisoryId == advisory.Id);
        if (evt.Organisations is { } listed)
        {
            var ids = listed.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
            deliveries = deliveries.Where(d => ids.Contains(d.OrganisationId));
        }
        else if (evt.Topic == Published && advisory.Distribution == AdvisoryDistribution.Relay)
        {
            deliveries = deliveries.Where(d => d.ReceivedFromOrganisationId == advisory.OwnerOrganisationId);
        }
        return deliveries.Select(d => d.OrganisationId);
    }

    private async Task<Composed> ToRecipientsAsync(Advisory advisory, NotificationEvent evt, CancellationToken ct)
    {
        var organisations = Reached(advisory, evt);
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
            recipients = recipients.Where(u => organisations.Contains(u.OrganisationId));
        }
        var users = await recipients.Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var issuer = await _db.Organisations.AsNoTracking().Where(o => o.Id == advisory.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        // RED advisories reach named users only; their title stays out of notifications too.
        var title = advisory.Tlp == Tlp.Red ? null : advisory.Content.Title;
        var (ja, en) = evt.Topic switch
        {
            Revised => ("情報提供が更新されました", "Advisory revised"),
            Withdrawn => ("情報提供が取り下げられました", "Advisory withdrawn"),
            _ => ("新しい情報提供", "New advisory"),
        };
        var urgent = advisory.Urgency == AdvisoryUrgency.Emergency;
        var headlineJa = (urgent ? "【緊急】" : "") + ja;
        var headlineEn = (urgent ? "[Emergency] " : "") + en;
        var link = _mail.Link(Link(advisory.Id));
        var deliveries = users.Select(u => new Delivery(u.Id, "advisory",
            headlineJa + (title is null ? "" : ": " + title), headlineEn + (title is null ? "" : ": " + title),
            null, null, Link(advisory.Id),
            string.IsNullOrWhiteSpace(u.Email) ? null : AdvisoryMail.Compose(u.Email, advisory, issuer.NameJa, issuer.NameEn, headlineJa, headlineEn, link))).ToList();

        var contactMails = new List<ContactMail>();
        if (urgent && evt.Topic is Published or Relayed && advisory.Tlp != Tlp.Red)
        {
            // The hotline: every recipient's primary points of contact at once, with the number to call back.
            var phone = await HotlinePhoneAsync(_db, advisory.OwnerOrganisationId, ct);
            var contacts = await _db.PointsOfContact.AsNoTracking().Where(p => p.Priority == ContactPriority.Primary && organisations.Contains(p.OrganisationId))
                .Select(p => new { p.Id, p.Email }).ToListAsync(ct);
            contactMails.AddRange(contacts.Select(c => new ContactMail($"{evt.Id:N}:poc:{c.Id:N}",
                AdvisoryMail.Compose(c.Email, advisory, issuer.NameJa, issuer.NameEn, "【緊急】情報提供（ホットライン）", "[Emergency] Advisory (hotline)", link, phone ?? "-"))));
        }

        var webhooks = new List<WebhookCall>();
        if (advisory.Tlp != Tlp.Red)
        {
            // RED is for named people; an organisation's integration is not one of them.
            var subscriptions = await _db.WebhookSubscriptions.AsNoTracking().Where(s => s.DisabledAt == null && organisations.Contains(s.OrganisationId))
                .Select(s => new { s.Id, s.OrganisationId }).ToListAsync(ct);
            webhooks.AddRange(subscriptions.Select(s => new WebhookCall(s.Id, $"{evt.Id:N}:{s.Id:N}", evt.Topic,
                Payload(evt, advisory, s.OrganisationId, issuer.NameJa, issuer.NameEn, link))));
        }
        return new Composed(deliveries, contactMails, webhooks);
    }

    /// <summary>The number recipients of an emergency advisory call back: the issuer's first point of contact with a phone, primary first.</summary>
    public static Task<string?> HotlinePhoneAsync(RenkeiDbContext db, Guid issuer, CancellationToken ct) =>
        db.PointsOfContact.AsNoTracking().Where(p => p.OrganisationId == issuer && p.Phone != null)
            .OrderBy(p => p.Priority).Select(p => p.Phone).FirstOrDefaultAsync(ct);

    /// <summary>The webhook body: the advisory as its recipient organisation may have it (never RED).</summary>
    private static string Payload(NotificationEvent evt, Advisory advisory, Guid organisation, string issuerJa, string issuerEn, string link) =>
        JsonSerializer.Serialize(new
        {
            @event = evt.Topic,
            eventId = evt.Id,
            occurredAt = evt.CreatedAt,
            organisationId = organisation,
            advisory = new
            {
                advisory.Id,
                advisory.Revision,
                State = EnumText.ToText(advisory.State),
                Tlp = NotificationMail.TlpLabel(advisory.Tlp),
                Urgency = EnumText.ToText(advisory.Urgency),
                Issuer = new { Id = advisory.OwnerOrganisationId, NameJa = issuerJa, NameEn = issuerEn },
                advisory.PublishedAt,
                advisory.Content,
                Url = link,
            },
        }, JsonColumn<AdvisoryContent>.Options);

    /// <summary>To the issuing organisation's desks: an "affected" answer, a hold, or escalated recipients.</summary>
    private async Task<IReadOnlyList<Delivery>> ToIssuerAsync(Advisory advisory, NotificationEvent evt, CancellationToken ct)
    {
        string[] desk = [RoleCatalog.NameOf(Role.Coordinator), RoleCatalog.NameOf(Role.Analyst), RoleCatalog.NameOf(Role.Admin)];
        var users = await _db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && u.OrganisationId == advisory.OwnerOrganisationId)
            .Where(u => _db.UserRoles.Any(ur => ur.UserId == u.Id && _db.Roles.Any(r => r.Id == ur.RoleId && desk.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
        var title = advisory.Tlp == Tlp.Red ? "" : ": " + advisory.Content.Title;
        string detailJa, detailEn;
        if (evt.Topic == Escalated)
        {
            var count = evt.Organisations?.Split(';', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
            detailJa = $"{count} 組織が期限内に受領確認せず、副連絡先に再送しました";
            detailEn = $"{count} organisation(s) did not acknowledge in time; re-sent to their secondary contacts";
        }
        else
        {
            var actor = await _db.Organisations.AsNoTracking().Where(o => o.Id == evt.ActorOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
            (detailJa, detailEn) = (actor.NameJa, actor.NameEn);
        }
        var (ja, en) = evt.Topic switch
        {
            Held => ("中継が保留されました", "Relay held"),
            Escalated => ("緊急情報提供のエスカレーション", "Emergency advisory escalated"),
            _ => ("「影響あり」の応答", "Response \"affected\""),
        };
        return users.Select(u => new Delivery(u, "advisory", ja + title, en + title, detailJa, detailEn, Link(advisory.Id), null)).ToList();
    }
}
