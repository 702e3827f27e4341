using Microsoft.EntityFrameworkCore;
using Renkei.Assessments;
using Renkei.Directory;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>
    /// Campaigns the caller may see: its own organisation's, those whose audience reaches the
    /// caller's organisation, and every campaign for the national centre and the ministries (who
    /// read aggregates only, see <see cref="AssessmentCountsAsync"/>).
    /// </summary>
    public IQueryable<AssessmentCampaign> AssessmentCampaigns(Caller? caller)
    {
        if (caller is null)
        {
            return db.AssessmentCampaigns.Where(_ => false);
        }
        if (caller.IsNationalCentre || caller.OrganisationKind == OrganisationKind.Ministry)
        {
            return db.AssessmentCampaigns;
        }
        var org = caller.OrganisationId;
        var reaching = SharingPolicy.AudiencesReaching(caller, db.AudienceMembers);
        return db.AssessmentCampaigns.Where(c => c.OwnerOrganisationId == org || reaching.Contains(c.AudienceId));
    }

    /// <summary>
    /// Responses whose answers the caller reads: its own organisation's, and for the campaign
    /// owner's members those the operator shared. Nobody else — not the national centre, not a
    /// ministry, not a platform admin — reads one operator's answers.
    /// </summary>
    public IQueryable<AssessmentResponse> AssessmentResponses(Caller? caller)
    {
        if (caller is null)
        {
            return db.AssessmentResponses.Where(_ => false);
        }
        var org = caller.OrganisationId;
        var owned = db.AssessmentCampaigns.Where(c => c.OwnerOrganisationId == org).Select(c => c.Id);
        return db.AssessmentResponses.Where(r => r.OrganisationId == org || (r.SharedWithOwner && owned.Contains(r.CampaignId)));
    }

    /// <summary>Answers of the responses the caller reads (<see cref="AssessmentResponses"/>).</summary>
    public IQueryable<AssessmentAnswer> AssessmentAnswers(Caller? caller)
    {
        var responses = AssessmentResponses(caller).Select(r => r.Id);
        return db.AssessmentAnswers.Where(a => responses.Contains(a.ResponseId));
    }

    /// <summary>The history of answers the caller reads.</summary>
    public IQueryable<AssessmentAnswerChange> AssessmentAnswerChanges(Caller? caller)
    {
        var responses = AssessmentResponses(caller).Select(r => r.Id);
        return db.AssessmentAnswerChanges.Where(a => responses.Contains(a.ResponseId));
    }

    /// <summary>
    /// The raw counts behind a campaign's aggregate: per sector × item × answer key, the number of
    /// submitted responses, and per sector × item the respondents and their numbers, read from the
    /// cell counts kept at each submission (one query of a few thousand rows, however many
    /// answers). Only the aggregate service sees these, and it withholds every cell below the
    /// threshold before anything leaves; no organisation id is in them.
    /// </summary>
    public async Task<AssessmentCounts> AssessmentCountsAsync(Guid campaignId, CancellationToken ct = default)
    {
        var rows = await db.AssessmentCellCounts.AsNoTracking().Where(c => c.CampaignId == campaignId).ToListAsync(ct);
        var keys = rows.Where(r => r.Key != "").Select(r => new AssessmentKeyCount(Sector(r), r.ItemId, r.Key, r.Count)).ToList();
        var respondents = rows.Where(r => r.Key == "").Select(r => new AssessmentItemCount(Sector(r), r.ItemId, r.Count, r.Numbers > 0 ? r.NumberSum : null, r.Numbers)).ToList();
        return new AssessmentCounts(keys, respondents);
    }

    private static string? Sector(AssessmentCellCount c) => c.SectorCode == "" ? null : c.SectorCode;

    /// <summary>
    /// Per sector, the organisations the campaign's audience reaches and which of them have
    /// responded (any state): for the response rate, and for the owner, who has not answered.
    /// </summary>
    public async Task<List<AssessmentAudienceOrganisation>> AssessmentAudienceAsync(AssessmentCampaign campaign, CancellationToken ct = default)
    {
        var members = await db.AudienceMembers.AsNoTracking().Where(m => m.AudienceId == campaign.AudienceId).ToListAsync(ct);
        var all = members.Any(m => m.Kind == AudienceKind.AllCi);
        var sectors = members.Where(m => m.Kind == AudienceKind.Sector).Select(m => m.Key).ToArray();
        var scopes = members.Where(m => m.Kind == AudienceKind.BusinessScope).Select(m => m.Key).ToArray();
        var ceptoars = members.Where(m => m.Kind == AudienceKind.Ceptoar).Select(m => m.Key).ToArray();
        var orgs = members.Where(m => m.Kind == AudienceKind.Organisation).Select(m => Guid.Parse(m.Key)).ToArray();
        var inCeptoars = db.CeptoarMemberships.Where(m => ceptoars.Contains(m.CeptoarCode)).Select(m => m.OrganisationId);
        var reached = await db.Organisations.AsNoTracking()
            .Where(o => o.Id != campaign.OwnerOrganisationId)
            .Where(o => (all && o.Kind == OrganisationKind.Operator) || sectors.Contains(o.SectorCode!) || scopes.Contains(o.BusinessScopeCode!) || orgs.Contains(o.Id) || inCeptoars.Contains(o.Id))
            .Select(o => new { o.Id, o.NameJa, o.NameEn, o.SectorCode }).ToListAsync(ct);
        var responded = await db.AssessmentResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.OrganisationId, r.State }).ToDictionaryAsync(r => r.OrganisationId, r => r.State, ct);
        return reached.Select(o => new AssessmentAudienceOrganisation(o.Id, o.NameJa, o.NameEn, o.SectorCode, responded.TryGetValue(o.Id, out var s) ? s : null)).ToList();
    }
}

public sealed record AssessmentKeyCount(string? SectorCode, Guid ItemId, string Key, int Count);

public sealed record AssessmentItemCount(string? SectorCode, Guid ItemId, int Respondents, double? NumberSum, int Numbers);

public sealed record AssessmentCounts(List<AssessmentKeyCount> Keys, List<AssessmentItemCount> Items);

public sealed record AssessmentAudienceOrganisation(Guid OrganisationId, string NameJa, string NameEn, string? SectorCode, ResponseState? State);

public sealed partial class AccessPolicy
{
    /// <summary>The categorical keys of the responses the caller reads (to replace them when an answer changes).</summary>
    public IQueryable<AssessmentAnswerKey> AssessmentAnswerKeys(Caller? caller)
    {
        var responses = AssessmentResponses(caller).Select(r => r.Id);
        return db.AssessmentAnswerKeys.Where(k => responses.Contains(k.ResponseId));
    }
}

public sealed partial class AccessPolicy
{
    /// <summary>Whether a campaign's audience reaches the caller's organisation.</summary>
    public Task<bool> AssessmentAudienceReachesAsync(Caller caller, Guid audienceId, CancellationToken ct = default) =>
        SharingPolicy.AudiencesReaching(caller, db.AudienceMembers).AnyAsync(a => a == audienceId, ct);
}

public sealed partial class AccessPolicy
{
    /// <summary>
    /// The closed campaign a campaign is compared with year on year (定点調査): the one its owner
    /// named, or else the owner's latest closed campaign of the same framework code (same or
    /// earlier version) that opened before it. Only its protected aggregate is read from it.
    /// </summary>
    public async Task<AssessmentCampaign?> AssessmentPreviousCampaignAsync(AssessmentCampaign campaign, CancellationToken ct = default)
    {
        if (campaign.PreviousCampaignId is { } named)
        {
            return await db.AssessmentCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == named && c.State == CampaignState.Closed, ct);
        }
        var framework = await db.AssessmentFrameworks.AsNoTracking().Where(f => f.Id == campaign.FrameworkId).Select(f => new { f.Code, f.Version }).FirstAsync(ct);
        var versions = db.AssessmentFrameworks.Where(f => f.Code == framework.Code && f.Version <= framework.Version).Select(f => f.Id);
        return await db.AssessmentCampaigns.AsNoTracking()
            .Where(c => c.Id != campaign.Id && c.OwnerOrganisationId == campaign.OwnerOrganisationId && c.State == CampaignState.Closed && c.OpensAt < campaign.OpensAt && versions.Contains(c.FrameworkId))
            .OrderByDescending(c => c.OpensAt).FirstOrDefaultAsync(ct);
    }
}

public sealed partial class AccessPolicy
{
    /// <summary>The framework version of a campaign whose response the caller already reads (item codes of its answers).</summary>
    public IQueryable<Guid> AssessmentFrameworkOf(Guid campaignId) =>
        db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.FrameworkId);
}

public sealed partial class AccessPolicy
{
    /// <summary>Evidence files of the responses the caller reads (<see cref="AssessmentResponses"/>): nobody else downloads them.</summary>
    public IQueryable<AssessmentEvidence> AssessmentEvidence(Caller? caller)
    {
        var responses = AssessmentResponses(caller).Select(r => r.Id);
        return db.AssessmentEvidence.Where(e => responses.Contains(e.ResponseId));
    }
}
