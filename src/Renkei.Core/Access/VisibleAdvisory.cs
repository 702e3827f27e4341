using Renkei.Advisories;

namespace Renkei.Access;

/// <summary>
/// One advisory the access policy let a caller read (the caller is null on the public portal,
/// which sees TLP:CLEAR only). Readers of its parts — revisions, its STIX objects — take this, so
/// they cannot be reached without the policy having been asked.
/// </summary>
/// <remarks>Only <see cref="AccessPolicy.AdvisoryAsync"/> makes one; the advisory is an untracked snapshot.</remarks>
public sealed class VisibleAdvisory
{
    internal VisibleAdvisory(Advisory advisory, Caller? caller)
    {
        Advisory = advisory;
        Caller = caller;
    }

    public Guid Id => Advisory.Id;

    public Advisory Advisory { get; }

    public Caller? Caller { get; }

    /// <summary>The caller belongs to the organisation that issued it (which reads every recipient's record).</summary>
    public bool IssuedByCallersOrganisation => Caller is not null && Advisory.OwnerOrganisationId == Caller.OrganisationId;
}
