using System.Linq.Expressions;

namespace Renkei.Access;

/// <summary>
/// The sharing model, once: which shareable records (TLP-labelled, with an audience) a caller
/// may see. Every read of such records — API, UI, exports, search, feeds — filters with
/// <see cref="VisibleTo{T}"/>; the filter runs in the database so lists, counts and pages agree.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>TLP:CLEAR is visible to everyone, signed in or not.</item>
/// <item>Below RED, a record is visible to its owner organisation and to every member of an
/// organisation its audience names (directly, by sector, business scope, CEPTOAR, a CEPTOAR's 展開先 or community,
/// or all CI), and to users the audience names. GREEN, AMBER and AMBER+STRICT differ in what a
/// recipient may pass on (enforced where records are forwarded), not in who may read here.</item>
/// <item>TLP:RED is visible only to its author and to users the audience names individually:
/// FIRST defines RED as "for the eyes and ears of individual recipients only", so a RED record
/// addressed to an organisation or sector reaches no one but its author, and the validation of
/// audiences refuses that combination.</item>
/// <item>There is no administrator override. The platform's operator reads only what it was sent.</item>
/// </list>
/// </remarks>
public static class SharingPolicy
{
    public const string AllKey = "*";

    /// <param name="members">All audience members (the DbSet): the audiences that reach the caller are
    /// looked up through the (kind, key) index first, so the cost follows what the caller may
    /// see rather than how many records exist.</param>
    public static Expression<Func<T, bool>> VisibleTo<T>(Caller? caller, IQueryable<AudienceMember> members) where T : class, IShareable
    {
        if (caller is null)
        {
            return Rebind<T>(x => x.Tlp == Tlp.Clear);
        }

        var userId = caller.UserId;
        var orgId = caller.OrganisationId;
        var reaching = AudiencesReaching(caller, members);
        var naming = AudiencesNaming(caller, members);

        return Rebind<T>(x =>
            x.Tlp == Tlp.Clear
            || (x.OwnerOrganisationId == orgId && x.Tlp != Tlp.Red)
            || x.CreatedByUserId == userId
            || (x.Tlp != Tlp.Red && reaching.Contains(x.AudienceId))
            || (x.Tlp == Tlp.Red && naming.Contains(x.AudienceId)));
    }

    /// <summary>Audiences that include the caller through any of their entries (for TLP below RED).</summary>
    public static IQueryable<Guid> AudiencesReaching(Caller caller, IQueryable<AudienceMember> members)
    {
        var userKey = caller.UserId.ToString("D");
        var orgKey = caller.OrganisationId.ToString("D");
        var sector = caller.SectorCode ?? "";
        var scope = caller.BusinessScopeCode ?? "";
        var ceptoars = caller.CeptoarCodes.ToArray();
        var communities = caller.CommunityCodes.ToArray();
        var recipientOf = caller.RecipientOfCeptoars.ToArray();
        return members.Where(m =>
                m.Kind == AudienceKind.AllCi
                || (m.Kind == AudienceKind.Sector && m.Key == sector)
                || (m.Kind == AudienceKind.BusinessScope && m.Key == scope)
                || (m.Kind == AudienceKind.Ceptoar && ceptoars.Contains(m.Key))
                || (m.Kind == AudienceKind.CeptoarRecipients && recipientOf.Contains(m.Key))
                || (m.Kind == AudienceKind.Community && communities.Contains(m.Key))
                || (m.Kind == AudienceKind.Organisation && m.Key == orgKey)
                || (m.Kind == AudienceKind.User && m.Key == userKey))
            .Select(m => m.AudienceId);
    }

    /// <summary>Audiences that name the caller individually (the only way to receive TLP:RED).</summary>
    public static IQueryable<Guid> AudiencesNaming(Caller caller, IQueryable<AudienceMember> members)
    {
        var userKey = caller.UserId.ToString("D");
        return members.Where(m => m.Kind == AudienceKind.User && m.Key == userKey).Select(m => m.AudienceId);
    }

    /// <summary>
    /// Rewrites a lambda written against <see cref="IShareable"/> into one over the entity's own
    /// properties, which is what the EF Core providers translate reliably.
    /// </summary>
    private static Expression<Func<T, bool>> Rebind<T>(Expression<Func<IShareable, bool>> rule)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = new InterfaceMemberRebinder(rule.Parameters[0], parameter).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class InterfaceMemberRebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == from)
            {
                return Expression.Property(to, node.Member.Name);
            }
            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
