using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Directory.Csv;

/// <summary>
/// User accounts as CSV. Columns: email, display_name, organisation (code or id), roles (separated
/// by ';'), language (ja or en), active (true/false; optional).
/// </summary>
/// <remarks>
/// A row updates the account with that e-mail address or creates one; a new account gets a
/// one-time password, returned once in the report and never stored in clear. Each row is applied
/// in its own savepoint.
/// </remarks>
public sealed class UserCsv(RenkeiDbContext db, AccessPolicy access, UserAdminService userAdmin, AuditTrail audit)
{
    public static readonly string[] Columns = ["email", "display_name", "organisation", "roles", "language", "active"];
    private static readonly string[] Required = ["email", "display_name", "organisation", "roles"];

    public async Task<Result<ImportReport>> ImportAsync(Caller caller, byte[] content, CancellationToken ct = default)
    {
        if (!Permissions.ImportExportDirectory(caller))
        {
            return Problem.Forbidden("Only platform administrators import the directory.");
        }
        List<CsvRow> rows;
        try
        {
            rows = CsvFile.Read(content, Columns, Required);
        }
        catch (CsvFileException ex)
        {
            return Problem.Invalid("file", ex.Message);
        }

        var errors = new List<ImportRowError>();
        var passwords = new List<TemporaryPassword>();
        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            // Every row is saved before the next begins: clearing the tracker keeps each row's
            // cost constant instead of growing with everything imported so far.
            db.ChangeTracker.Clear();
            await transaction.CreateSavepointAsync("csv_row", ct);
            var writtenBefore = db.RowsWritten;
            (bool Created, List<ImportRowError> Errors, string? Password) outcome;
            try
            {
                outcome = await ApplyAsync(caller, row, ct);
            }
            catch (DbUpdateException ex)
            {
                outcome = (false, [new ImportRowError(row.Line, "", Text.T("could not be saved: {0}", ex.InnerException?.Message ?? ex.Message))], null);
            }
            if (outcome.Errors.Count > 0)
            {
                await transaction.RollbackToSavepointAsync("csv_row", ct);
                db.ChangeTracker.Clear();
                errors.AddRange(outcome.Errors);
                continue;
            }
            if (outcome.Created)
            {
                created++;
                passwords.Add(new TemporaryPassword(row.Get("email")!, outcome.Password!));
            }
            else if (db.RowsWritten > writtenBefore)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        await transaction.CommitAsync(ct);
        await audit.RecordAsync("import", "users", null, new { rows = rows.Count, created, updated, unchanged, rejected = errors.Select(e => e.Line).Distinct().Count() }, ct);
        return new ImportReport(rows.Count, created, updated, unchanged, errors, passwords);
    }

    private async Task<(bool Created, List<ImportRowError> Errors, string? Password)> ApplyAsync(Caller caller, CsvRow row, CancellationToken ct)
    {
        var errors = new List<ImportRowError>();
        (bool, List<ImportRowError>, string?) Fail(string field, string reason)
        {
            errors.Add(new ImportRowError(row.Line, field, reason));
            return (false, errors, null);
        }
        if (row.Has("__extra"))
        {
            return Fail("", Text.T("the row has more cells than the header has columns"));
        }
        var email = row.Get("email");
        if (email is null)
        {
            return Fail("email", Text.T("is required"));
        }
        var orgText = row.Get("organisation");
        if (orgText is null)
        {
            return Fail("organisation", Text.T("is required"));
        }
        var organisation = Guid.TryParse(orgText, out var orgId)
            ? await access.Organisations(caller).Where(o => o.Id == orgId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
            : await access.Organisations(caller).Where(o => o.Code == orgText).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return Fail("organisation", Text.T("'{0}' is not an organisation code or id", orgText));
        }
        var roles = new List<Role>();
        foreach (var roleText in (row.Get("roles") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!EnumText.TryParse<Role>(roleText, out var role))
            {
                return Fail("roles", Text.T("'{0}' is not one of: {1}", roleText, string.Join(", ", EnumText.Values<Role>())));
            }
            roles.Add(role);
        }
        if (roles.Count == 0)
        {
            return Fail("roles", Text.T("must name at least one role"));
        }
        bool? active = null;
        if (row.Get("active") is { } activeText)
        {
            if (!bool.TryParse(activeText, out var parsed))
            {
                return Fail("active", Text.T("'{0}' is not true or false", activeText));
            }
            active = parsed;
        }
        var language = row.Get("language");

        var normalized = email.ToUpperInvariant();
        var existing = await access.Users(caller).AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DeactivatedAt }).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
            {
                return Fail("email", Text.T("belongs to an account you may not change"));
            }
            var created = await userAdmin.CreateAsync(caller, new UserInput
            {
                Email = email,
                DisplayName = row.Get("display_name") ?? "",
                OrganisationId = organisation,
                Roles = roles,
                PreferredLanguage = language,
            }, ct);
            if (!created.Ok)
            {
                errors.AddRange(OrganisationCsv.Flatten(created.Problem!).Select(e => new ImportRowError(row.Line, Column(e.Field), e.Reason)));
                return (false, errors, null);
            }
            if (active == false)
            {
                var deactivated = await userAdmin.SetActiveAsync(caller, created.Value!.User.Id, false, ct);
                if (!deactivated.Ok)
                {
                    return Fail("active", deactivated.Problem!.Detail);
                }
            }
            return (true, errors, created.Value!.TemporaryPassword);
        }

        var updated = await userAdmin.UpdateAsync(caller, existing.Id, new UserUpdate
        {
            DisplayName = row.Get("display_name"),
            Roles = roles,
            PreferredLanguage = language,
            OrganisationId = organisation,
        }, ct);
        if (!updated.Ok)
        {
            errors.AddRange(OrganisationCsv.Flatten(updated.Problem!).Select(e => new ImportRowError(row.Line, Column(e.Field), e.Reason)));
            return (false, errors, null);
        }
        if (active is { } a && a != (existing.DeactivatedAt is null))
        {
            var changed = await userAdmin.SetActiveAsync(caller, existing.Id, a, ct);
            if (!changed.Ok)
            {
                return Fail("active", changed.Problem!.Detail);
            }
        }
        return (false, errors, null);
    }

    public async Task<Result<byte[]>> ExportAsync(Caller caller, CancellationToken ct = default)
    {
        if (!Permissions.ImportExportDirectory(caller))
        {
            return Problem.Forbidden("Only platform administrators export the directory.");
        }
        var users = new List<IReadOnlyList<string?>>();
        const int pageSize = 1000;
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await userAdmin.ListAsync(caller, null, null, offset, pageSize, ct);
            var orgCodes = await db.Organisations.AsNoTracking()
                .Where(o => page.Items.Select(u => u.OrganisationId).Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Code, ct);
            users.AddRange(page.Items.Select(u => (IReadOnlyList<string?>)
            [
                u.Email, u.DisplayName, orgCodes.GetValueOrDefault(u.OrganisationId) ?? u.OrganisationId.ToString("D"),
                string.Join(';', u.Roles.Select(EnumText.ToText)), u.PreferredLanguage, (u.DeactivatedAt is null) ? "true" : "false",
            ]));
            if (page.Items.Count < pageSize)
            {
                break;
            }
        }
        var bytes = CsvFile.Write(Columns, users);
        await audit.RecordAsync("export", "users", null, new { rows = users.Count }, ct);
        return bytes;
    }

    private static string Column(string field) => field switch
    {
        "displayName" => "display_name",
        "organisationId" => "organisation",
        "preferredLanguage" => "language",
        _ => field,
    };
}
