using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.Standards;

/// <summary>Filters of the standards list; each may be left out.</summary>
public sealed record SafetyStandardFilter(string? Sector = null, string? Scope = null, string? Kind = null, string? Status = null);

/// <summary>
/// The registry of safety standards (安全基準等, DOMAIN §6; seed 002:1117-1177): per sector and
/// business scope, the state's mandatory (①) and recommended (②) standards, the industry's (③)
/// and each operator's own internal rules (④, read by that operator only), with relations
/// between documents. Ministries keep their sectors' documents current, operators their own
/// internal rules (<see cref="Permissions.EditSafetyStandard"/>); every write is audited.
/// </summary>
public sealed class SafetyStandardService(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    private const string NotAllowed = "Only platform admins and the ministry in charge of the sector keep its safety standards; an operator keeps its own internal rules.";

    public async Task<Result<List<SafetyStandardView>>> ListAsync(Caller caller, SafetyStandardFilter filter, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        StandardKind? kind = null;
        StandardStatus? status = null;
        if (filter.Kind is not null)
        {
            if (EnumText.TryParse<StandardKind>(filter.Kind, out var k))
            {
                kind = k;
            }
            else
            {
                InputValidation.Add(errors, "kind", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<StandardKind>())));
            }
        }
        if (filter.Status is not null)
        {
            if (EnumText.TryParse<StandardStatus>(filter.Status, out var s))
            {
                status = s;
            }
            else
            {
                InputValidation.Add(errors, "status", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<StandardStatus>())));
            }
        }
        await CheckPlaceAsync(caller, filter.Sector, filter.Scope, errors, "sector", "scope", ct);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var query = access.SafetyStandards(caller).AsNoTracking();
        if (filter.Sector is not null)
        {
            query = query.Where(s => s.SectorCode == filter.Sector);
        }
        if (filter.Scope is not null)
        {
            query = query.Where(s => s.BusinessScopeCode == filter.Scope);
        }
        if (kind is not null)
        {
            query = query.Where(s => s.Kind == kind);
        }
        if (status is not null)
        {
            query = query.Where(s => s.Status == status);
        }
        var rows = await query.ToListAsync(ct);
        var sectors = await SectorsAsync(caller, ct);
        return rows
            .OrderBy(s => sectors.TryGetValue(s.SectorCode, out var x) ? x.SortOrder : int.MaxValue)
            .ThenBy(s => s.Kind).ThenBy(s => s.BusinessScopeCode).ThenBy(s => s.TitleJa, StringComparer.Ordinal)
            .Select(s => View(caller, s, sectors)).ToList();
    }

    public async Task<Result<SafetyStandardDetail>> GetAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var standard = await access.SafetyStandards(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null)
        {
            return Problem.NotFound("The safety standard");
        }
        var relations = await access.SafetyStandardRelations(caller).AsNoTracking().Where(r => r.FromId == id || r.ToId == id).ToListAsync(ct);
        var otherIds = relations.Select(r => r.FromId == id ? r.ToId : r.FromId).Distinct().ToList();
        var others = await access.SafetyStandards(caller).AsNoTracking().Where(s => otherIds.Contains(s.Id))
            .Select(s => new { s.Id, s.TitleJa, s.TitleEn }).ToDictionaryAsync(s => s.Id, ct);
        var views = relations
            .Where(r => others.ContainsKey(r.FromId == id ? r.ToId : r.FromId))
            .Select(r =>
            {
                var outgoing = r.FromId == id;
                var other = others[outgoing ? r.ToId : r.FromId];
                return new SafetyStandardRelationView(r.Id, r.Kind, outgoing ? "outgoing" : "incoming", other.Id, other.TitleJa, other.TitleEn);
            })
            .OrderBy(r => r.Direction, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.OtherTitleJa, StringComparer.Ordinal)
            .ToList();
        return new SafetyStandardDetail(View(caller, standard, await SectorsAsync(caller, ct)), views);
    }

    /// <summary>Whether the caller may add a document of some kind to some sector (the pages offer the form only then).</summary>
    public static bool MayCreateAny(Caller caller) =>
        caller.IsPlatformAdmin || (caller.MinistryOfSectors.Count > 0 && caller.HasAny(Identity.Role.Admin, Identity.Role.Coordinator))
        || (caller.SectorCode is not null && Permissions.EditSafetyStandard(caller, caller.SectorCode, StandardKind.Internal, caller.OrganisationId));

    public async Task<Result<SafetyStandardView>> CreateAsync(Caller caller, SafetyStandardInput input, CancellationToken ct = default)
    {
        var (errors, kind, status) = await ValidateAsync(caller, input, ct);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var owner = kind == StandardKind.Internal ? caller.OrganisationId : (Guid?)null;
        if (!Permissions.EditSafetyStandard(caller, input.Sector!, kind, owner))
        {
            return Problem.Forbidden(NotAllowed);
        }
        if (kind == StandardKind.Internal && input.Sector != caller.SectorCode)
        {
            return Problem.Invalid("sector", "an internal rule belongs to the operator's own sector");
        }
        var now = Clock.UtcNow(time);
        var standard = new SafetyStandard
        {
            Id = Guid.CreateVersion7(),
            SectorCode = input.Sector!,
            TitleJa = input.TitleJa!.Trim(),
            Kind = kind,
            OwnerOrganisationId = owner,
            Version = 1,
            CreatedAt = now,
        };
        Apply(standard, input, status, caller, now);
        db.SafetyStandards.Add(standard);
        await db.SaveChangesAsync(ct);
        return View(caller, standard, await SectorsAsync(caller, ct));
    }

    public async Task<Result<SafetyStandardView>> UpdateAsync(Caller caller, Guid id, SafetyStandardInput input, CancellationToken ct = default)
    {
        var standard = await access.SafetyStandards(caller).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null)
        {
            return Problem.NotFound("The safety standard");
        }
        if (!Permissions.EditSafetyStandard(caller, standard.SectorCode, standard.Kind, standard.OwnerOrganisationId))
        {
            return Problem.Forbidden(NotAllowed);
        }
        if (input.Version is null)
        {
            return Problem.Invalid("version", "is required: send the version you are editing");
        }
        if (input.Version != standard.Version)
        {
            return Problem.StaleVersion(input.Version.Value, standard.Version);
        }
        var (errors, kind, status) = await ValidateAsync(caller, input, ct);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if ((kind == StandardKind.Internal) != (standard.Kind == StandardKind.Internal))
        {
            return Problem.Invalid("kind", "cannot change between an internal rule and the other kinds (create another document)");
        }
        if (!Permissions.EditSafetyStandard(caller, input.Sector!, kind, standard.OwnerOrganisationId))
        {
            return Problem.Invalid("sector", "is a sector whose standards the caller does not keep");
        }
        if (kind == StandardKind.Internal && input.Sector != standard.SectorCode)
        {
            return Problem.Invalid("sector", "an internal rule belongs to the operator's own sector");
        }
        var before = Snapshot(standard);
        standard.SectorCode = input.Sector!;
        standard.Kind = kind;
        standard.TitleJa = input.TitleJa!.Trim();
        var now = Clock.UtcNow(time);
        Apply(standard, input, status, caller, now);
        if (Snapshot(standard) == before)
        {
            db.ChangeTracker.Clear();
            return View(caller, standard, await SectorsAsync(caller, ct));
        }
        standard.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The safety standard was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return View(caller, standard, await SectorsAsync(caller, ct));
    }

    public async Task<Result<SafetyStandardDetail>> AddRelationAsync(Caller caller, Guid id, SafetyStandardRelationInput input, CancellationToken ct = default)
    {
        var from = await access.SafetyStandards(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (from is null)
        {
            return Problem.NotFound("The safety standard");
        }
        if (!Permissions.EditSafetyStandard(caller, from.SectorCode, from.Kind, from.OwnerOrganisationId))
        {
            return Problem.Forbidden(NotAllowed);
        }
        var errors = InputValidation.Validate(input);
        StandardRelationKind kind = default;
        if (input.Kind is not null && !EnumText.TryParse(input.Kind, out kind))
        {
            InputValidation.Add(errors, "kind", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<StandardRelationKind>())));
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var to = input.To!.Value;
        if (to == id)
        {
            return Problem.Invalid("to", "cannot be the document itself");
        }
        var target = await access.SafetyStandards(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == to, ct);
        if (target is null)
        {
            return Problem.Invalid("to", "is not a safety standard the caller can see");
        }
        if (kind == StandardRelationKind.Supersedes && (from.Kind == StandardKind.Internal) != (target.Kind == StandardKind.Internal))
        {
            return Problem.Invalid("to", "an internal rule supersedes only another internal rule, and the other kinds only each other");
        }
        if (await access.SafetyStandardRelations(caller).AnyAsync(r => r.FromId == id && r.ToId == to && r.Kind == kind, ct))
        {
            return Problem.Conflict("The relation already exists.");
        }
        if (kind == StandardRelationKind.Supersedes && await SupersedesReachesAsync(caller, to, id, ct))
        {
            return Problem.Invalid("to", "would make a cycle of supersedes: that document already supersedes this one, directly or through others");
        }
        db.SafetyStandardRelations.Add(new SafetyStandardRelation
        {
            Id = Guid.CreateVersion7(),
            FromId = id,
            ToId = to,
            Kind = kind,
            CreatedAt = Clock.UtcNow(time),
            CreatedByUserId = caller.UserId,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict("The relation already exists.");
        }
        return await GetAsync(caller, id, ct);
    }

    public async Task<Result<SafetyStandardDetail>> RemoveRelationAsync(Caller caller, Guid id, Guid relationId, CancellationToken ct = default)
    {
        var from = await access.SafetyStandards(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (from is null)
        {
            return Problem.NotFound("The safety standard");
        }
        if (!Permissions.EditSafetyStandard(caller, from.SectorCode, from.Kind, from.OwnerOrganisationId))
        {
            return Problem.Forbidden(NotAllowed);
        }
        var relation = await access.SafetyStandardRelations(caller).FirstOrDefaultAsync(r => r.Id == relationId && r.FromId == id, ct);
        if (relation is null)
        {
            return Problem.NotFound("The relation");
        }
        db.SafetyStandardRelations.Remove(relation);
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Whether <paramref name="start"/> supersedes <paramref name="target"/>, directly or through others.</summary>
    /// <remarks>
    /// Supersedes links internal rules of one operator only with each other and the other kinds
    /// only with each other, so every chain through the caller's document lies within what the
    /// caller reads: the walk sees all of it and reveals nothing.
    /// </remarks>
    private async Task<bool> SupersedesReachesAsync(Caller caller, Guid start, Guid target, CancellationToken ct)
    {
        var edges = (await access.SafetyStandardRelations(caller).AsNoTracking().Where(r => r.Kind == StandardRelationKind.Supersedes)
            .Select(r => new { r.FromId, r.ToId }).ToListAsync(ct))
            .ToLookup(e => e.FromId, e => e.ToId);
        var seen = new HashSet<Guid> { start };
        var queue = new Queue<Guid>([start]);
        while (queue.TryDequeue(out var next))
        {
            if (next == target)
            {
                return true;
            }
            foreach (var to in edges[next])
            {
                if (seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }
        return false;
    }

    private async Task<(Dictionary<string, string[]> Errors, StandardKind Kind, StandardStatus Status)> ValidateAsync(Caller caller, SafetyStandardInput input, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        StandardKind kind = default;
        StandardStatus status = StandardStatus.Current;
        if (input.Kind is not null && !EnumText.TryParse(input.Kind, out kind))
        {
            InputValidation.Add(errors, "kind", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<StandardKind>())));
        }
        if (input.Status is not null && !EnumText.TryParse(input.Status, out status))
        {
            InputValidation.Add(errors, "status", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<StandardStatus>())));
        }
        if (input.TitleJa is not null && string.IsNullOrWhiteSpace(input.TitleJa) && !errors.ContainsKey("titleJa"))
        {
            InputValidation.Add(errors, "titleJa", "is required");
        }
        if (!string.IsNullOrWhiteSpace(input.Url) && !(Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            InputValidation.Add(errors, "url", "must be an absolute http or https URL");
        }
        if (input.IssuedOn is { } issued && input.RevisedOn is { } revised && revised < issued)
        {
            InputValidation.Add(errors, "revisedOn", "must not be before issuedOn");
        }
        if (input.IssuerOrganisationId is { } issuer && !await access.Organisations(caller).AnyAsync(o => o.Id == issuer, ct))
        {
            InputValidation.Add(errors, "issuerOrganisationId", "is not an organisation in the directory");
        }
        if (input.Sector is not null && !errors.ContainsKey("sector"))
        {
            await CheckPlaceAsync(caller, input.Sector, input.Scope, errors, "sector", "scope", ct);
        }
        return (errors, kind, status);
    }

    private async Task CheckPlaceAsync(Caller caller, string? sector, string? scope, Dictionary<string, string[]> errors, string sectorField, string scopeField, CancellationToken ct)
    {
        if (sector is not null && !await access.Sectors(caller).AnyAsync(s => s.Code == sector, ct))
        {
            InputValidation.Add(errors, sectorField, Text.T("'{0}' is not a sector code", sector));
            return;
        }
        if (scope is null)
        {
            return;
        }
        var scopeSector = await access.BusinessScopes(caller).Where(s => s.Code == scope).Select(s => s.SectorCode).FirstOrDefaultAsync(ct);
        if (scopeSector is null)
        {
            InputValidation.Add(errors, scopeField, Text.T("'{0}' is not a business scope code", scope));
        }
        else if (sector is not null && scopeSector != sector)
        {
            InputValidation.Add(errors, scopeField, Text.T("'{0}' is not a business scope of sector '{1}'", scope, sector));
        }
    }

    private static void Apply(SafetyStandard s, SafetyStandardInput input, StandardStatus status, Caller caller, DateTime now)
    {
        s.BusinessScopeCode = Clean(input.Scope);
        s.TitleEn = Clean(input.TitleEn);
        s.IssuerName = Clean(input.IssuerName);
        s.IssuerOrganisationId = input.IssuerOrganisationId;
        s.Edition = Clean(input.Edition);
        s.IssuedOn = input.IssuedOn;
        s.RevisedOn = input.RevisedOn;
        s.Url = Clean(input.Url);
        s.Status = status;
        s.Notes = Clean(input.Notes);
        s.UpdatedAt = now;
        s.UpdatedByUserId = caller.UserId;
    }

    private static object Snapshot(SafetyStandard s) =>
        (s.SectorCode, s.BusinessScopeCode, s.Kind, s.TitleJa, s.TitleEn, s.IssuerName, s.IssuerOrganisationId, (s.Edition, s.IssuedOn, s.RevisedOn, s.Url, s.Status, s.Notes));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<Dictionary<string, Sector>> SectorsAsync(Caller caller, CancellationToken ct) =>
        await access.Sectors(caller).AsNoTracking().ToDictionaryAsync(s => s.Code, ct);

    private static SafetyStandardView View(Caller caller, SafetyStandard s, Dictionary<string, Sector> sectors)
    {
        sectors.TryGetValue(s.SectorCode, out var sector);
        return new SafetyStandardView(s.Id, s.Code, s.SectorCode, sector?.NameJa, sector?.NameEn, s.BusinessScopeCode, s.Kind, s.TitleJa, s.TitleEn,
            s.IssuerName, s.IssuerOrganisationId, s.OwnerOrganisationId, s.Edition, s.IssuedOn, s.RevisedOn, s.Url, s.Status, s.Notes, s.Seed, s.AsOf,
            s.Version, s.UpdatedAt, Permissions.EditSafetyStandard(caller, s.SectorCode, s.Kind, s.OwnerOrganisationId));
    }
}
