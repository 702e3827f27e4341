using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>
/// The relay graph of one advisory, from today's directory: for every organisation its audience
/// reaches, the path issuer → ministry in charge of its sector → secretariat of each of its
/// CEPTOARs in that sector (those it is a member or a 展開先 of) → the organisation, without the stages at or above the issuer's own,
/// and keeping only the hand-ons the <see cref="RelayRules"/> allow. Built when an advisory is
/// published and whenever a holder relays, so a directory change between hops is honoured.
/// </summary>
internal sealed class AdvisoryChain
{
    private readonly Dictionary<Guid, HashSet<Guid>> _children = [];
    private readonly Dictionary<Guid, RelayStage> _stages = [];
    private readonly Guid _issuer;

    private AdvisoryChain(Guid issuer) => _issuer = issuer;

    /// <summary>The organisations the issuer hands the advisory to at publish.</summary>
    public IReadOnlyCollection<Guid> FirstHop => Children(_issuer);

    /// <summary>The organisations a holder may hand the advisory on to.</summary>
    public IReadOnlyCollection<Guid> NextHop(Guid holder) => Children(holder);

    /// <summary>The holder stage of an organisation, or null when it is only an end recipient (or not in the chain).</summary>
    public RelayStage? HolderStage(Guid org) => _stages.TryGetValue(org, out var stage) && stage != RelayStage.Recipient ? stage : null;

    private HashSet<Guid> Children(Guid org) => _children.TryGetValue(org, out var set) ? set : [];

    public static async Task<AdvisoryChain> BuildAsync(RenkeiDbContext db, Guid audienceId, Guid issuer, CancellationToken ct)
    {
        var rules = RelayRules.Instance;
        var recipients = await AdvisoryRecipients.OfAsync(db, audienceId, issuer, ct);
        var finals = await db.Organisations.AsNoTracking().Where(o => recipients.Contains(o.Id)).Select(o => new { o.Id, o.SectorCode }).ToListAsync(ct);
        var memberOf = (await db.CeptoarMemberships.AsNoTracking()
                .Where(m => m.Role == MembershipRole.Member && recipients.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.CeptoarCode }).ToListAsync(ct))
            .ToLookup(m => m.OrganisationId, m => m.CeptoarCode);
        var recipientOf = await AdvisoryRecipients.RecipientOfAsync(db, recipients, ct);
        var ceptoarSector = await db.Ceptoars.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.SectorCode, ct);
        var secretariats = (await db.CeptoarMemberships.AsNoTracking().Where(m => m.Role == MembershipRole.Secretariat)
                .Select(m => new { m.CeptoarCode, m.OrganisationId }).ToListAsync(ct))
            .ToLookup(m => m.CeptoarCode, m => m.OrganisationId);
        var ministries = await db.Sectors.AsNoTracking().Where(s => s.MinistryId != null).ToDictionaryAsync(s => s.Code, s => s.MinistryId!.Value, ct);
        var issuerKind = await db.Organisations.AsNoTracking().Where(o => o.Id == issuer).Select(o => o.Kind).FirstAsync(ct);

        // Stages at or above the issuer's are behind it: a ministry's advisory starts at the CEPTOARs.
        var issuerStage = issuerKind switch
        {
            OrganisationKind.Ministry => rules.IndexOf(RelayStage.Ministry),
            OrganisationKind.CeptoarSecretariat => rules.IndexOf(RelayStage.CeptoarSecretariat),
            _ => -1,
        };
        var chain = new AdvisoryChain(issuer);
        foreach (var r in finals)
        {
            var levels = new List<(RelayStage Stage, List<Guid> Orgs)>();
            for (var i = issuerStage + 1; i < rules.Stages.Count; i++)
            {
                var stage = rules.Stages[i];
                var orgs = stage switch
                {
                    RelayStage.Ministry => r.SectorCode is not null && ministries.TryGetValue(r.SectorCode, out var m) ? [m] : new List<Guid>(),
                    RelayStage.CeptoarSecretariat => memberOf[r.Id].Concat(recipientOf[r.Id])
                        .Where(c => r.SectorCode is null || (ceptoarSector.TryGetValue(c, out var s) && s == r.SectorCode))
                        .SelectMany(c => secretariats[c]).Distinct().ToList(),
                    _ => [r.Id],
                };
                orgs.RemoveAll(o => o == issuer || (stage != RelayStage.Recipient && o == r.Id));
                if (orgs.Count > 0)
                {
                    levels.Add((stage, orgs));
                }
            }
            chain.Link(rules, levels);
        }
        return chain;
    }

    /// <summary>Adds the hand-ons of one recipient's path that the rules allow; a hop the rules forbid ends that path.</summary>
    private void Link(RelayRules rules, List<(RelayStage Stage, List<Guid> Orgs)> levels)
    {
        IEnumerable<Guid> parents = [_issuer];
        RelayStage? parentStage = null;
        foreach (var (stage, orgs) in levels)
        {
            if (parentStage is { } holder && rules.For(holder)?.NextStages.Contains(stage) != true)
            {
                return;
            }
            foreach (var parent in parents)
            {
                if (!_children.TryGetValue(parent, out var set))
                {
                    _children[parent] = set = [];
                }
                set.UnionWith(orgs);
            }
            foreach (var org in orgs)
            {
                // An organisation that relays for one path and is an end recipient of another is a holder.
                if (!_stages.TryGetValue(org, out var known) || known == RelayStage.Recipient)
                {
                    _stages[org] = stage;
                }
            }
            parents = orgs;
            parentStage = stage;
        }
    }
}
