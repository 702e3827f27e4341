using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Directory;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>Advisories (Renkei:Advisories).</summary>
public sealed class AdvisoryOptions
{
    public const string Section = "Renkei:Advisories";

    /// <summary>How long a recipient has to acknowledge an emergency advisory before it is re-sent to its secondary contacts.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the escalation sweep runs.</summary>
    public TimeSpan EscalationSweep { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Escalation of emergency advisories: a recipient organisation that has not acknowledged within
/// <see cref="AdvisoryOptions.EscalateAfter"/> is re-sent the hotline e-mail at its secondary
/// points of contact (its primary ones when it has no secondary), once, and the issuing desks are
/// told; the delivery record is marked so the dashboard shows it.
/// </summary>
public sealed class AdvisoryEscalation(RenkeiDbContext db, AdvisoryNotifications notifications, IOptions<AdvisoryOptions> options, IOptions<MailOptions> mail,
    NotificationSignal signal)
{
    private const int Batch = 1000;

    /// <summary>Escalates what is due at <paramref name="now"/>; returns how many recipient organisations were escalated.</summary>
    public async Task<int> EscalateDueAsync(DateTime now, CancellationToken ct = default)
    {
        var cutoff = now - options.Value.EscalateAfter;
        var emergencies = db.Advisories.Where(a => a.State == AdvisoryState.Published && a.Urgency == AdvisoryUrgency.Emergency).Select(a => a.Id);
        var due = db.AdvisoryDeliveries.Where(d => d.AcknowledgedAt == null && d.EscalatedAt == null && d.DeliveredAt <= cutoff && emergencies.Contains(d.AdvisoryId));
        if (!await due.AnyAsync(ct))
        {
            return 0;
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var advisories = await due.Select(d => d.AdvisoryId).Distinct().ToListAsync(ct);
        var escalated = 0;
        var mailed = 0;
        foreach (var advisoryId in advisories)
        {
            // The claim is the update itself: a second host's sweep finds the rows already marked.
            await due.Where(d => d.AdvisoryId == advisoryId).ExecuteUpdateAsync(s => s.SetProperty(d => d.EscalatedAt, now), ct);
            var claimed = await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == advisoryId && d.EscalatedAt == now).Select(d => d.OrganisationId).ToListAsync(ct);
            if (claimed.Count == 0)
            {
                continue;
            }
            escalated += claimed.Count;
            var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == advisoryId, ct);
            notifications.RaiseEscalated(advisoryId, advisory.OwnerOrganisationId, claimed);
            db.AddAuditEvent(new Audit.AuditDraft("escalate", "advisories", advisoryId.ToString("D"), System.Text.Json.JsonSerializer.Serialize(new { recipients = claimed.Count })));
            if (mail.Value.Enabled && advisory.Tlp != Access.Tlp.Red)
            {
                mailed += await QueueAsync(advisory, claimed, now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (mailed > 0)
        {
            signal.MailQueued();
        }
        return escalated;
    }

    /// <summary>The re-send: secondary contacts, or the primary ones of an organisation that has no secondary.</summary>
    private async Task<int> QueueAsync(Advisory advisory, List<Guid> organisations, DateTime now, CancellationToken ct)
    {
        var issuer = await db.Organisations.AsNoTracking().Where(o => o.Id == advisory.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var phone = await AdvisoryNotifications.HotlinePhoneAsync(db, advisory.OwnerOrganisationId, ct);
        var link = mail.Value.Link(AdvisoryNotifications.Link(advisory.Id));
        var queued = 0;
        foreach (var chunk in organisations.Chunk(Batch))
        {
            var contacts = await db.PointsOfContact.AsNoTracking().Where(p => chunk.Contains(p.OrganisationId)).ToListAsync(ct);
            foreach (var group in contacts.GroupBy(c => c.OrganisationId))
            {
                var secondary = group.Where(c => c.Priority == ContactPriority.Secondary).ToList();
                foreach (var c in secondary.Count > 0 ? secondary : group.ToList())
                {
                    var m = AdvisoryMail.Compose(c.Email, advisory, issuer.NameJa, issuer.NameEn, "【緊急・再送】受領確認がまだありません",
                        "[Emergency, re-sent] Not yet acknowledged", link, phone ?? "-");
                    db.OutboundEmails.Add(OutboundEmail.Queued($"esc:{advisory.Id:N}:{c.Id:N}", m, now));
                    queued++;
                }
            }
        }
        return queued;
    }
}
