using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.ContactChecks;

/// <summary>
/// Running contact checks: creating one (checked against the issuer's remit exactly as an
/// advisory is), sending a round now, cancelling the schedule, and reading checks through
/// <see cref="AccessPolicy.ContactChecks"/>.
/// </summary>
public sealed class ContactCheckService(
    RenkeiDbContext db, AccessPolicy access, AudienceBuilder audiences, AdvisoryRemit remit, ContactCheckRounds rounds, ContactCheckQueries queries,
    AuditTrail audit, TimeProvider time)
{
    public async Task<Result<ContactCheckView>> CreateAsync(Caller caller, ContactCheckInput input, CancellationToken ct = default)
    {
        if (!AdvisoryRemit.MayIssue(caller))
        {
            return Problem.Forbidden("Only desks of NISC, the ministries, CEPTOAR secretariats and security agencies run contact checks.");
        }
        var now = Clock.UtcNow(time);
        var checkedInput = await CheckAsync(caller, input, now, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var (audience, first) = checkedInput.Value;
        var schedule = input.Schedule ?? ContactCheckSchedule.Now;
        var check = new ContactCheck
        {
            Id = Guid.CreateVersion7(),
            OwnerOrganisationId = caller.OrganisationId,
            CreatedByUserId = caller.UserId,
            AudienceId = audience.Id,
            Audience = audience,
            Title = input.Title!.Trim(),
            Message = string.IsNullOrWhiteSpace(input.Message) ? null : input.Message.Trim(),
            DeadlineHours = input.DeadlineHours!.Value,
            Schedule = schedule,
            RepeatDays = schedule == ContactCheckSchedule.Repeat ? input.RepeatDays : null,
            NextRoundAt = first,
            CreatedAt = now,
        };
        ContactCheckRound? round = null;
        await using (var unit = await UnitOfWork.BeginAsync(db, ct))
        {
            db.Audiences.Add(audience);
            db.ContactChecks.Add(check);
            await audit.RecordAsync("create", "contact_checks", check.Id.ToString("D"),
                new { schedule = EnumText.ToText(schedule), check.RepeatDays, check.DeadlineHours, firstRoundAt = first }, ct);
            if (first <= now)
            {
                round = await rounds.StartAsync(check, first, now, ct);
            }
            await unit.CommitAsync(ct);
        }
        if (round is not null)
        {
            rounds.Announce();
        }
        return (await queries.GetAsync(caller, check.Id, ct))!;
    }

    /// <summary>A round now, outside the schedule; refused while the previous round still takes confirmations.</summary>
    public async Task<Result<ContactCheckView>> SendAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var found = await IssuedAsync(caller, id, ct);
        if (!found.Ok)
        {
            return found.Problem!;
        }
        var check = found.Value!;
        var now = Clock.UtcNow(time);
        if (check.CancelledAt is not null)
        {
            return Problem.Conflict("The contact check was cancelled.");
        }
        if (await db.ContactCheckRounds.AnyAsync(r => r.CheckId == id && r.DeadlineAt > now, ct))
        {
            return Problem.Conflict("A round of this contact check is still open: wait for its deadline before sending another.");
        }
        if (await rounds.StartAsync(check, null, now, ct) is null)
        {
            return Problem.Conflict("Another round of this contact check was started at the same time.");
        }
        return (await queries.GetAsync(caller, id, ct))!;
    }

    /// <summary>Stops the schedule: no further rounds. Rounds already sent keep taking confirmations until their deadline.</summary>
    public async Task<Result<ContactCheckView>> CancelAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var found = await IssuedAsync(caller, id, ct);
        if (!found.Ok)
        {
            return found.Problem!;
        }
        var check = found.Value!;
        if (check.CancelledAt is null)
        {
            var now = Clock.UtcNow(time);
            await using var unit = await UnitOfWork.BeginAsync(db, ct);
            // Conditional, like a round's claim: a round claimed at the same moment finishes, none starts after.
            await db.ContactChecks.Where(c => c.Id == id && c.CancelledAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CancelledAt, now).SetProperty(c => c.NextRoundAt, (DateTime?)null), ct);
            await audit.RecordAsync("cancel", "contact_checks", id.ToString("D"), new { rounds = check.RoundCount }, ct);
            await unit.CommitAsync(ct);
        }
        return (await queries.GetAsync(caller, id, ct))!;
    }

    /// <summary>The check to change: the caller's organisation's, and the caller one of its desks.</summary>
    private async Task<Result<ContactCheck>> IssuedAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var check = await access.ContactChecks(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (check is null)
        {
            return Problem.NotFound("The contact check");
        }
        if (check.OwnerOrganisationId != caller.OrganisationId || !AdvisoryRemit.MayIssue(caller))
        {
            return Problem.Forbidden("Only the issuing organisation's desks change a contact check.");
        }
        return check;
    }

    /// <summary>Validates the input and the audience (organisations only, within the issuer's remit); returns the audience and the first round's time.</summary>
    private async Task<Result<(Audience Audience, DateTime First)>> CheckAsync(Caller caller, ContactCheckInput input, DateTime now, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        var schedule = input.Schedule ?? ContactCheckSchedule.Now;
        var startAt = input.StartAt is { } s ? Clock.Truncate(s.ToUniversalTime()) : (DateTime?)null;
        switch (schedule)
        {
            case ContactCheckSchedule.At when startAt is null:
                InputValidation.Add(errors, "startAt", "is required for a check at a set time");
                break;
            case ContactCheckSchedule.At when startAt <= now:
                InputValidation.Add(errors, "startAt", "must be in the future");
                break;
            case ContactCheckSchedule.Repeat when input.RepeatDays is null:
                InputValidation.Add(errors, "repeatDays", "is required for a repeating check");
                break;
            case ContactCheckSchedule.Repeat when input.DeadlineHours is { } hours && input.RepeatDays is { } days && hours > days * 24:
                // Otherwise a round would still be open when the next one starts.
                InputValidation.Add(errors, "deadlineHours", "must not be longer than the repeat interval");
                break;
            default:
                break;
        }
        if (schedule != ContactCheckSchedule.Repeat && input.RepeatDays is not null)
        {
            InputValidation.Add(errors, "repeatDays", "is only for repeating checks");
        }
        var entries = input.Audience ?? [];
        if (entries.Count == 0)
        {
            InputValidation.Add(errors, "audience", "must name at least one recipient");
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind == AudienceKind.User)
            {
                InputValidation.Add(errors, $"audience[{i}].kind", "a contact check addresses organisations, not people");
            }
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        // The label only decides the builder's rules (not RED: organisations, not named people); a check shares no content.
        var audience = await audiences.BuildAsync(Tlp.Green, entries, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        var outside = await remit.CheckAsync(caller, audience.Value!, ct);
        if (outside.Count > 0)
        {
            return Problem.Invalid(outside);
        }
        var first = schedule == ContactCheckSchedule.Now ? now : startAt ?? now;
        return (audience.Value!, first);
    }
}
