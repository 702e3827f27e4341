using Renkei.ContactChecks;

namespace Renkei.Access;

/// <summary>
/// One contact check the access policy let a caller read: the issuing organisation's, or one a
/// round addressed to the caller's organisation. Its rounds, targets and the contacts to call are
/// read through this handle, and what they show depends on <see cref="IssuedByCallersOrganisation"/>.
/// </summary>
/// <remarks>Only <see cref="AccessPolicy.ContactCheckAsync"/> makes one; the check is an untracked snapshot.</remarks>
public sealed class VisibleContactCheck
{
    internal VisibleContactCheck(ContactCheck check, Caller caller)
    {
        Check = check;
        Caller = caller;
    }

    public Guid Id => Check.Id;

    public ContactCheck Check { get; }

    public Caller Caller { get; }

    /// <summary>The caller belongs to the issuing organisation, which reads who answered and whom to call.</summary>
    public bool IssuedByCallersOrganisation => Check.OwnerOrganisationId == Caller.OrganisationId;
}
