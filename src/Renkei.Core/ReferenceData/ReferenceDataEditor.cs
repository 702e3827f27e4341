using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.ReferenceData;

/// <summary>
/// Admin edits of reference data. Every change raises the record's version and stores a
/// revision with the full content, the author and the reason; the seeder leaves edited records
/// alone from then on.
/// </summary>
public sealed class ReferenceDataEditor(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    /// <summary>Why the caller may not edit reference data, or null when they may (edit pages ask before showing their form).</summary>
    public static Problem? Refusal(Caller caller) =>
        Permissions.ManageReferenceData(caller) ? null : Problem.Forbidden("Only platform administrators edit reference data.");

    public async Task<Result<Sector>> UpdateSectorAsync(Caller caller, string code, SectorEdit edit, CancellationToken ct = default)
    {
        var sector = await access.Sectors(caller).FirstOrDefaultAsync(s => s.Code == code, ct);
        if (sector is null)
        {
            return Problem.NotFound("The sector");
        }
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var errors = InputValidation.Validate(edit);
        if (edit.MinistryId is { } ministry && !await db.Organisations.AnyAsync(o => o.Id == ministry && o.Kind == OrganisationKind.Ministry, ct))
        {
            InputValidation.Add(errors, "ministryId", "is not a ministry");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (edit.Version != sector.Version)
        {
            return Problem.StaleVersion(edit.Version!.Value, sector.Version);
        }
        sector.NameJa = edit.NameJa.Trim();
        sector.NameEn = edit.NameEn.Trim();
        sector.MinistryId = edit.MinistryId;
        return await SaveAsync(caller, sector, ReferenceSnapshot.Sector, sector.Code, ReferenceSnapshot.Of, s => ++s.Version, (s, t) => s.UpdatedAt = t, edit.Reason, ct);
    }

    public async Task<Result<BusinessScope>> UpdateBusinessScopeAsync(Caller caller, string code, BusinessScopeEdit edit, CancellationToken ct = default)
    {
        var scope = await access.BusinessScopes(caller).FirstOrDefaultAsync(s => s.Code == code, ct);
        if (scope is null)
        {
            return Problem.NotFound("The business scope");
        }
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var errors = InputValidation.Validate(edit);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (edit.Version != scope.Version)
        {
            return Problem.StaleVersion(edit.Version!.Value, scope.Version);
        }
        scope.NameJa = edit.NameJa.Trim();
        scope.NameEn = edit.NameEn.Trim();
        return await SaveAsync(caller, scope, ReferenceSnapshot.BusinessScope, scope.Code, ReferenceSnapshot.Of, s => ++s.Version, (s, t) => s.UpdatedAt = t, edit.Reason, ct);
    }

    public async Task<Result<Ceptoar>> CreateCeptoarAsync(Caller caller, CeptoarInput input, CancellationToken ct = default)
    {
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var errors = await ValidateCeptoarAsync(input, null, ct);
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            InputValidation.Add(errors, "code", "is required");
        }
        else if (await db.Ceptoars.AnyAsync(c => c.Code == input.Code, ct))
        {
            InputValidation.Add(errors, "code", Text.T("'{0}' is already a CEPTOAR", input.Code));
        }
        if (string.IsNullOrWhiteSpace(input.SectorCode))
        {
            InputValidation.Add(errors, "sectorCode", "is required");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var ceptoar = new Ceptoar { Code = input.Code!, NameJa = "", NameEn = "", SectorCode = input.SectorCode!, Version = 0 };
        Apply(ceptoar, input);
        var maxOrder = await db.Ceptoars.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        ceptoar.SortOrder = maxOrder + 10;
        db.Ceptoars.Add(ceptoar);
        return await SaveAsync(caller, ceptoar, ReferenceSnapshot.Ceptoar, ceptoar.Code, ReferenceSnapshot.Of, c => ++c.Version, (c, t) => c.UpdatedAt = t, input.Reason, ct);
    }

    public async Task<Result<Ceptoar>> UpdateCeptoarAsync(Caller caller, string code, CeptoarInput input, CancellationToken ct = default)
    {
        var ceptoar = await access.Ceptoars(caller).Include(c => c.MemberFigures).FirstOrDefaultAsync(c => c.Code == code, ct);
        if (ceptoar is null)
        {
            return Problem.NotFound("The CEPTOAR");
        }
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var errors = await ValidateCeptoarAsync(input with { SectorCode = ceptoar.SectorCode }, ceptoar, ct);
        if (input.Version is null)
        {
            InputValidation.Add(errors, "version", "is required: send the version you are editing");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Version != ceptoar.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, ceptoar.Version);
        }
        Apply(ceptoar, input);
        return await SaveAsync(caller, ceptoar, ReferenceSnapshot.Ceptoar, ceptoar.Code, ReferenceSnapshot.Of, c => ++c.Version, (c, t) => c.UpdatedAt = t, input.Reason, ct);
    }

    public async Task<Result<Community>> CreateCommunityAsync(Caller caller, CommunityInput input, CancellationToken ct = default)
    {
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var errors = InputValidation.Validate(input);
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            InputValidation.Add(errors, "code", "is required");
        }
        else if (await db.Communities.AnyAsync(c => c.Code == input.Code, ct))
        {
            InputValidation.Add(errors, "code", Text.T("'{0}' is already a community", input.Code));
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var community = new Community { Code = input.Code!, NameJa = "", NameEn = "", Version = 0 };
        Apply(community, input);
        var maxOrder = await db.Communities.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        community.SortOrder = maxOrder + 10;
        db.Communities.Add(community);
        return await SaveAsync(caller, community, ReferenceSnapshot.Community, community.Code, ReferenceSnapshot.Of, c => ++c.Version, (c, t) => c.UpdatedAt = t, input.Reason, ct);
    }

    public async Task<Result<Community>> UpdateCommunityAsync(Caller caller, string code, CommunityInput input, CancellationToken ct = default)
    {
        var community = await access.Communities(caller).FirstOrDefaultAsync(c => c.Code == code, ct);
        if (community is null)
        {
            return Problem.NotFound("The community");
        }
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var errors = InputValidation.Validate(input);
        if (input.Version is null)
        {
            InputValidation.Add(errors, "version", "is required: send the version you are editing");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Version != community.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, community.Version);
        }
        Apply(community, input);
        return await SaveAsync(caller, community, ReferenceSnapshot.Community, community.Code, ReferenceSnapshot.Of, c => ++c.Version, (c, t) => c.UpdatedAt = t, input.Reason, ct);
    }

    /// <summary>The versions of one reference record, newest first, each with the fields it changed.</summary>
    public async Task<List<RevisionView>> HistoryAsync(Caller? caller, string entityType, string key, CancellationToken ct = default)
    {
        if (caller is null)
        {
            return [];
        }
        var rows = await db.ReferenceRevisions.AsNoTracking()
            .Where(r => r.EntityType == entityType && r.EntityKey == key)
            .OrderBy(r => r.Version)
            .ToListAsync(ct);
        var authorIds = rows.Where(r => r.ChangedByUserId != null).Select(r => r.ChangedByUserId!.Value).Distinct().ToList();
        // Authors are named only where the caller may see the account.
        var authors = await access.Users(caller).Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var views = new List<RevisionView>();
        JsonObject? previous = null;
        foreach (var row in rows)
        {
            var data = JsonNode.Parse(row.Data)!.AsObject();
            var changed = previous is null
                ? data.Select(p => p.Key).ToList()
                : data.Where(p => !JsonNode.DeepEquals(p.Value, previous[p.Key])).Select(p => p.Key).ToList();
            views.Add(new RevisionView(row.EntityType, row.EntityKey, row.Version, row.Source, row.ChangedByUserId,
                row.ChangedByUserId is { } id && authors.TryGetValue(id, out var name) ? name : null,
                row.Reason, row.ChangedAt, data, changed));
            previous = data;
        }
        views.Reverse();
        return views;
    }

    private async Task<Dictionary<string, string[]>> ValidateCeptoarAsync(CeptoarInput input, Ceptoar? existing, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        foreach (var (figure, i) in (input.MemberFigures ?? []).Select((f, i) => (f, i)))
        {
            foreach (var (field, reasons) in InputValidation.Validate(figure))
            {
                errors[$"memberFigures[{i}].{field}"] = reasons;
            }
        }
        var sector = existing?.SectorCode ?? input.SectorCode;
        if (sector is not null && !await db.Sectors.AnyAsync(s => s.Code == sector, ct))
        {
            InputValidation.Add(errors, "sectorCode", Text.T("'{0}' is not a sector code", sector));
        }
        if (input.BusinessScopeCode is { Length: > 0 } scope && !await db.BusinessScopes.AnyAsync(s => s.Code == scope && s.SectorCode == sector, ct))
        {
            InputValidation.Add(errors, "businessScopeCode", Text.T("'{0}' is not a business scope of sector '{1}'", scope, sector));
        }
        return errors;
    }

    private static void Apply(Ceptoar c, CeptoarInput input)
    {
        c.NameJa = input.NameJa.Trim();
        c.NameEn = input.NameEn.Trim();
        c.BusinessScopeCode = string.IsNullOrWhiteSpace(input.BusinessScopeCode) ? null : input.BusinessScopeCode.Trim();
        c.SetFigures((input.MemberFigures ?? []).Select(f => (f.Count, f.Unit!.Value)).ToList());
        c.ExtraRecipients = input.ExtraRecipients;
        c.ExtraRecipientsNoteJa = string.IsNullOrWhiteSpace(input.ExtraRecipientsNoteJa) ? null : input.ExtraRecipientsNoteJa.Trim();
        c.ExtraRecipientsNoteEn = string.IsNullOrWhiteSpace(input.ExtraRecipientsNoteEn) ? null : input.ExtraRecipientsNoteEn.Trim();
        c.FiguresAsOf = input.FiguresAsOf;
    }

    private static void Apply(Community c, CommunityInput input)
    {
        c.Kind = input.Kind!.Value;
        c.NameJa = input.NameJa.Trim();
        c.NameEn = input.NameEn.Trim();
        c.DescriptionJa = string.IsNullOrWhiteSpace(input.DescriptionJa) ? null : input.DescriptionJa.Trim();
        c.DescriptionEn = string.IsNullOrWhiteSpace(input.DescriptionEn) ? null : input.DescriptionEn.Trim();
    }

    private async Task<Result<T>> SaveAsync<T>(Caller caller, T entity, string type, string key, Func<T, string> snapshot,
        Func<T, int> bumpVersion, Action<T, DateTime> touch, string? reason, CancellationToken ct) where T : class
    {
        var now = Clock.UtcNow(time);
        touch(entity, now);
        var version = bumpVersion(entity);
        db.ReferenceRevisions.Add(new ReferenceRevision
        {
            EntityType = type,
            EntityKey = key,
            Version = version,
            Data = snapshot(entity),
            Source = ReferenceRevisionSources.Admin,
            ChangedByUserId = caller.UserId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            ChangedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins saving the same version: the unique (type, key, version) index or the
            // concurrency token refuses the second.
            return Problem.Conflict("The record was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return entity;
    }
}
