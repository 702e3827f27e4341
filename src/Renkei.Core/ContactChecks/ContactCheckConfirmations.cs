using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.ContactChecks;

/// <summary>What the confirmation page shows for a link: the check, who asks, and whether it still counts.</summary>
public sealed record LinkConfirmation(string Title, string IssuerNameJa, string IssuerNameEn, string OrganisationNameJa, string OrganisationNameEn,
    DateTime DeadlineAt, DateTime? ConfirmedAt, bool Expired);

/// <summary>
/// Confirmations: by a point of contact's link (no sign-in: the secret is the proof) or by a
/// signed-in member for the organisation. The first confirmation is kept; confirming again
/// changes nothing. After the round's deadline nothing is accepted: the round measured who
/// answered in time.
/// </summary>
public sealed class ContactCheckConfirmations(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    /// <summary>The link's check, or null for a link that is not (or no longer) ours. Reads only: mail scanners open links.</summary>
    public async Task<LinkConfirmation?> FindAsync(string token, CancellationToken ct = default)
    {
        var target = await ByTokenAsync(token, ct);
        return target is null ? null : await ViewAsync(target, ct);
    }

    public async Task<Result<LinkConfirmation>> ConfirmAsync(string token, CancellationToken ct = default)
    {
        var target = await ByTokenAsync(token, ct);
        if (target is null)
        {
            return Problem.NotFound("The confirmation link");
        }
        var now = Clock.UtcNow(time);
        if (target.ConfirmedAt is null)
        {
            var view = await ViewAsync(target, ct);
            if (view.Expired)
            {
                return Problem.Conflict("The round's deadline has passed: this link no longer confirms.");
            }
            await MarkAsync(target.Id, ConfirmationChannel.Link, null, now, ct);
        }
        return await ViewAsync((await ByTokenAsync(token, ct))!, ct);
    }

    /// <summary>Confirms the latest open round that reached the caller's organisation.</summary>
    public async Task<Result<MyConfirmation>> ConfirmAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (!await access.ContactChecks(caller).AnyAsync(c => c.Id == id, ct))
        {
            return Problem.NotFound("The contact check");
        }
        var now = Clock.UtcNow(time);
        var org = caller.OrganisationId;
        var targets = await (
            from t in db.ContactCheckTargets.AsNoTracking()
            where t.CheckId == id && t.OrganisationId == org
            join r in db.ContactCheckRounds on t.RoundId equals r.Id
            from p in db.PointsOfContact.Where(p => p.Id == t.ContactId).DefaultIfEmpty()
            select new { t.Id, t.ConfirmedAt, r.Number, r.DeadlineAt, Priority = (Directory.ContactPriority?)p!.Priority })
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            return Problem.Conflict("Your organisation is not addressed by this contact check.");
        }
        var open = targets.Where(t => t.DeadlineAt > now).Select(t => t.Number).DefaultIfEmpty().Max();
        if (open == 0)
        {
            return Problem.Conflict("This contact check has no open round for your organisation: the deadline has passed.");
        }
        var round = targets.Where(t => t.Number == open).ToList();
        if (round.Where(t => t.ConfirmedAt is not null).Min(t => t.ConfirmedAt) is { } earlier)
        {
            return new MyConfirmation(id, open, earlier, true);
        }
        // The answer is the organisation's; it is recorded on its primary contact's target (or the
        // one target of an organisation without contacts), with the member who gave it.
        var first = round.OrderBy(t => t.Priority is null).ThenBy(t => t.Priority).First();
        if (!await MarkAsync(first.Id, ConfirmationChannel.Member, caller.UserId, now, ct))
        {
            var confirmed = await db.ContactCheckTargets.AsNoTracking().Where(t => t.Id == first.Id).Select(t => t.ConfirmedAt).FirstAsync(ct);
            return new MyConfirmation(id, open, confirmed ?? now, true);
        }
        return new MyConfirmation(id, open, now, false);
    }

    /// <summary>Sets the confirmation unless there is one (concurrent clicks: the first wins).</summary>
    private async Task<bool> MarkAsync(Guid target, ConfirmationChannel via, Guid? user, DateTime now, CancellationToken ct)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var marked = await db.ContactCheckTargets.Where(t => t.Id == target && t.ConfirmedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ConfirmedAt, (DateTime?)now)
            .SetProperty(t => t.ConfirmedVia, (ConfirmationChannel?)via)
            .SetProperty(t => t.ConfirmedByUserId, user), ct);
        await write.CommitAsync(ct);
        return marked > 0;
    }

    private async Task<ContactCheckTarget?> ByTokenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > ConfirmationToken.MaxLength)
        {
            return null;
        }
        var hash = ConfirmationToken.Hash(token);
        return await db.ContactCheckTargets.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    private async Task<LinkConfirmation> ViewAsync(ContactCheckTarget target, CancellationToken ct)
    {
        var row = await (
            from r in db.ContactCheckRounds.AsNoTracking()
            where r.Id == target.RoundId
            join c in db.ContactChecks on r.CheckId equals c.Id
            join issuer in db.Organisations on c.OwnerOrganisationId equals issuer.Id
            join o in db.Organisations on target.OrganisationId equals o.Id
            select new { c.Title, IssuerJa = issuer.NameJa, IssuerEn = issuer.NameEn, o.NameJa, o.NameEn, r.DeadlineAt })
            .FirstAsync(ct);
        return new LinkConfirmation(row.Title, row.IssuerJa, row.IssuerEn, row.NameJa, row.NameEn, row.DeadlineAt, target.ConfirmedAt,
            target.ConfirmedAt is null && row.DeadlineAt <= Clock.UtcNow(time));
    }
}
