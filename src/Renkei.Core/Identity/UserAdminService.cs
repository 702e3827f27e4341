using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Identity;

/// <summary>Account administration: create, edit, deactivate, reset. Used by the API, the UI and CSV import.</summary>
public sealed class UserAdminService(
    RenkeiDbContext db,
    UserManager<RenkeiUser> users,
    AccessPolicy access,
    Audit.AuditTrail audit,
    TimeProvider time)
{
    /// <summary>The accounts the caller may see, optionally of one organisation or matching a text.</summary>
    public async Task<Page<UserView>> ListAsync(Caller? caller, Guid? organisationId, string? text, int offset, int limit, CancellationToken ct = default)
    {
        var query = access.Users(caller).AsNoTracking();
        if (organisationId is { } org)
        {
            query = query.Where(u => u.OrganisationId == org);
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + text.Trim().ToLowerInvariant() + "%";
#pragma warning disable CA1304, CA1311 // ToLower() here is SQL lower(), the same on both providers; it never runs in .NET.
            query = query.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern) || EF.Functions.Like(u.NormalizedEmail!.ToLower(), pattern));
#pragma warning restore CA1304, CA1311
        }
        var total = await query.CountAsync(ct);
        var page = await query.Include(u => u.Organisation)
            .OrderBy(u => u.NormalizedEmail)
            .Skip(offset).Take(limit)
            .ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking()
                .Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        // Account lists name people and their addresses: restricted content, so the read is recorded.
        await audit.RecordAsync("read", "users", organisationId?.ToString("D"), new { listed = page.Count, text }, ct);
        return new Page<UserView>(page.Select(u => ToView(u, roles[u.Id])).ToList(), total, offset, limit);
    }

    /// <summary>One account as shown to a person; the read is recorded.</summary>
    public async Task<UserView?> ViewAsync(Caller? caller, Guid id, CancellationToken ct = default)
    {
        var view = await FindAsync(caller, id, ct);
        if (view is not null)
        {
            await audit.ReadAsync("users", id.ToString("D"), ct);
        }
        return view;
    }

    public async Task<UserView?> FindAsync(Caller? caller, Guid id, CancellationToken ct = default)
    {
        var user = await access.Users(caller).AsNoTracking().Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : await ToViewAsync(user);
    }

    public async Task<Result<CreatedUser>> CreateAsync(Caller caller, UserInput input, CancellationToken ct = default)
    {
        input = input with { Email = input.Email?.Trim() ?? "", DisplayName = input.DisplayName?.Trim() ?? "" };
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var organisationId = input.OrganisationId!.Value;
        if (!await access.Organisations(caller).AnyAsync(o => o.Id == organisationId, ct))
        {
            return Problem.Invalid("organisationId", "is not an organisation");
        }
        if (!Permissions.ManageUsers(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and platform administrators create its users.");
        }
        if (await users.FindByEmailAsync(input.Email) is not null)
        {
            return Problem.Conflict(Text.T("A user with the e-mail address {0} already exists.", input.Email));
        }

        var generated = string.IsNullOrEmpty(input.Password);
        var password = generated ? PasswordGenerator.Generate() : input.Password!;
        var user = new RenkeiUser
        {
            Id = Guid.CreateVersion7(),
            UserName = input.Email,
            Email = input.Email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName,
            OrganisationId = organisationId,
            PreferredLanguage = input.PreferredLanguage ?? "ja",
            CreatedAt = Clock.UtcNow(time),
            MustChangePassword = generated,
        };

        await using var transaction = await UnitOfWork.BeginAsync(db, ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return IdentityProblem(created);
        }
        var roles = await users.AddToRolesAsync(user, input.Roles!.Distinct().Select(RoleCatalog.NameOf));
        if (!roles.Succeeded)
        {
            return IdentityProblem(roles);
        }
        await transaction.CommitAsync(ct);
        return new CreatedUser((await FindAsync(caller, user.Id, ct))!, generated ? password : null);
    }

    public async Task<Result<UserView>> UpdateAsync(Caller caller, Guid id, UserUpdate update, CancellationToken ct = default)
    {
        var user = await access.Users(caller).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problem.NotFound("The user");
        }
        var errors = InputValidation.Validate(update);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (!Permissions.ManageUsers(caller, user.OrganisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and platform administrators edit its users.");
        }
        if (update.ConcurrencyStamp is not null && update.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            return Problem.Conflict("The user was changed by someone else. Reload it and apply your change again.");
        }
        if (update.OrganisationId is { } target && target != user.OrganisationId)
        {
            if (!Permissions.PlaceUsers(caller))
            {
                return Problem.Forbidden("Only platform administrators move users between organisations.");
            }
            if (!await db.Organisations.AnyAsync(o => o.Id == target, ct))
            {
                return Problem.Invalid("organisationId", "is not an organisation");
            }
        }

        var currentRoles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        if ((update.DisplayName is null || update.DisplayName.Trim() == user.DisplayName)
            && (update.PreferredLanguage is null || update.PreferredLanguage == user.PreferredLanguage)
            && (update.OrganisationId is null || update.OrganisationId == user.OrganisationId)
            && (update.Roles is null || currentRoles.SetEquals(update.Roles.Select(RoleCatalog.NameOf))))
        {
            return (await FindAsync(caller, id, ct))!;
        }

        await using var transaction = await UnitOfWork.BeginAsync(db, ct);
        if (update.Roles is not null)
        {
            var wanted = update.Roles.Distinct().Select(RoleCatalog.NameOf).ToHashSet(StringComparer.Ordinal);
            var current = currentRoles;
            if (await WouldRemoveLastPlatformAdminAsync(user, wanted.Contains(RoleCatalog.NameOf(Role.Admin)), update.OrganisationId, ct))
            {
                return Problem.Conflict("This is the last active platform administrator; appoint another one first.");
            }
            var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
            if (!added.Succeeded)
            {
                return IdentityProblem(added);
            }
        }
        else if (update.OrganisationId is { } target2 && target2 != user.OrganisationId
            && await WouldRemoveLastPlatformAdminAsync(user, true, target2, ct))
        {
            return Problem.Conflict("This is the last active platform administrator; appoint another one first.");
        }
        user.DisplayName = update.DisplayName?.Trim() ?? user.DisplayName;
        user.PreferredLanguage = update.PreferredLanguage ?? user.PreferredLanguage;
        if (update.OrganisationId is { } org && org != user.OrganisationId)
        {
            user.OrganisationId = org;
            // A move changes what the user may see: end their sessions so the next request is re-evaluated.
            await users.UpdateSecurityStampAsync(user);
        }
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return IdentityProblem(result);
        }
        await transaction.CommitAsync(ct);
        return (await FindAsync(caller, id, ct))!;
    }

    /// <summary>
    /// Deactivation instead of deletion: the account's history (audit trail, records it wrote)
    /// keeps its author. Sessions end and API tokens are revoked at once.
    /// </summary>
    public async Task<Result<UserView>> SetActiveAsync(Caller caller, Guid id, bool active, CancellationToken ct = default)
    {
        var managed = await ManagedAsync(caller, id, "Only the organisation's admins and platform administrators deactivate its users.", ct);
        if (!managed.Ok)
        {
            return managed.Problem!;
        }
        var user = managed.Value!;
        if (!active && user.Id == caller.UserId)
        {
            return Problem.Conflict("You cannot deactivate your own account.");
        }
        if (!active && await WouldRemoveLastPlatformAdminAsync(user, false, null, ct))
        {
            return Problem.Conflict("This is the last active platform administrator; appoint another one first.");
        }
        await using var transaction = await UnitOfWork.BeginAsync(db, ct);
        var now = Clock.UtcNow(time);
        user.DeactivatedAt = active ? null : now;
        if (!active)
        {
            await db.ApiTokens.Where(t => t.UserId == id && t.RevokedAt == null).ForEachAsync(t => t.RevokedAt = now, ct);
            await users.UpdateSecurityStampAsync(user);
        }
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return IdentityProblem(result);
        }
        await transaction.CommitAsync(ct);
        return (await FindAsync(caller, id, ct))!;
    }

    /// <summary>
    /// An admin reset: a one-time password the user must change at next sign-in; the lockout is
    /// lifted; optionally the authenticator is removed (a lost phone).
    /// </summary>
    public async Task<Result<CreatedUser>> ResetAsync(Caller caller, Guid id, bool resetTwoFactor, CancellationToken ct = default)
    {
        var managed = await ManagedAsync(caller, id, "Only the organisation's admins and platform administrators reset its users.", ct);
        if (!managed.Ok)
        {
            return managed.Problem!;
        }
        var user = managed.Value!;
        var password = PasswordGenerator.Generate();
        await using var transaction = await UnitOfWork.BeginAsync(db, ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return IdentityProblem(reset);
        }
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (resetTwoFactor)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
        }
        await users.UpdateAsync(user);
        await transaction.CommitAsync(ct);
        return new CreatedUser((await FindAsync(caller, id, ct))!, password);
    }

    /// <summary>A user the caller may see (else not found) and administer (else forbidden).</summary>
    private async Task<Result<RenkeiUser>> ManagedAsync(Caller caller, Guid id, string forbidden, CancellationToken ct)
    {
        var user = await access.Users(caller).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problem.NotFound("The user");
        }
        return Permissions.ManageUsers(caller, user.OrganisationId) ? user : Problem.Forbidden(forbidden);
    }

    private async Task<bool> WouldRemoveLastPlatformAdminAsync(RenkeiUser user, bool staysAdmin, Guid? newOrganisation, CancellationToken ct)
    {
        var adminRole = RoleCatalog.NameOf(Role.Admin);
        var centre = await db.Organisations.Where(o => o.Kind == Directory.OrganisationKind.NationalCentre).Select(o => o.Id).ToListAsync(ct);
        if (!centre.Contains(user.OrganisationId) || !await users.IsInRoleAsync(user, adminRole))
        {
            return false;
        }
        if (staysAdmin && (newOrganisation is null || centre.Contains(newOrganisation.Value)))
        {
            return false;
        }
        var others = await db.Users
            .Where(u => u.Id != user.Id && u.DeactivatedAt == null && centre.Contains(u.OrganisationId))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == adminRole)))
            .AnyAsync(ct);
        return !others;
    }

    private async Task<UserView> ToViewAsync(RenkeiUser user) => ToView(user, await users.GetRolesAsync(user));

    private UserView ToView(RenkeiUser user, IEnumerable<string> roleNames) => new(
        user.Id, user.Email ?? "", user.DisplayName, user.OrganisationId,
        user.Organisation?.NameJa ?? "", user.Organisation?.NameEn ?? "",
        roleNames.Select(RoleFromName).OfType<Role>().Order().ToList(),
        user.PreferredLanguage, user.TwoFactorEnabled,
        user.LockoutEnd is { } end && end > time.GetUtcNow(),
        user.MustChangePassword, user.DeactivatedAt, user.CreatedAt, user.ConcurrencyStamp);

    private static Role? RoleFromName(string name) => EnumText.TryParse<Role>(name, out var role) ? role : null;

    private static Problem IdentityProblem(IdentityResult result)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => "password",
                "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "email",
                "ConcurrencyFailure" => "concurrencyStamp",
                _ => "",
            };
            InputValidation.Add(errors, field, error.Description);
        }
        return result.Errors.Any(e => e.Code == "ConcurrencyFailure")
            ? Problem.Conflict("The user was changed by someone else. Reload it and apply your change again.")
            : Problem.Invalid(errors);
    }
}
