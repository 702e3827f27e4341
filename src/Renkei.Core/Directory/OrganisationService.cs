using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.ReferenceData;
using Renkei.Storage;

namespace Renkei.Directory;

/// <summary>Creates, edits and deletes organisations.</summary>
public sealed class OrganisationService(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    public async Task<Result<Organisation>> CreateAsync(Caller caller, OrganisationInput input, CancellationToken ct = default)
    {
        input = input.Normalised();
        if (!Permissions.CreateOrganisation(caller))
        {
            return Problem.Forbidden("Only platform administrators create organisations.");
        }
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var now = Clock.UtcNow(time);
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(),
            NameJa = "",
            NameEn = "",
            CreatedAt = now,
        };
        Apply(organisation, input, now);
        db.Organisations.Add(organisation);
        if (organisation.Code is not null)
        {
            AddRevision(caller, organisation, now);
        }
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    public async Task<Result<Organisation>> UpdateAsync(Caller caller, Guid id, OrganisationInput input, CancellationToken ct = default)
    {
        input = input.Normalised();
        var organisation = await access.Organisations(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return Problem.NotFound("The organisation");
        }
        if (!Permissions.EditOrganisation(caller, id))
        {
            return Problem.Forbidden("Only the organisation's admins and platform administrators edit it.");
        }
        if (input.Version is null)
        {
            return Problem.Invalid("version", "is required: send the version you are editing");
        }
        if (input.Version != organisation.Version)
        {
            return Problem.StaleVersion(input.Version.Value, organisation.Version);
        }
        // Kind, sector and code place an organisation in the sharing model; only platform
        // administrators move it there.
        if (!Permissions.PlaceOrganisation(caller) && (input.Kind != organisation.Kind || input.SectorCode != organisation.SectorCode
            || input.BusinessScopeCode != organisation.BusinessScopeCode || input.Code != organisation.Code))
        {
            return Problem.Forbidden("Only platform administrators change an organisation's code, kind, sector or business scope.");
        }
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (Same(organisation, input))
        {
            // Nothing to change: no new version, no revision, no audit event.
            return organisation;
        }
        var now = Clock.UtcNow(time);
        Apply(organisation, input, now);
        organisation.Version++;
        if (organisation.Code is not null)
        {
            AddRevision(caller, organisation, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The organisation was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return organisation;
    }

    public async Task<Result<Organisation>> DeleteAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var organisation = await access.Organisations(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return Problem.NotFound("The organisation");
        }
        if (!Permissions.DeleteOrganisation(caller))
        {
            return Problem.Forbidden("Only platform administrators delete organisations.");
        }
        // Nothing that names the organisation may lose its referent: users (and what they
        // wrote), and the sectors it is the ministry of, keep it alive.
        var users = await db.Users.CountAsync(u => u.OrganisationId == id, ct);
        var ministryOf = await db.Sectors.CountAsync(s => s.MinistryId == id, ct);
        var notices = await db.Notices.CountAsync(n => n.OwnerOrganisationId == id, ct);
        if (users > 0 || ministryOf > 0 || notices > 0)
        {
            return Problem.Conflict(Text.T("The organisation is still in use ({0} users, {1} sectors it is in charge of, {2} notices). Move or deactivate those first.", users, ministryOf, notices));
        }
        db.Organisations.Remove(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>Checks that need the database: codes exist, the scope belongs to the sector, the code is free.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(OrganisationInput input, Guid? existingId, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        if (input.SectorCode is { Length: > 0 } sector && !await db.Sectors.AnyAsync(s => s.Code == sector, ct))
        {
            InputValidation.Add(errors, "sectorCode", Text.T("'{0}' is not a sector code", sector));
        }
        if (input.BusinessScopeCode is { Length: > 0 } scope)
        {
            var scopeSector = await db.BusinessScopes.Where(s => s.Code == scope).Select(s => s.SectorCode).FirstOrDefaultAsync(ct);
            if (scopeSector is null)
            {
                InputValidation.Add(errors, "businessScopeCode", Text.T("'{0}' is not a business scope code", scope));
            }
            else if (scopeSector != input.SectorCode)
            {
                InputValidation.Add(errors, "businessScopeCode", Text.T("'{0}' belongs to sector '{1}', not '{2}'", scope, scopeSector, input.SectorCode));
            }
        }
        if (input.Code is { Length: > 0 } code && await db.Organisations.AnyAsync(o => o.Code == code && o.Id != existingId, ct))
        {
            InputValidation.Add(errors, "code", Text.T("'{0}' is already used by another organisation", code));
        }
        return errors;
    }

    private static bool Same(Organisation o, OrganisationInput input) =>
        o.Code == input.Code && o.NameJa == input.NameJa && o.NameEn == input.NameEn && o.Kind == input.Kind
        && o.SectorCode == input.SectorCode && o.BusinessScopeCode == input.BusinessScopeCode && o.Website == input.Website;

    private static void Apply(Organisation organisation, OrganisationInput input, DateTime now)
    {
        organisation.Code = input.Code;
        organisation.NameJa = input.NameJa;
        organisation.NameEn = input.NameEn;
        organisation.Kind = input.Kind!.Value;
        organisation.SectorCode = input.SectorCode;
        organisation.BusinessScopeCode = input.BusinessScopeCode;
        organisation.Website = input.Website;
        organisation.UpdatedAt = now;
    }

    /// <summary>Organisations with a code are reference data: their edits are versioned like sectors'.</summary>
    private void AddRevision(Caller caller, Organisation organisation, DateTime now) =>
        db.ReferenceRevisions.Add(new ReferenceRevision
        {
            EntityType = ReferenceSnapshot.Organisation,
            EntityKey = organisation.Code!,
            Version = organisation.Version,
            Data = ReferenceSnapshot.Of(organisation),
            Source = ReferenceRevisionSources.Admin,
            ChangedByUserId = caller.UserId,
            ChangedAt = now,
        });
}
