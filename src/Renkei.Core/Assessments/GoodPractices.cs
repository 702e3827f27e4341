using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Assessments;

public sealed record GoodPracticeInput
{
    /// <summary>The item code of the answer proposed.</summary>
    public string? Item { get; init; }

    /// <summary>The practice in the reviewer's words, anonymised: no names, places or anything that identifies the operator.</summary>
    public string? Text { get; init; }
}

public sealed record GoodPracticeDecisionInput
{
    /// <summary>True to consent to the anonymised listing, false to decline (or to withdraw consent).</summary>
    public bool? Consent { get; init; }
    public int? Version { get; init; }
}

/// <summary>A proposal as its reviewer and its answering organisation see it.</summary>
public sealed record GoodPracticeView(Guid Id, Guid CampaignId, Guid ResponseId, Guid OrganisationId, string Item, string? SectorCode, string Text,
    GoodPracticeState State, int Version, DateTime ProposedAt, DateTime? DecidedAt);

/// <summary>A consented good practice as listed: the sector, never the organisation.</summary>
public sealed record PublishedGoodPractice(Guid Id, string FrameworkCode, int FrameworkVersion, string Item, string ItemTextJa, string ItemTextEn,
    string? SectorCode, string Text, DateTime? ConsentedAt);

/// <summary>
/// Good practices (issue 16, item 5): the campaign owner's reviewers propose an answer of a
/// response the operator shared with them, in words they anonymised; the operator consents or
/// declines; consented ones are listed to the national centre and the ministries by sector, to
/// feed the next guideline revision. Every write is audited by SaveChanges.
/// </summary>
public sealed class GoodPractices(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    public const int MaxTextLength = 4000;

    /// <summary>Reviewers: the campaign owner's admins, coordinators and analysts (as for reviewing a response).</summary>
    private static bool Reviews(Caller caller) => caller.HasAny(Role.Admin, Role.Coordinator, Role.Analyst);

    /// <summary>Who consents to (or declines) a proposal from the organisation's answers: its admins and coordinators.</summary>
    public static bool Decides(Caller caller) => caller.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>Readers of the consented list: the national centre and the ministries.</summary>
    public static bool ReadsPublished(Caller caller) => caller.IsNationalCentre || caller.OrganisationKind == OrganisationKind.Ministry;

    public async Task<Result<GoodPracticeView>> ProposeAsync(Caller caller, Guid campaignId, Guid responseId, GoodPracticeInput input, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        if (campaign.OwnerOrganisationId != caller.OrganisationId || !Reviews(caller))
        {
            return Problem.Forbidden("Only the campaign owner's admins, coordinators and analysts propose good practices.");
        }
        // The policy shows the owner a response only once the operator shared it.
        var response = await access.AssessmentResponses(caller).AsNoTracking().FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.Id == responseId, ct);
        if (response is null || !response.SharedWithOwner || response.OrganisationId == caller.OrganisationId)
        {
            return Problem.NotFound("The response");
        }
        if (response.State == ResponseState.Draft)
        {
            return Problem.Conflict("Only the answers of a submitted response are proposed as good practices.");
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var item = input.Item is null ? null : await db.AssessmentItems.AsNoTracking().FirstOrDefaultAsync(i => i.FrameworkId == campaign.FrameworkId && i.Code == input.Item, ct);
        var answered = item is not null && await access.AssessmentAnswers(caller).AnyAsync(a => a.ResponseId == responseId && a.ItemId == item.Id, ct);
        if (!answered)
        {
            InputValidation.Add(errors, "item", "must name an item the response answered");
        }
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            InputValidation.Add(errors, "text", Text.T("is required: the practice in anonymised words, at most {0} characters", MaxTextLength));
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var itemId = item!.Id;
        if (await access.AssessmentGoodPractices(caller).AnyAsync(p => p.ResponseId == responseId && p.ItemId == itemId, ct))
        {
            return Problem.Conflict("This answer is proposed as a good practice already.");
        }
        var practice = new AssessmentGoodPractice
        {
            Id = Guid.CreateVersion7(),
            CampaignId = campaignId,
            ResponseId = responseId,
            OrganisationId = response.OrganisationId,
            ItemId = itemId,
            SectorCode = response.SectorCode,
            Text = text,
            State = GoodPracticeState.Proposed,
            Version = 1,
            ProposedAt = Clock.UtcNow(time),
            ProposedByUserId = caller.UserId,
        };
        db.AssessmentGoodPractices.Add(practice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict("This answer is proposed as a good practice already.");
        }
        return View(practice, item.Code);
    }

    /// <summary>The campaign's proposals the caller works on: all of them for the owner, its own answers' for an operator.</summary>
    public async Task<Result<List<GoodPracticeView>>> ListAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        var practices = await access.AssessmentGoodPractices(caller).AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.ProposedAt).ToListAsync(ct);
        var codes = await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == campaign.FrameworkId).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return practices.Select(p => View(p, codes[p.ItemId])).ToList();
    }

    /// <summary>The answering organisation's admins and coordinators consent or decline (and may withdraw consent later).</summary>
    public async Task<Result<GoodPracticeView>> DecideAsync(Caller caller, Guid campaignId, Guid practiceId, GoodPracticeDecisionInput input, CancellationToken ct = default)
    {
        var practice = await access.AssessmentGoodPractices(caller).FirstOrDefaultAsync(p => p.Id == practiceId && p.CampaignId == campaignId, ct);
        if (practice is null)
        {
            return Problem.NotFound("The good practice");
        }
        if (practice.OrganisationId != caller.OrganisationId || !Decides(caller))
        {
            return Problem.Forbidden("Only the answering organisation's admins and coordinators consent to or decline a good practice.");
        }
        if (input.Consent is not { } consent)
        {
            return Problem.Invalid("consent", "is required: true to consent, false to decline");
        }
        if (input.Version is { } version && version != practice.Version)
        {
            return Problem.StaleVersion(version, practice.Version);
        }
        var state = consent ? GoodPracticeState.Consented : GoodPracticeState.Declined;
        if (practice.State != state)
        {
            practice.State = state;
            practice.DecidedAt = Clock.UtcNow(time);
            practice.DecidedByUserId = caller.UserId;
            practice.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Problem.Conflict("The good practice was changed by someone else at the same time. Reload it and decide again.");
            }
        }
        var itemId = practice.ItemId;
        var code = await db.AssessmentItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Code).FirstAsync(ct);
        return View(practice, code);
    }

    /// <summary>
    /// Consented good practices, for the national centre and the ministries: by item code and
    /// framework, with the sector and never the organisation (it is not even read).
    /// </summary>
    public async Task<Result<List<PublishedGoodPractice>>> PublishedAsync(Caller caller, string? itemCode, string? frameworkCode, CancellationToken ct = default)
    {
        if (!ReadsPublished(caller))
        {
            return Problem.Forbidden("Only the national centre and the ministries read the good practices.");
        }
        var query = from p in access.PublishedGoodPractices(caller)
                    join i in db.AssessmentItems on p.ItemId equals i.Id
                    join f in db.AssessmentFrameworks on i.FrameworkId equals f.Id
                    where (itemCode == null || i.Code == itemCode) && (frameworkCode == null || f.Code == frameworkCode)
                    orderby f.Code, i.Code, p.DecidedAt
                    select new PublishedGoodPractice(p.Id, f.Code, f.Version, i.Code, i.TextJa, i.TextEn, p.SectorCode, p.Text, p.DecidedAt);
        return await query.AsNoTracking().ToListAsync(ct);
    }

    private static GoodPracticeView View(AssessmentGoodPractice p, string item) =>
        new(p.Id, p.CampaignId, p.ResponseId, p.OrganisationId, item, p.SectorCode, p.Text, p.State, p.Version, p.ProposedAt, p.DecidedAt);
}
