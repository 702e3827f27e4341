using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Directory;

/// <summary>Keeps an organisation's points of contact.</summary>
public sealed class ContactService(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    /// <summary>Why the caller may not keep the organisation's points of contact, or null when they may (the edit page asks before its form).</summary>
    public static Problem? Refusal(Caller caller, Guid organisationId) =>
        Permissions.ManageContacts(caller, organisationId) ? null : Problem.Forbidden("Only the organisation's admins and coordinators keep its points of contact.");

    public async Task<Result<PointOfContact>> AddAsync(Caller caller, Guid organisationId, ContactInput input, CancellationToken ct = default)
    {
        input = input.Normalised();
        if (!await access.Organisations(caller).AnyAsync(o => o.Id == organisationId, ct))
        {
            return Problem.NotFound("The organisation");
        }
        if (!Permissions.ManageContacts(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its points of contact.");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var now = Clock.UtcNow(time);
        var contact = new PointOfContact
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Priority = input.Priority!.Value,
            Name = input.Name,
            Email = input.Email,
            Phone = input.Phone,
            Hours = input.Hours,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.PointsOfContact.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<Result<PointOfContact>> UpdateAsync(Caller caller, Guid organisationId, Guid contactId, ContactInput input, CancellationToken ct = default)
    {
        input = input.Normalised();
        var contact = await access.Contacts(caller).FirstOrDefaultAsync(c => c.Id == contactId && c.OrganisationId == organisationId, ct);
        if (contact is null)
        {
            return Problem.NotFound("The point of contact");
        }
        if (!Permissions.ManageContacts(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its points of contact.");
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
        if (input.Version != contact.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, contact.Version);
        }
        if (contact.Priority == input.Priority && contact.Name == input.Name && contact.Email == input.Email && contact.Phone == input.Phone && contact.Hours == input.Hours)
        {
            return contact;
        }
        contact.Priority = input.Priority!.Value;
        contact.Name = input.Name;
        contact.Email = input.Email;
        contact.Phone = input.Phone;
        contact.Hours = input.Hours;
        contact.UpdatedAt = Clock.UtcNow(time);
        contact.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The point of contact was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return contact;
    }

    public async Task<Result<PointOfContact>> DeleteAsync(Caller caller, Guid organisationId, Guid contactId, CancellationToken ct = default)
    {
        var contact = await access.Contacts(caller).FirstOrDefaultAsync(c => c.Id == contactId && c.OrganisationId == organisationId, ct);
        if (contact is null)
        {
            return Problem.NotFound("The point of contact");
        }
        if (!Permissions.ManageContacts(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its points of contact.");
        }
        db.PointsOfContact.Remove(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }
}
