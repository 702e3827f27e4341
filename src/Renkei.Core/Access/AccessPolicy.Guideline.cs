using Renkei.Directory;
using Renkei.Guideline;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>
    /// How the sectors' safety standards take up the guideline (指針): the national centre and the
    /// ministries read every sector's (they compare sectors and revise the guideline); everyone
    /// else reads their own sector's.
    /// </summary>
    /// <remarks>
    /// A sector's gaps against the guideline are the ministry's and NISC's working material; an
    /// operator sees where its own sector stands, not where the others are weak.
    /// </remarks>
    public IQueryable<GuidelineCoverage> GuidelineCoverage(Caller? caller)
    {
        if (caller is null)
        {
            return db.GuidelineCoverage.Where(_ => false);
        }
        if (ReadsEverySectorsCoverage(caller))
        {
            return db.GuidelineCoverage;
        }
        var sector = caller.SectorCode;
        return sector is null ? db.GuidelineCoverage.Where(_ => false) : db.GuidelineCoverage.Where(c => c.SectorCode == sector);
    }

    /// <summary>Whether <see cref="GuidelineCoverage"/> shows the caller this sector's coverage (the matrices list only those).</summary>
    public static bool ReadsGuidelineCoverage(Caller caller, string sector) => ReadsEverySectorsCoverage(caller) || caller.SectorCode == sector;

    private static bool ReadsEverySectorsCoverage(Caller caller) => caller.IsNationalCentre || caller.OrganisationKind == OrganisationKind.Ministry;
}
