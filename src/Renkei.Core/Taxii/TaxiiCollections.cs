using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Identity;

namespace Renkei.Taxii;

/// <summary>The collections a caller has, and which stored records fill each.</summary>
/// <remarks>
/// Access is not decided here: a collection's objects come only from the records the one access
/// policy lets the caller read (<see cref="AccessPolicy.Advisories"/>, <see cref="AccessPolicy.IndicatorSets"/>),
/// narrowed to those shared with the collection's audience entry. A TAXII client therefore sees
/// exactly what its user sees in the UI, and a collection id the caller does not belong to does
/// not exist for them (404).
/// </remarks>
public sealed class TaxiiCollections(AccessPolicy access)
{
    public const string PublicKey = "public";

    /// <summary>
    /// The source of objects Renkei writes once for all its exports (the TLP marking definitions,
    /// issuers' identities): part of every collection, as they describe the others and reveal
    /// nothing the directory does not already show every member.
    /// </summary>
    public static readonly Guid CommonSourceId = Guid.Parse("00000000-0000-0000-0000-000000000001");

    public Task<List<TaxiiCollection>> ListAsync(Caller caller, CancellationToken ct = default) => BuildAsync(caller, null, ct);

    /// <summary>One of the caller's collections by id; only that one's names are looked up (a page request pays for one collection, not all).</summary>
    public async Task<TaxiiCollection?> FindAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var key = KeysFor(caller).FirstOrDefault(k => IdOf(k) == id);
        return key is null ? null : (await BuildAsync(caller, key, ct)).FirstOrDefault();
    }

    /// <summary>The keys of the caller's collections, from their memberships alone.</summary>
    private static IEnumerable<string> KeysFor(Caller caller)
    {
        yield return PublicKey;
        yield return KeyOf(AudienceKind.AllCi, SharingPolicy.AllKey);
        if (caller.SectorCode is { } sector)
        {
            yield return KeyOf(AudienceKind.Sector, sector);
        }
        if (caller.BusinessScopeCode is { } scope)
        {
            yield return KeyOf(AudienceKind.BusinessScope, scope);
        }
        foreach (var c in caller.CeptoarCodes)
        {
            yield return KeyOf(AudienceKind.Ceptoar, c);
        }
        foreach (var c in caller.RecipientOfCeptoars)
        {
            yield return KeyOf(AudienceKind.CeptoarRecipients, c);
        }
        foreach (var c in caller.CommunityCodes)
        {
            yield return KeyOf(AudienceKind.Community, c);
        }
        yield return KeyOf(AudienceKind.Organisation, caller.OrganisationId.ToString("D"));
        yield return KeyOf(AudienceKind.User, caller.UserId.ToString("D"));
    }

    private async Task<List<TaxiiCollection>> BuildAsync(Caller caller, string? only, CancellationToken ct)
    {
        bool Wanted(string key) => only is null || only == key;
        var list = new List<TaxiiCollection>
        {
            Make(caller, PublicKey, "公開 (TLP:CLEAR)", "Public (TLP:CLEAR)", "TLP:CLEAR で共有された情報", "Everything shared as TLP:CLEAR", null),
            Make(caller, "all-ci", "全重要インフラ", "All critical infrastructure", "全重要インフラ事業者等に共有された情報", "Shared with all critical-infrastructure organisations", Entry(AudienceKind.AllCi, SharingPolicy.AllKey)),
        };
        if (caller.SectorCode is { } sector && Wanted("sector:" + sector) && await access.Sectors(caller).Where(s => s.Code == sector).Select(s => new { s.NameJa, s.NameEn }).FirstOrDefaultAsync(ct) is { } s)
        {
            list.Add(Make(caller, "sector:" + sector, $"分野: {s.NameJa}", $"Sector: {s.NameEn}", $"{s.NameJa}分野に共有された情報", $"Shared with the {s.NameEn} sector", Entry(AudienceKind.Sector, sector)));
        }
        if (caller.BusinessScopeCode is { } scope && Wanted("scope:" + scope) && await access.BusinessScopes(caller).Where(x => x.Code == scope).Select(x => new { x.NameJa, x.NameEn }).FirstOrDefaultAsync(ct) is { } b)
        {
            list.Add(Make(caller, "scope:" + scope, $"業務: {b.NameJa}", $"Business scope: {b.NameEn}", $"{b.NameJa}に共有された情報", $"Shared with {b.NameEn}", Entry(AudienceKind.BusinessScope, scope)));
        }
        var ceptoars = caller.CeptoarCodes.Where(c => Wanted("ceptoar:" + c)).ToArray();
        foreach (var c in ceptoars.Length == 0 ? [] : await access.Ceptoars(caller).Where(x => ceptoars.Contains(x.Code)).OrderBy(x => x.Code).Select(x => new { x.Code, x.NameJa, x.NameEn }).ToListAsync(ct))
        {
            list.Add(Make(caller, "ceptoar:" + c.Code, $"セプター: {c.NameJa}", $"CEPTOAR: {c.NameEn}", $"{c.NameJa}に共有された情報", $"Shared with {c.NameEn}", Entry(AudienceKind.Ceptoar, c.Code)));
        }
        var recipientOf = caller.RecipientOfCeptoars.Where(c => Wanted("ceptoar-recipients:" + c)).ToArray();
        foreach (var c in recipientOf.Length == 0 ? [] : await access.Ceptoars(caller).Where(x => recipientOf.Contains(x.Code)).OrderBy(x => x.Code).Select(x => new { x.Code, x.NameJa, x.NameEn }).ToListAsync(ct))
        {
            list.Add(Make(caller, "ceptoar-recipients:" + c.Code, $"展開先: {c.NameJa}", $"Recipients via {c.NameEn}", $"{c.NameJa}の展開先に共有された情報", $"Shared with the recipients beyond {c.NameEn}'s members", Entry(AudienceKind.CeptoarRecipients, c.Code)));
        }
        var communities = caller.CommunityCodes.Where(c => Wanted("community:" + c)).ToArray();
        foreach (var c in communities.Length == 0 ? [] : await access.Communities(caller).Where(x => communities.Contains(x.Code)).OrderBy(x => x.Code).Select(x => new { x.Code, x.NameJa, x.NameEn }).ToListAsync(ct))
        {
            list.Add(Make(caller, "community:" + c.Code, $"コミュニティ: {c.NameJa}", $"Community: {c.NameEn}", $"{c.NameJa}に共有された情報", $"Shared with {c.NameEn}", Entry(AudienceKind.Community, c.Code)));
        }
        var org = caller.OrganisationId.ToString("D");
        list.Add(Make(caller, "organisation:" + org, "自組織", "My organisation", "自組織宛て・自組織内で共有された情報", "Shared with my organisation", Entry(AudienceKind.Organisation, org)));
        var user = caller.UserId.ToString("D");
        list.Add(Make(caller, "user:" + user, "個人宛て", "Addressed to me", "個人名で宛てられた情報 (TLP:RED を含む)", "Addressed to me by name (TLP:RED included)", Entry(AudienceKind.User, user)));
        return list.Where(c => Wanted(c.Key)).ToList();
    }

    /// <summary>The collection key of one audience entry (the same key <see cref="ListAsync"/> gives the caller's collections).</summary>
    public static string KeyOf(AudienceKind kind, string key) => kind switch
    {
        AudienceKind.AllCi => "all-ci",
        AudienceKind.Sector => "sector:" + key,
        AudienceKind.BusinessScope => "scope:" + key,
        AudienceKind.Ceptoar => "ceptoar:" + key,
        AudienceKind.CeptoarRecipients => "ceptoar-recipients:" + key,
        AudienceKind.Community => "community:" + key,
        AudienceKind.Organisation => "organisation:" + key,
        AudienceKind.User => "user:" + key,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Every collection a record with this audience and label appears in.</summary>
    public static List<string> KeysOf(Audience audience, Tlp tlp)
    {
        var keys = audience.Members.Select(m => KeyOf(m.Kind, m.Key)).ToList();
        if (tlp == Tlp.Clear)
        {
            keys.Add(PublicKey);
        }
        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The records (advisories, indicator sets) whose objects make up the collection for this caller.</summary>
    public IQueryable<Guid> Sources(Caller caller, TaxiiCollection collection) => access.SharedSources(caller, collection.Member);

    /// <summary>
    /// Who may post to a collection: analysts, coordinators and admins, into their own organisation,
    /// their communities and CEPTOARs (peers sharing indicators is what those groups are for), and
    /// into any collection within their organisation's advisory remit.
    /// </summary>
    private static bool MayWrite(Caller caller, AudienceMember? member)
    {
        if (member is null || !caller.HasAny(Role.Admin, Role.Coordinator, Role.Analyst))
        {
            return false;
        }
        return member.Kind switch
        {
            AudienceKind.Organisation or AudienceKind.Community or AudienceKind.Ceptoar => true,
            AudienceKind.User => false,
            // Sector-wide and wider collections are an issuer's audience: the advisory remit decides.
            _ => AdvisoryRemit.MayIssue(caller) && AdvisoryRemit.Reaches(caller, member) == true,
        };
    }

    private static TaxiiCollection Make(Caller caller, string key, string titleJa, string titleEn, string descriptionJa, string descriptionEn, AudienceMember? member) =>
        new(IdOf(key), key, titleJa, titleEn, descriptionJa, descriptionEn, member, CanRead: true, CanWrite: MayWrite(caller, member));

    private static AudienceMember Entry(AudienceKind kind, string key) => new() { Kind = kind, Key = key };

    private static readonly Guid CollectionNamespace = new("b1f1d2c4-6a0e-5c39-8d7e-2f4a9b3c1e05");

    /// <summary>A stable collection id: a name-based UUID of the key.</summary>
    public static Guid IdOf(string key) => Stix.StixIds.UuidV5(CollectionNamespace, key);
}
