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

    public Task<Result<ImportReport>> ImportAsync(Caller caller, byte[] content, CancellationToken ct = default) =>
        CsvImport.RunAsync(db, audit, caller, content, Columns, Required, "users", row => ApplyAsync(caller, row, ct), ct);

    private async Task<RowOutcome> ApplyAsync(Caller caller, CsvRow row, CancellationToken ct)
    {
        RowOutcome Fail(string field, string reason) => RowOutcome.Failed(row.Line, field, reason);
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
                return new RowOutcome(false, [.. CsvImport.Errors(row.Line, created.Problem!, Column)]);
            }
            if (active == false)
            {
                var deactivated = await userAdmin.SetActiveAsync(caller, created.Value!.User.Id, false, ct);
                if (!deactivated.Ok)
                {
                    return Fail("active", deactivated.Problem!.Detail);
                }
            }
            return new RowOutcome(true, [], new TemporaryPassword(email, created.Value!.TemporaryPassword!));
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
            return new RowOutcome(false, [.. CsvImport.Errors(row.Line, updated.Problem!, Column)]);
        }
        if (active is { } a && a != (existing.DeactivatedAt is null))
        {
            var changed = await userAdmin.SetActiveAsync(caller, existing.Id, a, ct);
            if (!changed.Ok)
            {
                return Fail("active", changed.Problem!.Detail);
            }
        }
        return new RowOutcome(false, []);
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
