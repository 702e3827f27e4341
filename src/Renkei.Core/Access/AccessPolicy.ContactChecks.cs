using Microsoft.EntityFrameworkCore;
using Renkei.ContactChecks;
using Renkei.Directory;

namespace Renkei.Access;

/// <summary>
/// Contact checks and their parts. A recipient organisation sees the check, its rounds and its own
/// targets (when it was asked, when it answered); only the issuing organisation sees every target
/// and so who did not answer — and, for those, the points of contact to call.
/// </summary>
public sealed partial class AccessPolicy
{
    /// <summary>One contact check the caller may read; null if it does not exist for them.</summary>
    public async Task<VisibleContactCheck?> ContactCheckAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await ContactChecks(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } check
            ? new VisibleContactCheck(check, caller)
            : null;

    /// <summary>The checks the caller's organisation issued.</summary>
    public IQueryable<ContactCheck> IssuedContactChecks(Caller caller)
    {
        var org = caller.OrganisationId;
        return db.ContactChecks.Where(c => c.OwnerOrganisationId == org);
    }

    /// <summary>Rounds of the checks the caller may read (<see cref="ContactChecks"/>).</summary>
    public IQueryable<ContactCheckRound> ContactCheckRounds(Caller caller)
    {
        var checks = ContactChecks(caller).Select(c => c.Id);
        return db.ContactCheckRounds.Where(r => checks.Contains(r.CheckId));
    }

    /// <summary>The check's rounds: when each was sent and until when it takes confirmations.</summary>
    public IQueryable<ContactCheckRound> ContactCheckRounds(VisibleContactCheck check)
    {
        var id = check.Id;
        return db.ContactCheckRounds.Where(r => r.CheckId == id);
    }

    /// <summary>
    /// Targets the caller may read: those addressed to the caller's organisation, and every target
    /// of the checks it issued.
    /// </summary>
    public IQueryable<ContactCheckTarget> ContactCheckTargets(Caller caller)
    {
        var org = caller.OrganisationId;
        var issued = IssuedContactChecks(caller).Select(c => c.Id);
        return db.ContactCheckTargets.Where(t => t.OrganisationId == org || issued.Contains(t.CheckId));
    }

    /// <summary>The check's targets: all of them for the issuer, the caller's organisation's for a recipient.</summary>
    public IQueryable<ContactCheckTarget> ContactCheckTargets(VisibleContactCheck check)
    {
        var id = check.Id;
        var all = db.ContactCheckTargets.Where(t => t.CheckId == id);
        if (check.IssuedByCallersOrganisation)
        {
            return all;
        }
        var org = check.Caller.OrganisationId;
        return all.Where(t => t.OrganisationId == org);
    }

    /// <summary>
    /// The points of contact, as they are now, of organisations the issuer's check addressed (a
    /// number changed since the round was sent is the one to dial); nothing for anyone else.
    /// </summary>
    /// <remarks>
    /// Wider than <see cref="Contacts"/> on purpose: the issuer addressed these organisations
    /// within its remit, and calling those that did not answer is the point of the check. Only
    /// organisations among the check's targets are reached.
    /// </remarks>
    public IQueryable<PointOfContact> ContactsToCall(VisibleContactCheck check)
    {
        if (!check.IssuedByCallersOrganisation)
        {
            return db.PointsOfContact.Where(_ => false);
        }
        var id = check.Id;
        var targeted = db.ContactCheckTargets.Where(t => t.CheckId == id).Select(t => t.OrganisationId);
        return db.PointsOfContact.Where(p => targeted.Contains(p.OrganisationId));
    }
}
