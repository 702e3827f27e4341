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
/// organisation its audience names (directly, by sector, business scope, CEPTOAR or community,
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

    public static Expression<Func<T, bool>> VisibleTo<T>(Caller? caller) where T : class, IShareable
    {
        if (caller is null)
        {
            return Rebind<T>(x => x.Tlp == Tlp.Clear);
        }

        var userId = caller.UserId;
        var userKey = caller.UserId.ToString("D");
        var orgId = caller.OrganisationId;
        var orgKey = caller.OrganisationId.ToString("D");
        var sector = caller.SectorCode ?? "";
        var scope = caller.BusinessScopeCode ?? "";
        var ceptoars = caller.CeptoarCodes.ToArray();
        var communities = caller.CommunityCodes.ToArray();

        return Rebind<T>(x =>
            x.Tlp == Tlp.Clear
            || (x.OwnerOrganisationId == orgId && x.Tlp != Tlp.Red)
            || x.CreatedByUserId == userId
            || (x.Tlp != Tlp.Red && x.Audience!.Members.Any(m =>
                m.Kind == AudienceKind.AllCi
                || (m.Kind == AudienceKind.Sector && m.Key == sector)
                || (m.Kind == AudienceKind.BusinessScope && m.Key == scope)
                || (m.Kind == AudienceKind.Ceptoar && ceptoars.Contains(m.Key))
                || (m.Kind == AudienceKind.Community && communities.Contains(m.Key))
                || (m.Kind == AudienceKind.Organisation && m.Key == orgKey)
                || (m.Kind == AudienceKind.User && m.Key == userKey)))
            || (x.Tlp == Tlp.Red && x.Audience!.Members.Any(m => m.Kind == AudienceKind.User && m.Key == userKey)));
    }

    /// <summary>The same rule for one record already in memory (used to check a record before it is stored).</summary>
    public static bool CanSee<T>(Caller? caller, T record) where T : class, IShareable =>
        VisibleTo<T>(caller).Compile()(record);

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
