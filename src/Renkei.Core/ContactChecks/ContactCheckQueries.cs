using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;

namespace Renkei.ContactChecks;

/// <summary>Reading contact checks through <see cref="AccessPolicy.ContactChecks"/>: the issuer's list and the checks waiting for the caller's answer.</summary>
public sealed class ContactCheckQueries(AccessPolicy access, AudienceBuilder audiences, TimeProvider time)
{
    public async Task<ContactCheckList> ListAsync(Caller caller, int offset, int limit, CancellationToken ct = default)
    {
        var issued = access.IssuedContactChecks(caller).AsNoTracking();
        var total = await issued.CountAsync(ct);
        var page = await issued.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(offset).Take(limit).ToListAsync(ct);
        var ids = page.Select(c => c.Id).ToList();
        var rounds = access.ContactCheckRounds(caller);
        var latest = await rounds.AsNoTracking().Where(r => ids.Contains(r.CheckId))
            .Where(r => !rounds.Any(later => later.CheckId == r.CheckId && later.Number > r.Number)).ToListAsync(ct);
        var counts = latest.Zip(await CountsAsync(access.ContactCheckTargets(caller), latest, ct)).ToDictionary(x => x.First.CheckId, x => x.Second);
        var summaries = page.Select(c => new ContactCheckSummary(c.Id, c.Title, c.Schedule, c.RepeatDays, c.DeadlineHours, c.CreatedAt, c.NextRoundAt, c.CancelledAt,
            c.RoundCount, counts.GetValueOrDefault(c.Id))).ToList();
        return new ContactCheckList(summaries, total, await OpenAsync(caller, ct));
    }

    /// <summary>Rounds addressed to the caller's organisation that still take confirmations, newest first.</summary>
    public async Task<List<OpenCheck>> OpenAsync(Caller caller, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(time);
        var org = caller.OrganisationId;
        var rows = await (
            from t in access.ContactCheckTargets(caller).AsNoTracking()
            where t.OrganisationId == org
            join r in access.ContactCheckRounds(caller) on t.RoundId equals r.Id
            where r.DeadlineAt > now
            join c in access.ContactChecks(caller) on r.CheckId equals c.Id
            join o in access.Organisations(caller) on c.OwnerOrganisationId equals o.Id
            select new { c.Id, c.Title, c.Message, c.OwnerOrganisationId, o.NameJa, o.NameEn, r.Number, r.StartedAt, r.DeadlineAt, t.ConfirmedAt })
            .ToListAsync(ct);
        // A few targets per organisation and round: grouped here, which also keeps MIN over timestamps off SQLite's text.
        return rows.GroupBy(x => (x.Id, x.Number))
            .Select(g =>
            {
                var x = g.First();
                return new OpenCheck(x.Id, x.Title, x.Message, x.OwnerOrganisationId, x.NameJa, x.NameEn, x.Number, x.StartedAt, x.DeadlineAt, g.Min(y => y.ConfirmedAt));
            })
            .OrderByDescending(x => x.StartedAt).ToList();
    }

    /// <summary>One check, if the caller may see it: the issuer with every round's counts, a recipient with its own rounds.</summary>
    public async Task<ContactCheckView?> GetAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (await access.ContactCheckAsync(caller, id, ct) is not { } visible)
        {
            return null;
        }
        var check = visible.Check;
        var owner = await access.Organisations(caller).AsNoTracking().Where(o => o.Id == check.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var allRounds = await access.ContactCheckRounds(visible).AsNoTracking().OrderBy(r => r.Number).ToListAsync(ct);
        var issuer = visible.IssuedByCallersOrganisation;
        var rounds = issuer ? await CountsAsync(access.ContactCheckTargets(visible), allRounds, ct) : [];
        var org = caller.OrganisationId;
        var mine = (await access.ContactCheckTargets(visible).AsNoTracking().Where(t => t.OrganisationId == org)
                .Select(t => new { t.RoundId, t.ConfirmedAt }).ToListAsync(ct))
            .GroupBy(t => t.RoundId)
            .Join(allRounds, g => g.Key, r => r.Id, (g, r) => new MyRound(r.Number, r.StartedAt, r.DeadlineAt, g.Min(t => t.ConfirmedAt)))
            .OrderBy(r => r.Number).ToList();
        return new ContactCheckView(check.Id, check.Title, check.Message, check.Schedule, check.RepeatDays, check.DeadlineHours,
            check.OwnerOrganisationId, owner.NameJa, owner.NameEn, issuer ? await audiences.DescribeAsync(check.AudienceId, ct) : [],
            check.CreatedAt, check.NextRoundAt, check.CancelledAt, rounds, mine);
    }

    /// <summary>Organisations targeted and answered per round, in one grouped query over the targets the policy gave.</summary>
    internal static async Task<List<RoundCounts>> CountsAsync(IQueryable<ContactCheckTarget> targets, IReadOnlyList<ContactCheckRound> rounds, CancellationToken ct)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var perOrganisation = await targets.AsNoTracking().Where(t => ids.Contains(t.RoundId))
            .GroupBy(t => new { t.RoundId, t.OrganisationId })
            .Select(g => new { g.Key.RoundId, Answered = g.Count(t => t.ConfirmedAt != null) > 0 })
            .ToListAsync(ct);
        var byRound = perOrganisation.ToLookup(x => x.RoundId);
        return rounds.Select(r => new RoundCounts(r.Number, r.StartedAt, r.DeadlineAt, byRound[r.Id].Count(), byRound[r.Id].Count(x => x.Answered))).ToList();
    }
}
