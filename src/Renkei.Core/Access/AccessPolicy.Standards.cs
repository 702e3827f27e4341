using Renkei.Standards;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>
    /// Safety standards (安全基準等): the state's and the industry's documents (①–③) are read by
    /// every signed-in user; an operator's internal rules (④ 内規) only by that operator.
    /// </summary>
    /// <remarks>
    /// An internal rule is the operator's own: no other operator, no ministry, no CEPTOAR and no
    /// platform administrator reads it, not even that it exists.
    /// </remarks>
    public IQueryable<SafetyStandard> SafetyStandards(Caller? caller)
    {
        if (caller is null)
        {
            return db.SafetyStandards.Where(_ => false);
        }
        var org = caller.OrganisationId;
        return db.SafetyStandards.Where(s => s.Kind != StandardKind.Internal || s.OwnerOrganisationId == org);
    }

    /// <summary>Relations between documents the caller reads, both ends.</summary>
    public IQueryable<SafetyStandardRelation> SafetyStandardRelations(Caller? caller)
    {
        var visible = SafetyStandards(caller).Select(s => s.Id);
        return db.SafetyStandardRelations.Where(r => visible.Contains(r.FromId) && visible.Contains(r.ToId));
    }
}
