using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Assessments;

/// <summary>
/// The assessment engine's writes and the respondent's own reads: frameworks (JSON and CSV),
/// campaigns to an audience, and each organisation's response, answer by answer, versioned.
/// Every write is audited by SaveChanges; an answer's earlier values are kept as changes.
/// </summary>
public sealed class AssessmentService(RenkeiDbContext db, AccessPolicy access, AudienceBuilder audiences, AssessmentNotifications notifications, TimeProvider time)
{
    private static readonly string[] YesNoPartly = ["yes", "no", "partly"];

    /// <summary>Frameworks are kept by the national centre's and the ministries' admins and coordinators.</summary>
    public static bool ManagesFrameworks(Caller caller) =>
        (caller.IsNationalCentre || caller.OrganisationKind == OrganisationKind.Ministry) && caller.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>Campaigns are run by the national centre, ministries and CEPTOAR secretariats (admins, coordinators).</summary>
    public static bool RunsCampaigns(Caller caller) =>
        (caller.IsNationalCentre || caller.OrganisationKind is OrganisationKind.Ministry or OrganisationKind.CeptoarSecretariat) && caller.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>Who answers for an organisation: its admins, coordinators, analysts and reporters.</summary>
    public static bool Answers(Caller caller) => caller.HasAny(Role.Admin, Role.Coordinator, Role.Analyst, Role.Reporter);

    /// <summary>Who opens, closes and reminds a campaign: the owner organisation's admins and coordinators.</summary>
    public static bool KeepsCampaign(Caller caller, Guid ownerOrganisationId) =>
        caller.OrganisationId == ownerOrganisationId && caller.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>Who shares the organisation's response with the campaign owner (or takes it back).</summary>
    public static bool SharesResponses(Caller caller) => caller.HasAny(Role.Admin, Role.Coordinator);

    /// <summary>Who reads the responses shared with the owner and reviews them: the owner's admins, coordinators and analysts.</summary>
    public static bool ReviewsResponses(Caller caller, Guid ownerOrganisationId) =>
        caller.OrganisationId == ownerOrganisationId && caller.HasAny(Role.Admin, Role.Coordinator, Role.Analyst);

    /// <summary>
    /// The national centre and the ministries see every campaign to read its aggregates; they are
    /// respondents only where they already answered.
    /// </summary>
    public static bool ReadsEveryCampaign(Caller caller) => caller.IsNationalCentre || caller.OrganisationKind == OrganisationKind.Ministry;

    // ---- Frameworks ----

    public async Task<Result<FrameworkDocument>> ImportAsync(Caller caller, FrameworkDocument doc, CancellationToken ct = default)
    {
        if (!ManagesFrameworks(caller))
        {
            return Problem.Forbidden("Only the national centre's and the ministries' admins and coordinators keep frameworks.");
        }
        var built = FrameworkDocuments.Build(doc, i => $"items[{i}].");
        return built.Ok ? await SaveAsync(caller, built.Value!, ct) : built.Problem!;
    }

    public async Task<Result<FrameworkDocument>> ImportCsvAsync(Caller caller, byte[] csv, string? code, int? version, string? titleJa, string? titleEn, string? kind, CancellationToken ct = default)
    {
        if (!ManagesFrameworks(caller))
        {
            return Problem.Forbidden("Only the national centre's and the ministries' admins and coordinators keep frameworks.");
        }
        var built = FrameworkDocuments.FromCsv(csv, code, version, titleJa, titleEn, kind);
        return built.Ok ? await SaveAsync(caller, built.Value!, ct) : built.Problem!;
    }

    /// <summary>Stores a shipped framework (a data file) unless that version is already there; for start-up and tests.</summary>
    public async Task<AssessmentFramework> EnsureAsync(FrameworkDocument doc, CancellationToken ct = default)
    {
        var existing = await db.AssessmentFrameworks.AsNoTracking().Include(f => f.Items).FirstOrDefaultAsync(f => f.Code == doc.Code && f.Version == doc.Version, ct);
        if (existing is not null)
        {
            return existing;
        }
        var built = FrameworkDocuments.Build(doc, i => $"items[{i}].");
        if (!built.Ok)
        {
            throw new InvalidOperationException("The shipped framework is invalid: " + string.Join("; ", built.Problem!.Errors!.Select(e => e.Key + " " + string.Join(", ", e.Value))));
        }
        var f = built.Value!;
        f.CreatedAt = Clock.UtcNow(time);
        db.AssessmentFrameworks.Add(f);
        await db.SaveChangesAsync(ct);
        return f;
    }

    private async Task<Result<FrameworkDocument>> SaveAsync(Caller caller, AssessmentFramework f, CancellationToken ct)
    {
        if (f.Code == Guideline.GuidelineData.FrameworkCode)
        {
            return Problem.Invalid("code", "is the guideline's framework: NISC publishes its versions as guideline revisions");
        }
        if (await db.AssessmentFrameworks.AnyAsync(x => x.Code == f.Code && x.Version == f.Version, ct))
        {
            return Problem.Conflict(Text.T("Version {0} of framework '{1}' exists already: a version is never changed, import the next one.", f.Version, f.Code));
        }
        f.CreatedAt = Clock.UtcNow(time);
        f.CreatedByUserId = caller.UserId;
        db.AssessmentFrameworks.Add(f);
        try
        {
            // One SaveChanges: the framework and all its items, or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.T("Version {0} of framework '{1}' exists already: a version is never changed, import the next one.", f.Version, f.Code));
        }
        return FrameworkDocuments.ToDocument(f);
    }

    public async Task<List<FrameworkSummary>> FrameworksAsync(CancellationToken ct = default) =>
        await db.AssessmentFrameworks.AsNoTracking().OrderBy(f => f.Code).ThenBy(f => f.Version)
            .Select(f => new FrameworkSummary(f.Id, f.Code, f.Version, f.TitleJa, f.TitleEn, f.Kind, f.Items.Count, f.CreatedAt)).ToListAsync(ct);

    public async Task<AssessmentFramework?> FrameworkAsync(Guid id, CancellationToken ct = default) =>
        await db.AssessmentFrameworks.AsNoTracking().Include(f => f.Items).FirstOrDefaultAsync(f => f.Id == id, ct);

    // ---- Campaigns ----

    public async Task<Result<CampaignView>> CreateCampaignAsync(Caller caller, CampaignInput input, CancellationToken ct = default)
    {
        if (!RunsCampaigns(caller))
        {
            return Problem.Forbidden("Only the national centre, ministries and CEPTOAR secretariats (admins, coordinators) run campaigns.");
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.FrameworkId is null || !await db.AssessmentFrameworks.AnyAsync(f => f.Id == input.FrameworkId, ct))
        {
            InputValidation.Add(errors, "frameworkId", "must name a framework version");
        }
        if (string.IsNullOrWhiteSpace(input.TitleJa))
        {
            InputValidation.Add(errors, "titleJa", "is required");
        }
        if (string.IsNullOrWhiteSpace(input.TitleEn))
        {
            InputValidation.Add(errors, "titleEn", "is required");
        }
        if (input.OpensAt is null)
        {
            InputValidation.Add(errors, "opensAt", "is required");
        }
        if (input.ClosesAt is null || (input.OpensAt is not null && input.ClosesAt <= input.OpensAt))
        {
            InputValidation.Add(errors, "closesAt", "is required and must be after opensAt");
        }
        var entries = input.Audience ?? [];
        if (entries.Count == 0)
        {
            InputValidation.Add(errors, "audience", "must name at least one entry");
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind is AudienceKind.User or AudienceKind.Community or AudienceKind.CeptoarRecipients)
            {
                InputValidation.Add(errors, $"audience[{i}].kind", "a campaign goes to all CI, sectors, business scopes, CEPTOARs or organisations");
            }
        }
        if (input.PreviousCampaignId is { } previousId && input.FrameworkId is { } frameworkId)
        {
            var reason = await PreviousProblemAsync(caller, previousId, frameworkId, input.OpensAt, ct);
            if (reason is not null)
            {
                InputValidation.Add(errors, "previousCampaignId", reason);
            }
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var audience = await audiences.BuildAsync(Tlp.Green, entries, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        var now = Clock.UtcNow(time);
        var campaign = new AssessmentCampaign
        {
            Id = Guid.CreateVersion7(),
            FrameworkId = input.FrameworkId!.Value,
            OwnerOrganisationId = caller.OrganisationId,
            AudienceId = audience.Value!.Id,
            TitleJa = input.TitleJa!.Trim(),
            TitleEn = input.TitleEn!.Trim(),
            OpensAt = input.OpensAt!.Value.ToUniversalTime(),
            ClosesAt = input.ClosesAt!.Value.ToUniversalTime(),
            State = CampaignState.Draft,
            Version = 1,
            CreatedAt = now,
            CreatedByUserId = caller.UserId,
            PreviousCampaignId = input.PreviousCampaignId,
        };
        db.Audiences.Add(audience.Value!);
        db.AssessmentCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return View(campaign);
    }

    /// <summary>
    /// Why a campaign cannot be the one a new campaign is compared with year on year: it must be
    /// one the caller sees, of the same framework code at the same or an earlier version, opened
    /// before the new one.
    /// </summary>
    private async Task<string?> PreviousProblemAsync(Caller caller, Guid previousId, Guid frameworkId, DateTime? opensAt, CancellationToken ct)
    {
        var previous = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == previousId, ct);
        if (previous is null)
        {
            return "must name a campaign you can see";
        }
        var frameworks = await db.AssessmentFrameworks.AsNoTracking().Where(f => f.Id == frameworkId || f.Id == previous.FrameworkId)
            .Select(f => new { f.Id, f.Code, f.Version }).ToDictionaryAsync(f => f.Id, ct);
        if (!frameworks.TryGetValue(frameworkId, out var current) || !frameworks.TryGetValue(previous.FrameworkId, out var earlier))
        {
            return null; // frameworkId itself is reported
        }
        if (earlier.Code != current.Code || earlier.Version > current.Version)
        {
            return Text.T("must be a campaign of framework '{0}' at version {1} or earlier", current.Code, current.Version);
        }
        return opensAt is not null && previous.OpensAt >= opensAt.Value.ToUniversalTime() ? "must have opened before this campaign opens" : null;
    }

    public async Task<List<CampaignView>> CampaignsAsync(Caller caller, CancellationToken ct = default) =>
        (await access.AssessmentCampaigns(caller).AsNoTracking().OrderByDescending(c => c.OpensAt).ToListAsync(ct)).Select(View).ToList();

    public async Task<Result<CampaignView>> CampaignAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? View(c) : Problem.NotFound("The campaign");

    /// <summary>Opens a draft campaign or closes an open one (its owner's admins and coordinators).</summary>
    public async Task<Result<CampaignView>> MoveCampaignAsync(Caller caller, Guid id, CampaignState to, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        if (!KeepsCampaign(caller, campaign.OwnerOrganisationId))
        {
            return Problem.Forbidden("Only the campaign owner's admins and coordinators open and close it.");
        }
        var allowed = (campaign.State, to) is (CampaignState.Draft, CampaignState.Open) or (CampaignState.Open, CampaignState.Closed) or (CampaignState.Draft, CampaignState.Closed);
        if (!allowed)
        {
            return Problem.Conflict(Text.T("The campaign is {0} and cannot become {1}.", EnumText.ToText(campaign.State), EnumText.ToText(to)));
        }
        campaign.State = to;
        campaign.Version++;
        if (to == CampaignState.Open)
        {
            // Written with the change: the audience hears of it exactly when it is open.
            notifications.RaiseOpened(campaign, caller);
        }
        await db.SaveChangesAsync(ct);
        return View(campaign);
    }

    /// <summary>How long the owner waits between two reminders.</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromHours(24);

    /// <summary>
    /// The owner reminds the organisations of the audience that have not submitted (no response or
    /// a draft), through the notification outbox; at most once per <see cref="ReminderInterval"/>.
    /// </summary>
    public async Task<Result<ReminderView>> RemindAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        if (!KeepsCampaign(caller, campaign.OwnerOrganisationId))
        {
            return Problem.Forbidden("Only the campaign owner's admins and coordinators send reminders.");
        }
        var now = Clock.UtcNow(time);
        if (!Accepts(campaign, now))
        {
            return Problem.Conflict("Only an open campaign that accepts answers is reminded.");
        }
        if (campaign.RemindedAt is { } last && now - last < ReminderInterval)
        {
            return Problem.Conflict(Text.T("A reminder was sent at {0}; the next one can be sent 24 hours later.",
                Clock.ToJst(last).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST"));
        }
        var pending = (await access.AssessmentAudienceAsync(campaign, ct))
            .Where(o => o.State is null or ResponseState.Draft).Select(o => o.OrganisationId).ToList();
        campaign.RemindedAt = now;
        campaign.Version++;
        notifications.RaiseReminder(campaign, caller, pending);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict("The campaign was changed by someone else at the same time. Reload it and try again.");
        }
        return new ReminderView(campaign.Id, now, pending.Count);
    }

    // ---- Responses ----

    public async Task<Result<ResponseView>> OwnResponseAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        var org = caller.OrganisationId;
        var response = await access.AssessmentResponses(caller).AsNoTracking().FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == org, ct);
        return response is null ? Problem.NotFound("The organisation's response") : await ViewAsync(caller, response, ct);
    }

    /// <summary>A response the caller may read: its own organisation's, or one shared with the campaign owner.</summary>
    public async Task<Result<ResponseView>> ResponseAsync(Caller caller, Guid campaignId, Guid responseId, CancellationToken ct = default)
    {
        var response = await access.AssessmentResponses(caller).AsNoTracking().FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.Id == responseId, ct);
        return response is null ? Problem.NotFound("The response") : await ViewAsync(caller, response, ct);
    }

    /// <summary>
    /// The responses operators shared with the campaign owner, for the owner to review: read
    /// through the policy (which shows the owner a response only once it is shared), newest first.
    /// </summary>
    public async Task<Result<List<SharedResponseView>>> SharedResponsesAsync(Caller caller, Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return Problem.NotFound("The campaign");
        }
        if (!ReviewsResponses(caller, campaign.OwnerOrganisationId))
        {
            return Problem.Forbidden("Only the campaign owner's admins, coordinators and analysts review responses.");
        }
        var org = caller.OrganisationId;
        var query = from r in access.AssessmentResponses(caller)
                    where r.CampaignId == campaignId && r.SharedWithOwner && r.OrganisationId != org
                    join o in db.Organisations on r.OrganisationId equals o.Id
                    orderby r.SubmittedAt descending
                    select new SharedResponseView(r.Id, r.OrganisationId, o.NameJa, o.NameEn, r.SectorCode, r.State, r.SubmittedAt, r.ReviewedAt);
        return await query.AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Every value the response's answers had, oldest first.</summary>
    public async Task<Result<List<AnswerChangeView>>> HistoryAsync(Caller caller, Guid campaignId, Guid responseId, CancellationToken ct = default)
    {
        var response = await access.AssessmentResponses(caller).AsNoTracking().FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.Id == responseId, ct);
        if (response is null)
        {
            return Problem.NotFound("The response");
        }
        var items = await ItemCodesAsync(campaignId, ct);
        var answers = await access.AssessmentAnswers(caller).AsNoTracking().Where(a => a.ResponseId == responseId).Select(a => new { a.Id, a.ItemId }).ToDictionaryAsync(a => a.Id, a => a.ItemId, ct);
        var changes = await access.AssessmentAnswerChanges(caller).AsNoTracking().Where(c => c.ResponseId == responseId).ToListAsync(ct);
        return changes.OrderBy(c => c.ChangedAt).ThenBy(c => c.Version)
            .Select(c => new AnswerChangeView(items[answers[c.AnswerId]], c.Version, Json(c.Value), c.ChangedAt, c.ChangedByUserId)).ToList();
    }

    /// <summary>
    /// Saves answers of the caller's organisation's draft response (created on the first save),
    /// all or none: an answer of the wrong type or to an item not in the framework version is
    /// refused with the field named; a closed campaign or a submitted response refuses with 409.
    /// </summary>
    public async Task<Result<ResponseView>> SaveAnswersAsync(Caller caller, Guid campaignId, AnswersInput input, CancellationToken ct = default)
    {
        var (campaign, problem) = await AnswerableAsync(caller, campaignId, ct);
        if (problem is not null)
        {
            return problem;
        }
        var items = await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == campaign!.FrameworkId).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var answers = input.Answers ?? [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (answers.Count == 0)
        {
            InputValidation.Add(errors, "answers", "must hold at least one answer");
        }
        var parsed = new List<(AssessmentItem Item, string Json, double? Number, string[] Keys)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var at = $"answers[{i}]";
            var code = answers[i].Item;
            if (code is null || !items.TryGetValue(code, out var item))
            {
                InputValidation.Add(errors, at + ".item", Text.T("'{0}' is not an item of this campaign's framework version", code ?? ""));
                continue;
            }
            if (!seen.Add(code))
            {
                InputValidation.Add(errors, at + ".item", "is answered twice in this request");
                continue;
            }
            var checkedValue = Check(item, answers[i].Value);
            if (checkedValue.Error is not null)
            {
                InputValidation.Add(errors, at + ".value", checkedValue.Error);
                continue;
            }
            parsed.Add((item, checkedValue.Json!, checkedValue.Number, checkedValue.Keys!));
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var org = caller.OrganisationId;
        var response = await access.AssessmentResponses(caller).FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == org, ct);
        var now = Clock.UtcNow(time);
        if (response is null)
        {
            response = new AssessmentResponse
            {
                Id = Guid.CreateVersion7(),
                CampaignId = campaignId,
                OrganisationId = org,
                SectorCode = caller.SectorCode,
                State = ResponseState.Draft,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.AssessmentResponses.Add(response);
        }
        else if (response.State != ResponseState.Draft)
        {
            return Problem.Conflict("The response was submitted: its answers no longer change.");
        }
        else
        {
            response.Version++;
            response.UpdatedAt = now;
        }
        var responseId = response.Id;
        var itemIds = parsed.Select(p => p.Item.Id).ToArray();
        var existing = await access.AssessmentAnswers(caller).Where(a => a.ResponseId == responseId && itemIds.Contains(a.ItemId)).ToDictionaryAsync(a => a.ItemId, ct);
        var oldKeys = await access.AssessmentAnswerKeys(caller).Where(k => k.ResponseId == responseId && itemIds.Contains(k.ItemId)).ToListAsync(ct);
        db.AssessmentAnswerKeys.RemoveRange(oldKeys);
        foreach (var (item, json, number, keys) in parsed)
        {
            if (existing.TryGetValue(item.Id, out var answer))
            {
                if (answer.Value == json)
                {
                    db.AssessmentAnswerKeys.AddRange(keys.Select(k => new AssessmentAnswerKey { AnswerId = answer.Id, ResponseId = responseId, CampaignId = campaignId, ItemId = item.Id, Key = k }));
                    continue;
                }
                answer.Value = json;
                answer.NumberValue = number;
                answer.Version++;
                answer.UpdatedAt = now;
                answer.UpdatedByUserId = caller.UserId;
            }
            else
            {
                answer = new AssessmentAnswer
                {
                    Id = Guid.CreateVersion7(),
                    ResponseId = responseId,
                    CampaignId = campaignId,
                    ItemId = item.Id,
                    Value = json,
                    NumberValue = number,
                    Version = 1,
                    UpdatedAt = now,
                    UpdatedByUserId = caller.UserId,
                };
                db.AssessmentAnswers.Add(answer);
            }
            db.AssessmentAnswerKeys.AddRange(keys.Select(k => new AssessmentAnswerKey { AnswerId = answer.Id, ResponseId = responseId, CampaignId = campaignId, ItemId = item.Id, Key = k }));
            db.AssessmentAnswerChanges.Add(new AssessmentAnswerChange
            {
                Id = Guid.CreateVersion7(),
                AnswerId = answer.Id,
                ResponseId = responseId,
                Version = answer.Version,
                Value = json,
                ChangedAt = now,
                ChangedByUserId = caller.UserId,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Conflict("The response was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return await ViewAsync(caller, response, ct);
    }

    /// <summary>Submits the draft: every required item must be answered.</summary>
    public async Task<Result<ResponseView>> SubmitAsync(Caller caller, Guid campaignId, int? version, CancellationToken ct = default)
    {
        var (campaign, problem) = await AnswerableAsync(caller, campaignId, ct);
        if (problem is not null)
        {
            return problem;
        }
        var org = caller.OrganisationId;
        var response = await access.AssessmentResponses(caller).FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == org, ct);
        if (response is null)
        {
            return Problem.NotFound("The organisation's response");
        }
        if (response.State != ResponseState.Draft)
        {
            return Problem.Conflict("The response was submitted already.");
        }
        if (version is not null && version != response.Version)
        {
            return Problem.StaleVersion(version.Value, response.Version);
        }
        var responseId = response.Id;
        var answered = access.AssessmentAnswers(caller).Where(a => a.ResponseId == responseId).Select(a => a.ItemId);
        var missing = await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == campaign!.FrameworkId && i.Required && !answered.Contains(i.Id)).Select(i => i.Code).ToListAsync(ct);
        if (missing.Count > 0)
        {
            return Problem.Invalid("answers", Text.T("required items are not answered: {0}", string.Join(", ", missing.Order(StringComparer.Ordinal))));
        }
        response.State = ResponseState.Submitted;
        response.SubmittedAt = Clock.UtcNow(time);
        response.Version++;
        // The submission and its place in the cell counts commit together, or neither does.
        await using (var transaction = await db.BeginWriteAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await AssessmentCellCounts.AddAsync(db, response, ct);
            await transaction.CommitAsync(ct);
        }
        return await ViewAsync(caller, response, ct);
    }

    /// <summary>The operator lets the campaign owner read its answers (or takes that back).</summary>
    public async Task<Result<ResponseView>> ShareAsync(Caller caller, Guid campaignId, bool share, CancellationToken ct = default)
    {
        if (!SharesResponses(caller))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators share its response.");
        }
        var org = caller.OrganisationId;
        var response = await access.AssessmentResponses(caller).FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.OrganisationId == org, ct);
        if (response is null)
        {
            return Problem.NotFound("The organisation's response");
        }
        if (response.SharedWithOwner != share)
        {
            response.SharedWithOwner = share;
            response.Version++;
            await db.SaveChangesAsync(ct);
        }
        return await ViewAsync(caller, response, ct);
    }

    /// <summary>The campaign owner marks a shared, submitted response reviewed.</summary>
    public async Task<Result<ResponseView>> ReviewAsync(Caller caller, Guid campaignId, Guid responseId, CancellationToken ct = default)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || !ReviewsResponses(caller, campaign.OwnerOrganisationId))
        {
            return Problem.Forbidden("Only the campaign owner's admins, coordinators and analysts review responses.");
        }
        var response = await access.AssessmentResponses(caller).FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.Id == responseId, ct);
        if (response is null)
        {
            return Problem.NotFound("The response");
        }
        if (response.State != ResponseState.Submitted)
        {
            return Problem.Conflict("Only a submitted response is reviewed.");
        }
        response.State = ResponseState.Reviewed;
        response.ReviewedAt = Clock.UtcNow(time);
        response.ReviewedByUserId = caller.UserId;
        response.Version++;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(caller, response, ct);
    }

    private async Task<(AssessmentCampaign?, Problem?)> AnswerableAsync(Caller caller, Guid campaignId, CancellationToken ct)
    {
        var campaign = await access.AssessmentCampaigns(caller).AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return (null, Problem.NotFound("The campaign"));
        }
        if (!Answers(caller))
        {
            return (null, Problem.Forbidden("Only the organisation's admins, coordinators, analysts and reporters answer."));
        }
        var reaching = await access.AssessmentAudienceReachesAsync(caller, campaign.AudienceId, ct);
        if (!reaching || campaign.OwnerOrganisationId == caller.OrganisationId)
        {
            return (null, Problem.Forbidden("The campaign is not addressed to the caller's organisation."));
        }
        if (!Accepts(campaign, Clock.UtcNow(time)))
        {
            return (null, Problem.Conflict(campaign.State == CampaignState.Draft || Clock.UtcNow(time) < campaign.OpensAt
                ? "The campaign is not open yet."
                : "The campaign is closed: answers are no longer accepted."));
        }
        return (campaign, null);
    }

    private static bool Accepts(AssessmentCampaign c, DateTime now) => c.State == CampaignState.Open && now >= c.OpensAt && now < c.ClosesAt;

    /// <summary>Checks a value against the item's answer type; returns the stored JSON, the number and the categorical keys.</summary>
    internal static (string? Json, double? Number, string[]? Keys, string? Error) Check(AssessmentItem item, JsonElement? value)
    {
        if (value is null || value.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return (null, null, null, "is required");
        }
        var v = value.Value;
        var type = EnumText.ToText(item.AnswerType);
        switch (item.AnswerType)
        {
            case AnswerType.YesNoPartly:
                return v.ValueKind == JsonValueKind.String && YesNoPartly.Contains(v.GetString())
                    ? (v.GetRawText(), null, [v.GetString()!], null)
                    : (null, null, null, Text.T("must be yes, no or partly (the item is {0})", type));
            case AnswerType.Choice:
                return v.ValueKind == JsonValueKind.String && item.Choices.Any(c => c.Code == v.GetString())
                    ? (v.GetRawText(), null, [v.GetString()!], null)
                    : (null, null, null, Text.T("must be one of the item's choices: {0}", string.Join(", ", item.Choices.Select(c => c.Code))));
            case AnswerType.MultiChoice:
                if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || item.Choices.All(c => c.Code != e.GetString())))
                {
                    return (null, null, null, Text.T("must be a list of the item's choices: {0}", string.Join(", ", item.Choices.Select(c => c.Code))));
                }
                var keys = v.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                return (JsonSerializer.Serialize(keys), null, keys, null);
            case AnswerType.Number:
                return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var n) && double.IsFinite(n)
                    ? (n.ToString("R", CultureInfo.InvariantCulture), n, [], null)
                    : (null, null, null, Text.T("must be a number (the item is {0})", type));
            case AnswerType.Text:
            case AnswerType.Evidence:
                // Evidence is a reference (an attachment id or a document link) to what is kept elsewhere.
                return v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length is > 0 and <= 4000
                    ? (JsonSerializer.Serialize(v.GetString()!.Trim()), null, [], null)
                    : (null, null, null, Text.T("must be text of 1 to 4000 characters (the item is {0})", type));
            default:
                return (null, null, null, "is not answerable");
        }
    }

    private async Task<Dictionary<Guid, string>> ItemCodesAsync(Guid campaignId, CancellationToken ct)
    {
        var frameworkId = await access.AssessmentFrameworkOf(campaignId).FirstAsync(ct);
        return await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == frameworkId).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
    }

    private async Task<ResponseView> ViewAsync(Caller caller, AssessmentResponse r, CancellationToken ct)
    {
        var items = await ItemCodesAsync(r.CampaignId, ct);
        var responseId = r.Id;
        var answers = await access.AssessmentAnswers(caller).AsNoTracking().Where(a => a.ResponseId == responseId).ToListAsync(ct);
        return new ResponseView(r.Id, r.CampaignId, r.OrganisationId, r.SectorCode, r.State, r.SharedWithOwner, r.Version, r.SubmittedAt, r.ReviewedAt,
            answers.Select(a => new AnswerView(items[a.ItemId], Json(a.Value), a.Version, a.UpdatedAt)).OrderBy(a => a.Item, StringComparer.Ordinal).ToList());
    }

    internal static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private CampaignView View(AssessmentCampaign c) =>
        new(c.Id, c.FrameworkId, c.OwnerOrganisationId, c.TitleJa, c.TitleEn, c.OpensAt, c.ClosesAt, c.State, Accepts(c, Clock.UtcNow(time)), c.Version, c.PreviousCampaignId, c.RemindedAt);
}
