using Renkei.Identity;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>
    /// API tokens the caller may see and revoke: their own, and those of the accounts they
    /// administer (<see cref="Permissions.ManageUsers"/>: their organisation's admins, platform admins).
    /// </summary>
    /// <remarks>
    /// Auditors read accounts (to put names on the trail) but not tokens: a token is a credential,
    /// and knowing that one exists, its name and last use is the owner's and their admins' business.
    /// The secret itself is never stored, only its hash.
    /// </remarks>
    public IQueryable<ApiToken> ApiTokens(Caller? caller)
    {
        if (caller is null)
        {
            return db.ApiTokens.Where(_ => false);
        }
        if (caller.IsPlatformAdmin)
        {
            return db.ApiTokens;
        }
        var me = caller.UserId;
        if (caller.Has(Role.Admin))
        {
            var org = caller.OrganisationId;
            return db.ApiTokens.Where(t => t.UserId == me || db.Users.Any(u => u.Id == t.UserId && u.OrganisationId == org));
        }
        return db.ApiTokens.Where(t => t.UserId == me);
    }
}
