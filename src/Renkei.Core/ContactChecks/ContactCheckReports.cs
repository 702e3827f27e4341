using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Directory;

namespace Renkei.ContactChecks;

/// <summary>Organisations targeted and answered, with response times in seconds (null when nobody answered).</summary>
public sealed record ResponseStats(int Targeted, int Answered, int? MedianSeconds, int? P90Seconds);

/// <summary>The statistics of one sector or CEPTOAR (an organisation in two CEPTOARs counts in both).</summary>
public sealed record ResponseGroup(string Code, string NameJa, string NameEn, ResponseStats Stats);

/// <summary>A point of contact to call.</summary>
public sealed record ContactToCall(string Name, string? Phone, string Email, ContactPriority Priority, string? Hours);

/// <summary>An organisation that has not answered the round, with the numbers the desk can call.</summary>
public sealed record NonResponder(Guid OrganisationId, string NameJa, string NameEn, string? SectorCode, IReadOnlyList<ContactToCall> Contacts);

public sealed record RoundReport(int Number, DateTime StartedAt, DateTime DeadlineAt, int Contacts, ResponseStats Total,
    IReadOnlyList<ResponseGroup> BySector, IReadOnlyList<ResponseGroup> ByCeptoar, IReadOnlyList<NonResponder> NotAnswered);

/// <summary>The issuer's report: every round's counts, and one round (the latest unless asked) in full.</summary>
public sealed record ContactCheckReport(Guid CheckId, string Title, IReadOnlyList<RoundCounts> Rounds, RoundReport? Round);

/// <summary>
/// Who answered a contact check, how fast, per sector and per CEPTOAR, and who must be called.
/// The issuing organisation only: for anyone else the check's report does not exist (404), as an
/// advisory's deliveries.
/// </summary>
public sealed class ContactCheckReports(AccessPolicy access)
{
    public async Task<ContactCheckReport?> ReportAsync(Caller caller, Guid id, int? roundNumber, CancellationToken ct = default)
    {
        if (await access.ContactCheckAsync(caller, id, ct) is not { IssuedByCallersOrganisation: true } check)
        {
            return null;
        }
        var rounds = await access.ContactCheckRounds(check).AsNoTracking().OrderBy(r => r.Number).ToListAsync(ct);
        var round = roundNumber is { } n ? rounds.FirstOrDefault(r => r.Number == n) : rounds.LastOrDefault();
        if (roundNumber is not null && round is null)
        {
            return null;
        }
        return new ContactCheckReport(id, check.Check.Title, await ContactCheckQueries.CountsAsync(access.ContactCheckTargets(check), rounds, ct),
            round is null ? null : await RoundAsync(check, round, ct));
    }

    private async Task<RoundReport> RoundAsync(VisibleContactCheck check, ContactCheckRound round, CancellationToken ct)
    {
        var caller = check.Caller;
        // One row per target: a round has a few per organisation, grouped here so that response
        // times (the earliest confirmation of each organisation) are computed alike on both providers.
        var roundId = round.Id;
        var targets = await access.ContactCheckTargets(check).AsNoTracking().Where(t => t.RoundId == roundId)
            .Join(access.Organisations(caller), t => t.OrganisationId, o => o.Id, (t, o) => new { t.OrganisationId, t.ContactId, t.SentAt, t.ConfirmedAt, o.NameJa, o.NameEn, o.SectorCode })
            .ToListAsync(ct);
        var organisations = targets.GroupBy(t => t.OrganisationId).Select(g =>
        {
            var first = g.Where(t => t.ConfirmedAt is not null).Min(t => t.ConfirmedAt);
            var x = g.First();
            return new Answer(x.OrganisationId, x.NameJa, x.NameEn, x.SectorCode ?? "", first is null ? null : (int)(first.Value - g.Min(t => t.SentAt)).TotalSeconds);
        }).ToList();
        var ids = organisations.Select(o => o.Id).ToList();
        var memberships = (await access.CeptoarMemberships(caller).AsNoTracking().Where(m => ids.Contains(m.OrganisationId)).Select(m => new { m.OrganisationId, m.CeptoarCode }).ToListAsync(ct))
            .ToLookup(m => m.OrganisationId, m => m.CeptoarCode);
        var sectorNames = await access.Sectors(caller).AsNoTracking().ToDictionaryAsync(x => x.Code, x => (x.NameJa, x.NameEn), ct);
        var ceptoarNames = await access.Ceptoars(caller).AsNoTracking().ToDictionaryAsync(x => x.Code, x => (x.NameJa, x.NameEn), ct);
        ResponseGroup Group(string code, IEnumerable<Answer> answers, Dictionary<string, (string NameJa, string NameEn)> names) =>
            names.TryGetValue(code, out var n) ? new ResponseGroup(code, n.NameJa, n.NameEn, Stats(answers))
                : new ResponseGroup(code, code.Length == 0 ? "分野なし" : code, code.Length == 0 ? "No sector" : code, Stats(answers));
        var bySector = organisations.GroupBy(o => o.SectorCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g, sectorNames)).ToList();
        var byCeptoar = organisations.SelectMany(o => memberships[o.Id].Select(code => (code, o))).GroupBy(x => x.code)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.Select(x => x.o), ceptoarNames)).ToList();
        return new RoundReport(round.Number, round.StartedAt, round.DeadlineAt, targets.Count(t => t.ContactId is not null), Stats(organisations),
            bySector, byCeptoar, await NotAnsweredAsync(check, organisations.Where(o => o.Seconds is null).ToList(), ct));
    }

    /// <summary>The organisations to call, with their points of contact (<see cref="AccessPolicy.ContactsToCall"/>).</summary>
    private async Task<List<NonResponder>> NotAnsweredAsync(VisibleContactCheck check, List<Answer> silent, CancellationToken ct)
    {
        var ids = silent.Select(o => o.Id).ToList();
        var contacts = (await access.ContactsToCall(check).AsNoTracking().Where(p => ids.Contains(p.OrganisationId)).ToListAsync(ct)).ToLookup(p => p.OrganisationId);
        return silent.OrderBy(o => o.SectorCode, StringComparer.Ordinal).ThenBy(o => o.NameJa, StringComparer.Ordinal)
            .Select(o => new NonResponder(o.Id, o.NameJa, o.NameEn, o.SectorCode.Length == 0 ? null : o.SectorCode,
                contacts[o.Id].OrderBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => new ContactToCall(p.Name, p.Phone, p.Email, p.Priority, p.Hours)).ToList()))
            .ToList();
    }

    private static ResponseStats Stats(IEnumerable<Answer> organisations)
    {
        var all = organisations.ToList();
        var seconds = all.Where(o => o.Seconds is not null).Select(o => o.Seconds!.Value).Order().ToList();
        return new ResponseStats(all.Count, seconds.Count, ResponseTimes.Percentile(seconds, 50), ResponseTimes.Percentile(seconds, 90));
    }

    /// <summary>An organisation of the round and its response time (null: not answered).</summary>
    private sealed record Answer(Guid Id, string NameJa, string NameEn, string SectorCode, int? Seconds);
}
