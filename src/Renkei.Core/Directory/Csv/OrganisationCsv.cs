using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Directory.Csv;

/// <summary>
/// Organisations as CSV. Columns: id, code, name_ja, name_en, kind, sector, business_scope,
/// website, ceptoars, communities (codes separated by ';'), primary_contact_* and
/// secondary_contact_* (name, email, phone, hours).
/// </summary>
/// <remarks>
/// A row updates the organisation its id (or else its code) names, or creates one. A membership
/// column that is present sets the organisation's member-role memberships to exactly the listed
/// codes (secretariat roles are never touched by import); an absent column leaves them alone.
/// Contact columns set the first contact of that priority when the e-mail cell is filled.
/// Each row is applied in its own savepoint: a row that fails leaves nothing behind.
/// </remarks>
public sealed class OrganisationCsv(
    RenkeiDbContext db,
    AccessPolicy access,
    OrganisationService organisations,
    ContactService contacts,
    MembershipService memberships,
    AuditTrail audit)
{
    public static readonly string[] Columns =
    [
        "id", "code", "name_ja", "name_en", "kind", "sector", "business_scope", "website", "ceptoars", "communities",
        "primary_contact_name", "primary_contact_email", "primary_contact_phone", "primary_contact_hours",
        "secondary_contact_name", "secondary_contact_email", "secondary_contact_phone", "secondary_contact_hours",
    ];

    private static readonly string[] Required = ["name_ja", "name_en", "kind"];

    public Task<Result<ImportReport>> ImportAsync(Caller caller, byte[] content, CancellationToken ct = default) =>
        CsvImport.RunAsync(db, audit, caller, content, Columns, Required, "organisations", row => ApplyAsync(caller, row, ct), ct);

    private async Task<RowOutcome> ApplyAsync(Caller caller, CsvRow row, CancellationToken ct)
    {
        var errors = new List<ImportRowError>();
        RowOutcome Fail(string field, string reason) => RowOutcome.Failed(row.Line, field, reason);
        OrganisationKind? kind = null;
        if (row.Get("kind") is { } kindText)
        {
            if (!EnumText.TryParse<OrganisationKind>(kindText, out var parsed))
            {
                return Fail("kind", Text.T("'{0}' is not one of: {1}", kindText, string.Join(", ", EnumText.Values<OrganisationKind>())));
            }
            kind = parsed;
        }

        Organisation? existing = null;
        if (row.Get("id") is { } idText)
        {
            if (!Guid.TryParse(idText, out var id))
            {
                return Fail("id", Text.T("'{0}' is not an id", idText));
            }
            existing = await access.Organisations(caller).AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
            if (existing is null)
            {
                return Fail("id", Text.T("no organisation has the id {0}", idText));
            }
        }
        else if (row.Get("code") is { } code)
        {
            existing = await access.Organisations(caller).AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        }

        var input = new OrganisationInput
        {
            Code = row.Get("code") ?? (row.Has("code") ? null : existing?.Code),
            NameJa = row.Get("name_ja") ?? "",
            NameEn = row.Get("name_en") ?? "",
            Kind = kind,
            SectorCode = row.Get("sector"),
            BusinessScopeCode = row.Get("business_scope"),
            Website = row.Has("website") ? row.Get("website") : existing?.Website,
            Version = existing?.Version,
        };
        var saved = existing is null
            ? await organisations.CreateAsync(caller, input, ct)
            : await organisations.UpdateAsync(caller, existing.Id, input, ct);
        if (!saved.Ok)
        {
            return new RowOutcome(false, [.. CsvImport.Errors(row.Line, saved.Problem!, Column)]);
        }
        var organisation = saved.Value!;

        if (row.Has("ceptoars"))
        {
            await SetMembershipsAsync(caller, organisation.Id, MembershipKind.Ceptoar, row.Get("ceptoars"), row.Line, "ceptoars", errors, ct);
        }
        if (row.Has("communities"))
        {
            await SetMembershipsAsync(caller, organisation.Id, MembershipKind.Community, row.Get("communities"), row.Line, "communities", errors, ct);
        }
        foreach (var priority in new[] { ContactPriority.Primary, ContactPriority.Secondary })
        {
            await SetContactAsync(caller, organisation.Id, priority, row, errors, ct);
        }
        return new RowOutcome(existing is null, errors);
    }

    private async Task SetMembershipsAsync(Caller caller, Guid organisationId, MembershipKind kind, string? cell, int line, string column,
        List<ImportRowError> errors, CancellationToken ct)
    {
        var wanted = (cell ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var existing = ((await memberships.ListAsync(caller, organisationId, ct)).Value ?? []).Where(m => m.Kind == kind).ToList();
        var current = existing.Where(m => m.Role == MembershipRole.Member).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var secretariat = existing.Where(m => m.Role == MembershipRole.Secretariat).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in current.Except(wanted))
        {
            var removed = await memberships.RemoveAsync(caller, organisationId, kind, code, ct);
            if (!removed.Ok)
            {
                errors.Add(new ImportRowError(line, column, removed.Problem!.Detail));
            }
        }
        foreach (var code in wanted.Except(current).Except(secretariat))
        {
            var added = await memberships.AddAsync(caller, organisationId, kind, code, MembershipRole.Member, ct);
            if (!added.Ok)
            {
                errors.Add(new ImportRowError(line, column, added.Problem!.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? added.Problem.Detail));
            }
        }
    }

    private async Task SetContactAsync(Caller caller, Guid organisationId, ContactPriority priority, CsvRow row, List<ImportRowError> errors, CancellationToken ct)
    {
        var prefix = priority == ContactPriority.Primary ? "primary_contact_" : "secondary_contact_";
        var email = row.Get(prefix + "email");
        if (email is null)
        {
            if (row.Get(prefix + "name") is not null || row.Get(prefix + "phone") is not null)
            {
                errors.Add(new ImportRowError(row.Line, prefix + "email", Text.T("is required when the contact's other cells are filled")));
            }
            return;
        }
        var input = new ContactInput
        {
            Priority = priority,
            Name = row.Get(prefix + "name") ?? "",
            Email = email,
            Phone = row.Get(prefix + "phone"),
            Hours = row.Get(prefix + "hours"),
        };
        var existing = await db.PointsOfContact.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Priority == priority)
            .OrderBy(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);
        var saved = existing is null
            ? await contacts.AddAsync(caller, organisationId, input, ct)
            : await contacts.UpdateAsync(caller, organisationId, existing.Id, input with { Version = existing.Version }, ct);
        if (!saved.Ok)
        {
            errors.AddRange(CsvImport.Errors(row.Line, saved.Problem!, field => prefix + field));
        }
    }

    public async Task<Result<byte[]>> ExportAsync(Caller caller, CancellationToken ct = default)
    {
        if (!Permissions.ImportExportDirectory(caller))
        {
            return Problem.Forbidden("Only platform administrators export the directory.");
        }
        var orgs = await access.Organisations(caller).AsNoTracking()
            .OrderBy(o => o.Code == null).ThenBy(o => o.Code).ThenBy(o => o.NameJa)
            .Select(o => new
            {
                o.Id,
                o.Code,
                o.NameJa,
                o.NameEn,
                o.Kind,
                o.SectorCode,
                o.BusinessScopeCode,
                o.Website,
                Ceptoars = o.CeptoarMemberships.Where(m => m.Role == MembershipRole.Member).Select(m => m.CeptoarCode).ToList(),
            })
            .ToListAsync(ct);
        var communities = (await access.CommunityMemberships(caller).AsNoTracking()
                .Where(m => m.Role == MembershipRole.Member)
                .Select(m => new { m.OrganisationId, m.CommunityCode })
                .ToListAsync(ct))
            .ToLookup(m => m.OrganisationId, m => m.CommunityCode);
        var contactRows = (await access.Contacts(caller).AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(ct))
            .GroupBy(c => (c.OrganisationId, c.Priority))
            .ToDictionary(g => g.Key, g => g.First());
        string?[] Contact(Guid org, ContactPriority priority) =>
            contactRows.TryGetValue((org, priority), out var c) ? [c.Name, c.Email, c.Phone, c.Hours] : [null, null, null, null];

        var rows = orgs.Select(o => (IReadOnlyList<string?>)
        [
            o.Id.ToString("D"), o.Code, o.NameJa, o.NameEn, EnumText.ToText(o.Kind), o.SectorCode, o.BusinessScopeCode, o.Website,
            string.Join(';', o.Ceptoars.Order(StringComparer.Ordinal)), string.Join(';', communities[o.Id].Order(StringComparer.Ordinal)),
            .. Contact(o.Id, ContactPriority.Primary), .. Contact(o.Id, ContactPriority.Secondary),
        ]);
        var bytes = CsvFile.Write(Columns, rows);
        await audit.RecordAsync("export", "organisations", null, new { rows = orgs.Count }, ct);
        return bytes;
    }

    /// <summary>API field names back to CSV column names, so the report points at the cell.</summary>
    private static string Column(string field) => field switch
    {
        "nameJa" => "name_ja",
        "nameEn" => "name_en",
        "sectorCode" => "sector",
        "businessScopeCode" => "business_scope",
        _ => field,
    };
}
