using Renkei.Assessments;
using Renkei.Directory;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>
    /// Good-practice proposals the caller works on: those about its own organisation's answers (to
    /// consent or decline), and those its organisation proposed as a campaign owner. Nobody else
    /// reads a proposal with its organisation.
    /// </summary>
    public IQueryable<AssessmentGoodPractice> AssessmentGoodPractices(Caller? caller)
    {
        if (caller is null)
        {
            return db.AssessmentGoodPractices.Where(_ => false);
        }
        var org = caller.OrganisationId;
        var owned = db.AssessmentCampaigns.Where(c => c.OwnerOrganisationId == org).Select(c => c.Id);
        return db.AssessmentGoodPractices.Where(p => p.OrganisationId == org || owned.Contains(p.CampaignId));
    }

    /// <summary>
    /// Consented good practices, for the national centre and the ministries (who revise the
    /// guideline); nobody else. The caller projects them without the organisation: see
    /// <see cref="GoodPractices.PublishedAsync"/>.
    /// </summary>
    public IQueryable<AssessmentGoodPractice> PublishedGoodPractices(Caller? caller) =>
        caller is not null && (caller.IsNationalCentre || caller.OrganisationKind == OrganisationKind.Ministry)
            ? db.AssessmentGoodPractices.Where(p => p.State == GoodPracticeState.Consented)
            : db.AssessmentGoodPractices.Where(_ => false);
}
