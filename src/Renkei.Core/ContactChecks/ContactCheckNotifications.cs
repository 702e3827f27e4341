using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.ContactChecks;

/// <summary>
/// The in-app side of a round: every active user of the organisations it reached hears of it, so a
/// member can answer for the organisation even when the points of contact are away. The event is
/// written with the round; the dispatcher words it per recipient. No e-mail: the points of contact
/// have theirs, with the link.
/// </summary>
public sealed class ContactCheckNotifications(RenkeiDbContext db, TimeProvider time) : INotificationComposer
{
    public const string RoundStarted = "contact-check.round";

    public static string Link(Guid checkId) => $"/ContactChecks/{checkId:D}";

    public void Raise(ContactCheck check, ContactCheckRound round) =>
        db.NotificationEvents.Add(new NotificationEvent
        {
            Id = Guid.CreateVersion7(),
            Topic = RoundStarted,
            SubjectId = round.Id,
            ActorOrganisationId = check.OwnerOrganisationId,
            CreatedAt = Clock.UtcNow(time),
        });

    public string TopicPrefix => "contact-check.";

    async Task<Composed> INotificationComposer.ComposeAsync(NotificationEvent evt, CancellationToken ct) => Composed.Only(await ComposeAsync(evt, ct));

    public async Task<IReadOnlyList<Delivery>> ComposeAsync(NotificationEvent evt, CancellationToken ct)
    {
        var round = await db.ContactCheckRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == evt.SubjectId, ct);
        var check = round is null ? null : await db.ContactChecks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == round.CheckId, ct);
        if (round is null || check is null)
        {
            return [];
        }
        var users = await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && db.ContactCheckTargets.Any(t => t.RoundId == round.Id && t.OrganisationId == u.OrganisationId))
            .Select(u => u.Id).ToListAsync(ct);
        var deadline = Clock.ToJst(round.DeadlineAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " JST";
        return users.Select(u => new Delivery(u, "contact_check", "情報疎通確認: " + check.Title, "Contact check: " + check.Title,
            "回答期限 " + deadline, "Answer by " + deadline, Link(check.Id), null)).ToList();
    }
}
