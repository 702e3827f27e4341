using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Directory;

/// <summary>A 展開先 to register on a CEPTOAR: the organisation and how it is chosen.</summary>
public sealed record CeptoarRecipientInput
{
    [Required(ErrorMessage = "is required")]
    public Guid? OrganisationId { get; init; }

    /// <summary>Defaults to <see cref="RecipientSelection.Always"/>.</summary>
    public RecipientSelection? Selection { get; init; }
}

/// <summary>One registered 展開先 of a CEPTOAR, as the API and UI show it.</summary>
public sealed record CeptoarRecipientView(OrganisationRef Organisation, RecipientSelection Selection, DateTime CreatedAt);

/// <summary>One CEPTOAR an organisation receives advisories from as a 展開先 (outside its membership).</summary>
public sealed record CeptoarRecipientOf(string CeptoarCode, string NameJa, string NameEn, RecipientSelection Selection);

/// <summary>
/// Keeps a CEPTOAR's 展開先: organisations outside its membership that NISC's information also
/// reaches through it (seed 001 l.365). Kept by whoever keeps the CEPTOAR's members
/// (<see cref="Permissions.ManageCeptoarRecipients"/>); every change is a row write, so it is in
/// the audit trail like any other directory write.
/// </summary>
public sealed class CeptoarRecipientService(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    /// <summary>The CEPTOAR's 展開先 the caller may see; null when the CEPTOAR does not exist for the caller.</summary>
    public async Task<List<CeptoarRecipientView>?> ListAsync(Caller caller, string code, CancellationToken ct = default)
    {
        if (!await access.Ceptoars(caller).AnyAsync(c => c.Code == code, ct))
        {
            return null;
        }
        return await access.CeptoarRecipients(caller).AsNoTracking()
            .Where(r => r.CeptoarCode == code)
            .OrderBy(r => r.Organisation!.NameJa)
            .Select(r => new CeptoarRecipientView(new OrganisationRef(r.Organisation!.Id, r.Organisation.Code, r.Organisation.NameJa, r.Organisation.NameEn), r.Selection, r.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The CEPTOARs whose 展開先 lists hold the organisation, as far as the caller sees those lists
    /// (the organisation itself, the secretariats, the ministries in charge, NISC).
    /// </summary>
    public Task<List<CeptoarRecipientOf>> OfOrganisationAsync(Caller caller, Guid organisationId, CancellationToken ct = default) =>
        access.CeptoarRecipients(caller).AsNoTracking()
            .Where(r => r.OrganisationId == organisationId)
            .OrderBy(r => r.CeptoarCode)
            .Select(r => new CeptoarRecipientOf(r.CeptoarCode, r.Ceptoar!.NameJa, r.Ceptoar.NameEn, r.Selection))
            .ToListAsync(ct);

    public async Task<Result<CeptoarRecipientView>> AddAsync(Caller caller, string code, CeptoarRecipientInput input, CancellationToken ct = default)
    {
        var ceptoar = await access.Ceptoars(caller).FirstOrDefaultAsync(c => c.Code == code, ct);
        if (ceptoar is null)
        {
            return Problem.NotFound("The CEPTOAR");
        }
        if (!Permissions.ManageCeptoarRecipients(caller, code))
        {
            return Problem.Forbidden("Only the CEPTOAR's secretariat and platform administrators keep its recipients beyond its members.");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var organisationId = input.OrganisationId!.Value;
        var organisation = await access.Organisations(caller).AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return Problem.Invalid("organisationId", Text.T("'{0}' is not an organisation in the directory", organisationId));
        }
        // A 展開先 is by definition outside the membership (構成員以外): a member already receives.
        if (await access.CeptoarMemberships(caller).AnyAsync(m => m.CeptoarCode == code && m.OrganisationId == organisationId, ct))
        {
            return Problem.Invalid("organisationId", "is already a member of the CEPTOAR");
        }
        if (await access.CeptoarRecipients(caller).AnyAsync(r => r.CeptoarCode == code && r.OrganisationId == organisationId, ct))
        {
            return Problem.Conflict(Text.T("The organisation is already a recipient of {0}.", Text.InJapanese ? ceptoar.NameJa : ceptoar.NameEn));
        }
        var row = new CeptoarRecipient { CeptoarCode = code, OrganisationId = organisationId, Selection = input.Selection ?? RecipientSelection.Always, CreatedAt = Clock.UtcNow(time) };
        db.CeptoarRecipients.Add(row);
        await db.SaveChangesAsync(ct);
        return new CeptoarRecipientView(new OrganisationRef(organisation.Id, organisation.Code, organisation.NameJa, organisation.NameEn), row.Selection, row.CreatedAt);
    }

    public async Task<Result<bool>> RemoveAsync(Caller caller, string code, Guid organisationId, CancellationToken ct = default)
    {
        var row = await access.CeptoarRecipients(caller).FirstOrDefaultAsync(r => r.CeptoarCode == code && r.OrganisationId == organisationId, ct);
        if (row is null)
        {
            return Problem.NotFound("The recipient");
        }
        if (!Permissions.ManageCeptoarRecipients(caller, code))
        {
            return Problem.Forbidden("Only the CEPTOAR's secretariat and platform administrators keep its recipients beyond its members.");
        }
        db.CeptoarRecipients.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
