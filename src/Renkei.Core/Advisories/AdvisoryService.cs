using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>
/// Issuing advisories: drafts, publishing (one revision, one delivery record per recipient
/// organisation, one notification event — all in one transaction, so a publish happens whole or
/// not at all), revisions with "what changed", and reading them through
/// <see cref="AccessPolicy.Advisories"/>.
/// </summary>
public sealed class AdvisoryService(
    RenkeiDbContext db, AccessPolicy access, AudienceBuilder audiences, AdvisoryRemit remit, AdvisoryNotifications notifications, AdvisoryRelay relay, AuditTrail audit,
    Notifications.NotificationSignal signal, Stix.StixExporter stix, Correlation.IndicatorOccurrences occurrences, TimeProvider time)
{
    public async Task<Page<AdvisorySummary>> ListAsync(Caller? caller, int offset, int limit, CancellationToken ct = default)
    {
        var query = access.Advisories(caller).AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.PublishedAt ?? a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(offset).Take(limit)
            .Join(db.Organisations, a => a.OwnerOrganisationId, o => o.Id, (a, o) => new { a, o.NameJa, o.NameEn })
            .ToListAsync(ct);
        var items = rows.Select(r => new AdvisorySummary(r.a.Id, r.a.Content.Title, r.a.Content.Kind, r.a.Tlp, r.a.Urgency, r.a.State,
            r.a.OwnerOrganisationId, r.NameJa, r.NameEn, r.a.PublishedAt, r.a.Revision)).ToList();
        return new Page<AdvisorySummary>(items, total, offset, limit);
    }

    /// <summary>
    /// The public portal's "cyber weather": published TLP:CLEAR advisories still valid at
    /// <paramref name="now"/> (read with no caller, so the sharing policy admits CLEAR only).
    /// </summary>
    public async Task<List<AdvisorySummary>> CurrentPublicAsync(DateTime now, CancellationToken ct = default)
    {
        var published = await access.Advisories(null).AsNoTracking().Where(a => a.State == AdvisoryState.Published)
            .OrderByDescending(a => a.PublishedAt).Take(500).ToListAsync(ct);
        // Validity lives in the content document: filtered here, over at most the latest 500.
        return published
            .Where(a => (a.Content.ValidFrom is null || a.Content.ValidFrom <= now) && (a.Content.ValidUntil is null || a.Content.ValidUntil >= now))
            .Select(a => new AdvisorySummary(a.Id, a.Content.Title, a.Content.Kind, a.Tlp, a.Urgency, a.State, a.OwnerOrganisationId, "", "", a.PublishedAt, a.Revision))
            .ToList();
    }

    /// <summary>
    /// One advisory, if the caller may see it. A recipient's first look records the organisation's
    /// first read; reading anything above TLP:CLEAR is audited.
    /// </summary>
    public async Task<AdvisoryView?> GetAsync(Caller? caller, Guid id, CancellationToken ct = default) => (await ReadAsync(caller, id, ct))?.View;

    /// <summary>
    /// As <see cref="GetAsync"/>, with the handle the page passes on to the advisory's other readers
    /// (revisions, deliveries, "seen before"), so the policy is asked once per view.
    /// </summary>
    public async Task<AdvisoryRead?> ReadAsync(Caller? caller, Guid id, CancellationToken ct = default)
    {
        if (await access.AdvisoryAsync(caller, id, ct) is not { } visible)
        {
            return null;
        }
        var advisory = visible.Advisory;
        if (caller is not null)
        {
            var now = Clock.UtcNow(time);
            // Only the first member's read counts; concurrent first reads cannot both win.
            if (await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == id && d.OrganisationId == caller.OrganisationId && d.FirstReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.FirstReadAt, now).SetProperty(d => d.FirstReadByUserId, caller.UserId), ct) > 0)
            {
                signal.ReceiptsChanged();
            }
            if (advisory.Tlp != Tlp.Clear)
            {
                await audit.ReadAsync("advisories", id.ToString("D"), ct);
            }
        }
        return new AdvisoryRead(visible, await ViewAsync(caller, advisory, ct));
    }

    /// <summary>The advisory as a handle for its readers; null if it does not exist for the caller.</summary>
    public Task<VisibleAdvisory?> FindAsync(Caller? caller, Guid id, CancellationToken ct = default) => access.AdvisoryAsync(caller, id, ct);

    /// <summary>Every published revision with the fields it changed.</summary>
    public async Task<List<AdvisoryRevisionView>> RevisionsAsync(VisibleAdvisory advisory, CancellationToken ct = default)
    {
        var revisions = await access.AdvisoryRevisions(advisory).AsNoTracking().OrderBy(r => r.Number).ToListAsync(ct);
        var views = new List<AdvisoryRevisionView>();
        AdvisoryContent? previous = null;
        foreach (var r in revisions)
        {
            views.Add(new AdvisoryRevisionView(r.Number, r.Content, r.Tlp, r.Urgency, r.ChangeNote, r.PublishedAt, previous is null ? [] : AdvisoryDiff.Changed(previous, r.Content)));
            previous = r.Content;
        }
        return views;
    }

    public async Task<Result<AdvisoryView>> CreateAsync(Caller caller, AdvisoryInput input, CancellationToken ct = default)
    {
        if (!AdvisoryRemit.MayIssue(caller))
        {
            return Problem.Forbidden("Only desks of NISC, the ministries, CEPTOAR secretariats and security agencies issue advisories.");
        }
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var (content, audience) = checkedInput.Value;
        var distribution = Distribution(input);
        if (!distribution.Ok)
        {
            return distribution.Problem!;
        }
        var now = Clock.UtcNow(time);
        var advisory = new Advisory
        {
            Id = Guid.CreateVersion7(),
            Content = content,
            Tlp = input.Tlp!.Value,
            Urgency = input.Urgency ?? AdvisoryUrgency.Normal,
            Distribution = distribution.Value,
            State = AdvisoryState.Draft,
            OwnerOrganisationId = caller.OrganisationId,
            CreatedByUserId = caller.UserId,
            AudienceId = audience.Id,
            Audience = audience,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Audiences.Add(audience);
        db.Advisories.Add(advisory);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(caller, advisory, ct);
    }

    /// <summary>Edits a draft. A published advisory changes by <see cref="ReviseAsync"/>, never silently.</summary>
    public async Task<Result<AdvisoryView>> UpdateAsync(Caller caller, Guid id, AdvisoryInput input, CancellationToken ct = default)
    {
        var found = await EditableAsync(caller, id, input.Version, AdvisoryState.Draft, "The advisory is published: change it with a revision that says what changed.", ct);
        if (!found.Ok)
        {
            return found.Problem!;
        }
        var advisory = found.Value!;
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var distribution = Distribution(input);
        if (!distribution.Ok)
        {
            return distribution.Problem!;
        }
        Apply(advisory, input, checkedInput.Value.Content, checkedInput.Value.Audience);
        advisory.Distribution = distribution.Value;
        return await SaveAsync(caller, advisory, ct);
    }

    /// <summary>
    /// Publishes a draft: the first revision, a delivery record for every organisation the
    /// audience reaches, and the notification event, in one transaction.
    /// </summary>
    public async Task<Result<AdvisoryView>> PublishAsync(Caller caller, Guid id, PublishInput input, CancellationToken ct = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var found = await EditableAsync(caller, id, input.Version, AdvisoryState.Draft, "The advisory is already published.", ct);
        if (!found.Ok)
        {
            return found.Problem!;
        }
        var advisory = found.Value!;
        var now = Clock.UtcNow(time);
        advisory.State = AdvisoryState.Published;
        advisory.PublishedAt = now;
        advisory.UpdatedAt = now;
        advisory.Revision = 1;
        advisory.Version++;
        db.AdvisoryRevisions.Add(Revision(advisory, caller, input.ChangeNote, now));
        var delivered = await DeliverAsync(advisory, now, ct);
        notifications.Raise(advisory, AdvisoryNotifications.Published, caller);
        // Published content correlates from now on; a draft's indicators were not shared.
        await occurrences.StageAsync(Correlation.OccurrenceSource.Advisory, advisory.Id, advisory.Content.Indicators, now, ct);
        await db.SaveChangesAsync(ct);
        await stix.AdvisoryAsync(advisory, now, ct);
        await audit.RecordAsync("publish", "advisories", id.ToString("D"), new { revision = 1, recipients = delivered }, ct);
        await unit.CommitAsync(ct);
        return await ViewAsync(caller, advisory, ct);
    }

    /// <summary>
    /// A new revision of a published advisory with "what changed". The audience may grow (new
    /// recipients get delivery records) but not shrink: what was delivered cannot be taken back.
    /// </summary>
    public async Task<Result<AdvisoryView>> ReviseAsync(Caller caller, Guid id, AdvisoryInput input, string? changeNote, CancellationToken ct = default)
    {
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var found = await EditableAsync(caller, id, input.Version, AdvisoryState.Published, "Only a published advisory is revised; edit the draft instead.", ct);
        if (!found.Ok)
        {
            return found.Problem!;
        }
        var advisory = found.Value!;
        if (string.IsNullOrWhiteSpace(changeNote))
        {
            return Problem.Invalid("changeNote", "is required: say what changed");
        }
        if (changeNote.Length > AdvisoryValidator.MaxChangeNote)
        {
            return Problem.Invalid("changeNote", Text.T("must be at most {0} characters", AdvisoryValidator.MaxChangeNote));
        }
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var (content, audience) = checkedInput.Value;
        if (input.Distribution is { } wanted && wanted != advisory.Distribution)
        {
            return Problem.Invalid("distribution", "cannot change once published");
        }
        if (input.Urgency is { } urgency && urgency != advisory.Urgency)
        {
            return Problem.Invalid("urgency", "cannot change once published: issue a new advisory");
        }
        var kept = audience.Members.Select(m => (m.Kind, m.Key)).ToHashSet();
        if (advisory.Audience!.Members.Any(m => !kept.Contains((m.Kind, m.Key))))
        {
            return Problem.Invalid("audience", "may grow but not lose recipients once published");
        }
        // Tlp is ordered from CLEAR to RED: declassifying is allowed, tightening would only hide
        // from recipients what they already have.
        if (input.Tlp!.Value > advisory.Tlp)
        {
            return Problem.Invalid("tlp", "may not become more restrictive once published");
        }
        var now = Clock.UtcNow(time);
        Apply(advisory, input, content, audience);
        advisory.Revision++;
        db.AdvisoryRevisions.Add(Revision(advisory, caller, changeNote.Trim(), now));
        await occurrences.StageAsync(Correlation.OccurrenceSource.Advisory, advisory.Id, content.Indicators, now, ct);
        var saved = await SaveAsync(caller, advisory, ct);
        if (!saved.Ok)
        {
            return saved;
        }
        var delivered = await DeliverAsync(advisory, now, ct);
        notifications.Raise(advisory, AdvisoryNotifications.Revised, caller);
        await db.SaveChangesAsync(ct);
        await stix.AdvisoryAsync(advisory, now, ct);
        await audit.RecordAsync("revise", "advisories", id.ToString("D"), new { revision = advisory.Revision, newRecipients = delivered }, ct);
        await unit.CommitAsync(ct);
        return await ViewAsync(caller, advisory, ct);
    }

    /// <summary>
    /// Withdraws a published advisory: it stays readable, marked withdrawn, leaves the portal's
    /// list and weather, and its recipients are told.
    /// </summary>
    public async Task<Result<AdvisoryView>> WithdrawAsync(Caller caller, Guid id, WithdrawInput input, CancellationToken ct = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var found = await EditableAsync(caller, id, input.Version, AdvisoryState.Published, "Only a published advisory is withdrawn.", ct);
        if (!found.Ok)
        {
            return found.Problem!;
        }
        var advisory = found.Value!;
        advisory.State = AdvisoryState.Withdrawn;
        advisory.UpdatedAt = Clock.UtcNow(time);
        advisory.Version++;
        notifications.Raise(advisory, AdvisoryNotifications.Withdrawn, caller);
        var saved = await SaveAsync(caller, advisory, ct);
        if (!saved.Ok)
        {
            return saved;
        }
        await stix.AdvisoryAsync(advisory, advisory.UpdatedAt, ct);
        await audit.RecordAsync("withdraw", "advisories", id.ToString("D"), new { reason = input.Reason!.Trim() }, ct);
        await unit.CommitAsync(ct);
        return saved;
    }

    /// <summary>Validates content and audience, and that the audience lies within the issuer's remit.</summary>
    private async Task<Result<(AdvisoryContent Content, Audience Audience)>> CheckAsync(Caller caller, AdvisoryInput input, CancellationToken ct)
    {
        var content = AdvisoryValidator.Validate(input);
        if (!content.Ok)
        {
            return content.Problem!;
        }
        var audience = await audiences.BuildAsync(input.Tlp!.Value, input.Audience, "audience", ct);
        if (!audience.Ok)
        {
            return audience.Problem!;
        }
        if (input.Tlp != Tlp.Clear || audience.Value!.Members.Count > 0)
        {
            var outside = await remit.CheckAsync(caller, audience.Value!, ct);
            if (outside.Count > 0)
            {
                return Problem.Invalid(outside);
            }
        }
        return (content.Value!, audience.Value!);
    }

    /// <summary>The advisory to change: the caller's organisation's, in the state the change needs, at the version the caller edited.</summary>
    private async Task<Result<Advisory>> EditableAsync(Caller caller, Guid id, int? version, AdvisoryState state, string notInState, CancellationToken ct)
    {
        var advisory = await access.Advisories(caller).Include(a => a.Audience!).ThenInclude(a => a.Members).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory is null)
        {
            return Problem.NotFound("The advisory");
        }
        if (advisory.OwnerOrganisationId != caller.OrganisationId || !AdvisoryRemit.MayIssue(caller))
        {
            return Problem.Forbidden("Only the issuing organisation's desks change an advisory.");
        }
        if (version is null)
        {
            return Problem.Invalid("version", "is required: send the version you are editing");
        }
        if (advisory.State != state)
        {
            return Problem.Conflict(notInState);
        }
        if (version != advisory.Version)
        {
            return Problem.StaleVersion(version.Value, advisory.Version);
        }
        return advisory;
    }

    private void Apply(Advisory advisory, AdvisoryInput input, AdvisoryContent content, Audience audience)
    {
        advisory.Content = content;
        advisory.Tlp = input.Tlp!.Value;
        advisory.Urgency = input.Urgency ?? advisory.Urgency;
        var wanted = audience.Members.Select(m => (m.Kind, m.Key)).ToHashSet();
        advisory.Audience!.Members.RemoveAll(m => !wanted.Contains((m.Kind, m.Key)));
        foreach (var (kind, key) in wanted.Where(w => !advisory.Audience.Members.Any(m => m.Kind == w.Kind && m.Key == w.Key)))
        {
            advisory.Audience.Members.Add(new AudienceMember { AudienceId = advisory.AudienceId, Kind = kind, Key = key });
        }
        advisory.UpdatedAt = Clock.UtcNow(time);
        advisory.Version++;
    }

    private async Task<Result<AdvisoryView>> SaveAsync(Caller caller, Advisory advisory, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The advisory was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return await ViewAsync(caller, advisory, ct);
    }

    private static AdvisoryRevision Revision(Advisory advisory, Caller caller, string? note, DateTime now) => new()
    {
        AdvisoryId = advisory.Id,
        Number = advisory.Revision,
        Content = advisory.Content,
        Tlp = advisory.Tlp,
        Urgency = advisory.Urgency,
        ChangeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        PublishedByUserId = caller.UserId,
        PublishedAt = now,
    };

    /// <summary>
    /// How the advisory travels: as asked, else relayed when the handling rules let its TLP pass
    /// every hop, else direct. Emergency advisories go to every recipient at once.
    /// </summary>
    private static Result<AdvisoryDistribution> Distribution(AdvisoryInput input)
    {
        var urgency = input.Urgency ?? AdvisoryUrgency.Normal;
        var relayable = RelayRules.Instance.Relayable(input.Tlp!.Value);
        if (input.Distribution is not AdvisoryDistribution.Relay)
        {
            return input.Distribution ?? (urgency == AdvisoryUrgency.Normal && relayable ? AdvisoryDistribution.Relay : AdvisoryDistribution.Direct);
        }
        if (urgency == AdvisoryUrgency.Emergency)
        {
            return Problem.Invalid("distribution", "must be direct for an emergency advisory: the hotline reaches every recipient at once");
        }
        if (!relayable)
        {
            return Problem.Invalid("distribution", Text.T("must be direct: the relay chain's handling rules do not pass TLP:{0} on", Notifications.NotificationMail.TlpLabel(input.Tlp.Value)));
        }
        return AdvisoryDistribution.Relay;
    }

    /// <summary>
    /// Delivery records for the organisations the advisory now reaches that have none yet: every
    /// recipient when direct, the chain's first hop when relayed. Returns how many were added.
    /// </summary>
    private async Task<int> DeliverAsync(Advisory advisory, DateTime now, CancellationToken ct)
    {
        // The audience's entries must be in the database for the query that expands them.
        await db.SaveChangesAsync(ct);
        var issuer = advisory.OwnerOrganisationId;
        var already = db.AdvisoryDeliveries.Where(d => d.AdvisoryId == advisory.Id).Select(d => d.OrganisationId);
        if (advisory.Distribution == AdvisoryDistribution.Direct)
        {
            var recipients = await AdvisoryRecipients.OfAsync(db, advisory.AudienceId, issuer, ct);
            var ids = await recipients.Where(o => !already.Contains(o)).ToListAsync(ct);
            await DeliveryRows.InsertAsync(db, advisory.Id, ids, now, issuer, null, ct);
            return ids.Count;
        }
        var chain = await AdvisoryChain.BuildAsync(db, advisory.AudienceId, issuer, ct);
        var delivered = (await already.ToListAsync(ct)).ToHashSet();
        var first = chain.FirstHop.Where(o => !delivered.Contains(o)).ToList();
        var holders = first.Where(o => chain.HolderStage(o) is not null).ToList();
        await DeliveryRows.InsertAsync(db, advisory.Id, holders, now, issuer, RelayState.Pending, ct);
        await DeliveryRows.InsertAsync(db, advisory.Id, first.Except(holders).ToList(), now, issuer, null, ct);
        await AdvisoryRelay.ReopenAsync(db, advisory.Id, chain, delivered, ct);
        return first.Count;
    }

    private async Task<AdvisoryView> ViewAsync(Caller? caller, Advisory advisory, CancellationToken ct)
    {
        var owner = await db.Organisations.AsNoTracking().Where(o => o.Id == advisory.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var audience = await audiences.DescribeAsync(advisory.AudienceId, ct);
        var mine = caller is null ? null : await db.AdvisoryDeliveries.AsNoTracking()
            .Where(d => d.AdvisoryId == advisory.Id && d.OrganisationId == caller.OrganisationId)
            .Select(d => new MyDelivery(d.DeliveredAt, d.FirstReadAt, d.AcknowledgedAt, d.Response, d.ResponseNote, d.RespondedAt))
            .FirstOrDefaultAsync(ct);
        var relayed = caller is not null && mine is not null && advisory.Distribution == AdvisoryDistribution.Relay;
        return new AdvisoryView(advisory.Id, advisory.Content, advisory.Tlp, advisory.Urgency, advisory.Distribution, advisory.State,
            advisory.OwnerOrganisationId, owner.NameJa, owner.NameEn, audience,
            advisory.CreatedAt, advisory.UpdatedAt, advisory.PublishedAt, advisory.Version, advisory.Revision, mine,
            relayed ? await relay.PointAsync(caller!.OrganisationId, advisory, ct) : null,
            relayed ? await relay.NotesAsync(advisory.Id, caller!.OrganisationId, ct) : []);
    }
}
