using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Notifications;
using Renkei.Storage;

namespace Renkei.ContactChecks;

/// <summary>
/// Starts rounds: the claim on the check, a target per (organisation, point of contact) and an
/// e-mail per point of contact in the outbox, all in one transaction, so a round is sent whole or
/// not at all, and at most once.
/// </summary>
/// <remarks>
/// The claim is a conditional UPDATE of the check on the round count it was read with (and, for a
/// scheduled round, on the due time): with two hosts, or a desk pressing "send" as the scheduler
/// wakes, exactly one transaction moves the count and the others update nothing and start nothing.
/// The unique (check, number) index and the outbox's unique delivery key guard behind it.
/// </remarks>
public sealed class ContactCheckRounds(RenkeiDbContext db, AuditTrail audit, ContactCheckNotifications notifications, IOptions<MailOptions> mail, NotificationSignal signal,
    TimeProvider time, ILogger<ContactCheckRounds> log)
{
    /// <summary>Starts the rounds that are due; returns how many started.</summary>
    public async Task<int> StartDueAsync(int batch = 20, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(time);
        var due = await db.ContactChecks.AsNoTracking()
            .Where(c => c.CancelledAt == null && c.NextRoundAt != null && c.NextRoundAt <= now)
            .OrderBy(c => c.NextRoundAt).Take(batch).ToListAsync(ct);
        var started = 0;
        foreach (var check in due)
        {
            try
            {
                if (await StartAsync(check, check.NextRoundAt, now, ct) is not null)
                {
                    started++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One check that cannot start must not hold up the others; it is tried again at the next poll.
                db.ChangeTracker.Clear();
                log.LogError(ex, "Starting a round of contact check {CheckId} failed", check.Id);
            }
        }
        return started;
    }

    /// <summary>
    /// Starts the next round of <paramref name="check"/> as read (its round count is the claim).
    /// <paramref name="due"/> is the scheduled time being honoured, or null for a desk's "send now".
    /// Returns null when another transaction claimed the round first, or the check was cancelled.
    /// </summary>
    internal async Task<ContactCheckRound?> StartAsync(ContactCheck check, DateTime? due, DateTime now, CancellationToken ct)
    {
        var owned = db.Database.CurrentTransaction is null;
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var next = NextRoundAfter(check, due, now);
        var seen = check.RoundCount;
        var claim = db.ContactChecks.Where(c => c.Id == check.Id && c.CancelledAt == null && c.RoundCount == seen);
        if (due is { } scheduled)
        {
            claim = claim.Where(c => c.NextRoundAt == scheduled);
        }
        if (await claim.ExecuteUpdateAsync(s => s.SetProperty(c => c.RoundCount, c => c.RoundCount + 1).SetProperty(c => c.NextRoundAt, next), ct) == 0)
        {
            return null;
        }
        var round = new ContactCheckRound
        {
            Id = Guid.CreateVersion7(),
            CheckId = check.Id,
            Number = seen + 1,
            StartedAt = now,
            DeadlineAt = now.AddHours(check.DeadlineHours),
        };
        db.ContactCheckRounds.Add(round);
        var (organisations, contacts) = await TargetAsync(check, round, ct);
        notifications.Raise(check, round);
        await audit.RecordAsync("send", "contact_checks", check.Id.ToString("D"), new { round = round.Number, organisations, contacts, scheduled = due is not null }, ct);
        await unit.CommitAsync(ct);
        if (owned)
        {
            Announce();
        }
        return round;
    }

    /// <summary>Wakes the mailer and the dispatcher once a round is committed (they poll anyway, only later).</summary>
    public void Announce()
    {
        signal.MailQueued();
        signal.EventsRaised();
    }

    /// <summary>
    /// The next due time after this round: a repeating check keeps its cadence from the scheduled
    /// time (skipping rounds missed while no host ran); a one-off check has no next round, also
    /// when a desk sent it before its time. A desk's extra round leaves a repeating schedule alone.
    /// </summary>
    internal static DateTime? NextRoundAfter(ContactCheck check, DateTime? due, DateTime now)
    {
        if (check.Schedule != ContactCheckSchedule.Repeat || check.RepeatDays is not { } days)
        {
            return null;
        }
        if (due is null)
        {
            return check.NextRoundAt;
        }
        var next = due.Value.AddDays(days);
        while (next <= now)
        {
            next = next.AddDays(days);
        }
        return next;
    }

    /// <summary>Writes the round's targets and e-mails (not yet saved); returns the counts.</summary>
    private async Task<(int Organisations, int Contacts)> TargetAsync(ContactCheck check, ContactCheckRound round, CancellationToken ct)
    {
        var recipients = await AdvisoryRecipients.OfAsync(db, check.AudienceId, check.OwnerOrganisationId, ct);
        var organisations = await recipients.ToListAsync(ct);
        var contacts = (await db.PointsOfContact.AsNoTracking().Where(p => recipients.Contains(p.OrganisationId))
            .Select(p => new { p.Id, p.OrganisationId, p.Name, p.Email }).ToListAsync(ct)).ToLookup(p => p.OrganisationId);
        var issuer = await db.Organisations.AsNoTracking().Where(o => o.Id == check.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var options = mail.Value;
        var contactCount = 0;
        foreach (var organisation in organisations)
        {
            ContactCheckTarget Target(Guid? contact, string? email, string? hash) => new()
            {
                Id = Guid.CreateVersion7(),
                RoundId = round.Id,
                CheckId = check.Id,
                OrganisationId = organisation,
                ContactId = contact,
                Email = email,
                TokenHash = hash,
                SentAt = round.StartedAt,
            };
            if (!contacts[organisation].Any())
            {
                // Counted, so the report shows it cannot be reached by mail; its members may still answer.
                db.ContactCheckTargets.Add(Target(null, null, null));
                continue;
            }
            foreach (var contact in contacts[organisation])
            {
                contactCount++;
                var token = ConfirmationToken.New();
                db.ContactCheckTargets.Add(Target(contact.Id, contact.Email, ConfirmationToken.Hash(token)));
                if (!options.Enabled)
                {
                    continue;
                }
                var m = ContactCheckMail.Compose(contact.Email, contact.Name, check.Title, check.Message, issuer.NameJa, issuer.NameEn, round.DeadlineAt,
                    options.Link(ContactCheckMail.LinkPath(token)));
                // One e-mail per round and contact: a repeated start cannot queue a second.
                db.OutboundEmails.Add(OutboundEmail.Queued($"contact-check:{round.Id:N}:{contact.Id:N}", m, round.StartedAt));
            }
        }
        return (organisations.Count, contactCount);
    }
}
