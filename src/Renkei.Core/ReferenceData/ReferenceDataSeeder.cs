using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.ReferenceData;

public sealed record SeedResult(int Created, int Updated, int KeptAdminEdits);

/// <summary>
/// Loads the repository's reference data into the database, idempotently: running it twice
/// changes nothing the second time.
/// </summary>
/// <remarks>
/// A record is created, with revision 1 from "seed", when its code is new. A data-file change is
/// applied (as a new seed revision) only while the latest revision is the seed's own: once an
/// admin has edited a record, the admin's version stands and the seeder says so in the log.
/// Memberships (secretariats, council members) are seeded only when their CEPTOAR or community is
/// created, so an admin's later membership changes are never undone.
/// </remarks>
public sealed class ReferenceDataSeeder(RenkeiDbContext db, TimeProvider time, ILogger<ReferenceDataSeeder> logger)
{
    private int _created;
    private int _updated;
    private int _kept;
    private Dictionary<(string Type, string Key), ReferenceRevision> _latest = [];

    public async Task<SeedResult> SeedAsync(CancellationToken ct = default)
    {
        var files = ReferenceDataFiles.Load();
        var now = Clock.UtcNow(time);
        _created = _updated = _kept = 0;

        await using var transaction = await db.BeginWriteAsync(ct);
        _latest = (await db.ReferenceRevisions.AsNoTracking().ToListAsync(ct))
            .GroupBy(r => (r.EntityType, r.EntityKey))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);

        var orgs = await db.Organisations.Where(o => o.Code != null).ToDictionaryAsync(o => o.Code!, ct);
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, ct);
        var scopes = await db.BusinessScopes.ToDictionaryAsync(s => s.Code, ct);
        var ceptoars = await db.Ceptoars.Include(c => c.MemberFigures).ToDictionaryAsync(c => c.Code, ct);
        var communities = await db.Communities.ToDictionaryAsync(c => c.Code, ct);

        // Organisations without a sector first (ministries), then sectors, then the rest, so
        // foreign keys resolve within one transaction.
        foreach (var seed in files.Organisations.Where(o => o.Sector is null))
        {
            SeedOrganisation(seed, orgs, now);
        }
        var order = 0;
        foreach (var seed in files.Sectors)
        {
            order += 10;
            SeedSector(seed, order, orgs, sectors, scopes, now);
        }
        foreach (var seed in files.Organisations.Where(o => o.Sector is not null))
        {
            SeedOrganisation(seed, orgs, now);
        }
        await db.SaveChangesAsync(ct);

        order = 0;
        foreach (var seed in files.Ceptoars)
        {
            order += 10;
            SeedCeptoar(seed, files.FiguresAsOf, order, orgs, ceptoars, now);
        }
        order = 0;
        foreach (var seed in files.Communities)
        {
            order += 10;
            SeedCommunity(seed, order, orgs, communities, now);
        }
        await db.SaveChangesAsync(ct);

        var rules = await db.VerificationRules.ToDictionaryAsync(r => r.Code, ct);
        order = 0;
        foreach (var seed in Reports.ReportRuleFiles.VerificationLevels())
        {
            order += 10;
            SeedVerificationRule(seed, order, rules, now);
        }
        var deadlines = await db.DeadlineRules.ToDictionaryAsync(r => r.Code, ct);
        order = 0;
        foreach (var seed in Reports.ReportRuleFiles.Deadlines())
        {
            order += 10;
            SeedDeadlineRule(seed, order, deadlines, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var result = new SeedResult(_created, _updated, _kept);
        logger.LogInformation("Reference data: {Created} created, {Updated} updated from the data files, {Kept} kept as edited by admins", result.Created, result.Updated, result.KeptAdminEdits);
        return result;
    }

    private void SeedOrganisation(ReferenceDataFiles.OrganisationSeed seed, Dictionary<string, Organisation> orgs, DateTime now)
    {
        var exists = orgs.TryGetValue(seed.Code, out var org);
        org ??= new Organisation { Id = Guid.CreateVersion7(), Code = seed.Code, NameJa = seed.NameJa, NameEn = seed.NameEn, CreatedAt = now };
        Apply(ReferenceSnapshot.Organisation, seed.Code, exists, org,
            () => new Organisation { Id = org.Id, Code = seed.Code, NameJa = "", NameEn = "" }, o =>
        {
            o.Kind = seed.Kind;
            o.NameJa = seed.NameJa;
            o.NameEn = seed.NameEn;
            o.SectorCode = seed.Sector;
            o.BusinessScopeCode = seed.Scope;
            o.Website = seed.Website;
            o.UpdatedAt = now;
        }, ReferenceSnapshot.Of, o => o.Version, (o, v) => o.Version = v, now);
        if (!exists)
        {
            orgs[seed.Code] = org;
            db.Organisations.Add(org);
        }
    }

    private void SeedSector(ReferenceDataFiles.SectorSeed seed, int order, Dictionary<string, Organisation> orgs,
        Dictionary<string, Sector> sectors, Dictionary<string, BusinessScope> scopes, DateTime now)
    {
        var exists = sectors.TryGetValue(seed.Code, out var sector);
        sector ??= new Sector { Code = seed.Code, NameJa = seed.NameJa, NameEn = seed.NameEn };
        Apply(ReferenceSnapshot.Sector, seed.Code, exists, sector,
            () => new Sector { Code = seed.Code, NameJa = "", NameEn = "" }, s =>
        {
            s.NameJa = seed.NameJa;
            s.NameEn = seed.NameEn;
            s.MinistryId = orgs[seed.Ministry].Id;
            s.SortOrder = order;
            s.UpdatedAt = now;
        }, ReferenceSnapshot.Of, s => s.Version, (s, v) => s.Version = v, now);
        if (!exists)
        {
            sectors[seed.Code] = sector;
            db.Sectors.Add(sector);
        }

        var scopeOrder = 0;
        foreach (var scopeSeed in seed.Scopes)
        {
            scopeOrder += 10;
            var scopeExists = scopes.TryGetValue(scopeSeed.Code, out var scope);
            scope ??= new BusinessScope { Code = scopeSeed.Code, SectorCode = seed.Code, NameJa = scopeSeed.NameJa, NameEn = scopeSeed.NameEn };
            var sortOrder = scopeOrder;
            Apply(ReferenceSnapshot.BusinessScope, scopeSeed.Code, scopeExists, scope,
                () => new BusinessScope { Code = scopeSeed.Code, SectorCode = seed.Code, NameJa = "", NameEn = "" }, s =>
            {
                s.SectorCode = seed.Code;
                s.NameJa = scopeSeed.NameJa;
                s.NameEn = scopeSeed.NameEn;
                s.SortOrder = sortOrder;
                s.UpdatedAt = now;
            }, ReferenceSnapshot.Of, s => s.Version, (s, v) => s.Version = v, now);
            if (!scopeExists)
            {
                scopes[scopeSeed.Code] = scope;
                db.BusinessScopes.Add(scope);
            }
        }
    }

    private void SeedCeptoar(ReferenceDataFiles.CeptoarSeed seed, DateOnly? asOf, int order, Dictionary<string, Organisation> orgs,
        Dictionary<string, Ceptoar> ceptoars, DateTime now)
    {
        var exists = ceptoars.TryGetValue(seed.Code, out var ceptoar);
        ceptoar ??= new Ceptoar { Code = seed.Code, NameJa = seed.NameJa, NameEn = seed.NameEn, SectorCode = seed.Sector };
        Apply(ReferenceSnapshot.Ceptoar, seed.Code, exists, ceptoar,
            () => new Ceptoar { Code = seed.Code, NameJa = "", NameEn = "", SectorCode = seed.Sector }, c =>
        {
            c.NameJa = seed.NameJa;
            c.NameEn = seed.NameEn;
            c.SectorCode = seed.Sector;
            c.BusinessScopeCode = seed.Scope;
            c.ExtraRecipients = seed.ExtraRecipients;
            c.ExtraRecipientsNoteJa = seed.ExtraRecipientsNoteJa;
            c.ExtraRecipientsNoteEn = seed.ExtraRecipientsNoteEn;
            c.FiguresAsOf = asOf;
            c.SortOrder = order;
            c.UpdatedAt = now;
            c.SetFigures(seed.Figures.Select(f => (f.Count, f.Unit)).ToList());
        }, ReferenceSnapshot.Of, c => c.Version, (c, v) => c.Version = v, now);
        if (!exists)
        {
            ceptoars[seed.Code] = ceptoar;
            db.Ceptoars.Add(ceptoar);
            foreach (var secretariat in seed.Secretariats)
            {
                db.CeptoarMemberships.Add(new CeptoarMembership
                {
                    CeptoarCode = seed.Code,
                    OrganisationId = orgs[secretariat.Organisation].Id,
                    Role = MembershipRole.Secretariat,
                    Unit = secretariat.Unit,
                    CreatedAt = now,
                });
            }
        }
    }

    private void SeedCommunity(ReferenceDataFiles.CommunitySeed seed, int order, Dictionary<string, Organisation> orgs,
        Dictionary<string, Community> communities, DateTime now)
    {
        var exists = communities.TryGetValue(seed.Code, out var community);
        community ??= new Community { Code = seed.Code, NameJa = seed.NameJa, NameEn = seed.NameEn };
        Apply(ReferenceSnapshot.Community, seed.Code, exists, community,
            () => new Community { Code = seed.Code, NameJa = "", NameEn = "" }, c =>
        {
            c.Kind = seed.Kind;
            c.NameJa = seed.NameJa;
            c.NameEn = seed.NameEn;
            c.DescriptionJa = seed.DescriptionJa;
            c.DescriptionEn = seed.DescriptionEn;
            c.SortOrder = order;
            c.UpdatedAt = now;
        }, ReferenceSnapshot.Of, c => c.Version, (c, v) => c.Version = v, now);
        if (!exists)
        {
            communities[seed.Code] = community;
            db.Communities.Add(community);
            if (seed.Secretariat is not null)
            {
                db.CommunityMemberships.Add(new CommunityMembership { CommunityCode = seed.Code, OrganisationId = orgs[seed.Secretariat].Id, Role = MembershipRole.Secretariat, CreatedAt = now });
            }
            foreach (var member in (seed.Members ?? []).Where(m => m != seed.Secretariat))
            {
                db.CommunityMemberships.Add(new CommunityMembership { CommunityCode = seed.Code, OrganisationId = orgs[member].Id, Role = MembershipRole.Member, CreatedAt = now });
            }
        }
    }

    private void SeedVerificationRule(Reports.ReportRuleFiles.VerificationSeed seed, int order, Dictionary<string, Reports.VerificationRule> rules, DateTime now)
    {
        var exists = rules.TryGetValue(seed.Code, out var rule);
        rule ??= new Reports.VerificationRule { Code = seed.Code, SectorCode = seed.Sector, DescriptionJa = "", DescriptionEn = "" };
        Apply(ReferenceSnapshot.VerificationRule, seed.Code, exists, rule,
            () => new Reports.VerificationRule { Code = seed.Code, SectorCode = seed.Sector, DescriptionJa = "", DescriptionEn = "" }, r =>
            {
                r.SectorCode = seed.Sector;
                r.Scopes = string.Join(';', seed.Scopes ?? []);
                r.DescriptionJa = seed.DescriptionJa;
                r.DescriptionEn = seed.DescriptionEn;
                r.AnyOutage = seed.AnyOutage;
                r.MinUsers = seed.MinUsers;
                r.MinDurationMinutes = seed.MinDurationMinutes;
                r.MinKw = seed.MinKw;
                r.MinHouseholds = seed.MinHouseholds;
                r.MinFlightsCancelled = seed.MinFlightsCancelled;
                r.MinTrainsCancelled = seed.MinTrainsCancelled;
                r.SortOrder = order;
                r.UpdatedAt = now;
            }, ReferenceSnapshot.Of, r => r.Version, (r, v) => r.Version = v, now);
        if (!exists)
        {
            rules[seed.Code] = rule;
            db.VerificationRules.Add(rule);
        }
    }

    private void SeedDeadlineRule(Reports.ReportRuleFiles.DeadlineSeed seed, int order, Dictionary<string, Reports.DeadlineRule> rules, DateTime now)
    {
        var exists = rules.TryGetValue(seed.Code, out var rule);
        rule ??= new Reports.DeadlineRule { Code = seed.Code, DescriptionJa = "", DescriptionEn = "" };
        Apply(ReferenceSnapshot.DeadlineRule, seed.Code, exists, rule,
            () => new Reports.DeadlineRule { Code = seed.Code, DescriptionJa = "", DescriptionEn = "" }, r =>
            {
                r.Kind = seed.Kind;
                r.Route = seed.Route;
                r.Stage = seed.Stage;
                r.Hours = seed.Hours;
                r.DescriptionJa = seed.DescriptionJa;
                r.DescriptionEn = seed.DescriptionEn;
                r.SortOrder = order;
                r.UpdatedAt = now;
            }, ReferenceSnapshot.Of, r => r.Version, (r, v) => r.Version = v, now);
        if (!exists)
        {
            rules[seed.Code] = rule;
            db.DeadlineRules.Add(rule);
        }
    }

    /// <summary>Creates or updates one record from the data files, following the revision rules above.</summary>
    private void Apply<T>(string type, string key, bool exists, T entity, Func<T> fresh, Action<T> fromSeed, Func<T, string> snapshot,
        Func<T, int> version, Action<T, int> setVersion, DateTime now)
    {
        if (!exists)
        {
            fromSeed(entity);
            setVersion(entity, 1);
            AddRevision(type, key, 1, snapshot(entity), now);
            _created++;
            return;
        }
        if (!_latest.TryGetValue((type, key), out var latest) || latest.Source != ReferenceRevisionSources.Seed)
        {
            // Edited by an admin (or created outside the seed): theirs stands.
            _kept++;
            return;
        }
        // What the files say now, built on a detached copy so that an unchanged record is not
        // touched at all (not even its timestamps).
        var proposed = fresh();
        fromSeed(proposed);
        var data = snapshot(proposed);
        if (string.Equals(data, latest.Data, StringComparison.Ordinal))
        {
            return;
        }
        fromSeed(entity);
        var next = version(entity) + 1;
        setVersion(entity, next);
        AddRevision(type, key, next, snapshot(entity), now);
        _updated++;
    }

    private void AddRevision(string type, string key, int version, string data, DateTime now) =>
        db.ReferenceRevisions.Add(new ReferenceRevision
        {
            EntityType = type,
            EntityKey = key,
            Version = version,
            Data = data,
            Source = ReferenceRevisionSources.Seed,
            ChangedAt = now,
        });
}

public static class ReferenceRevisionSources
{
    public const string Seed = "seed";
    public const string Admin = "admin";
}
