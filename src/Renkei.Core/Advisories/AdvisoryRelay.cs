using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Advisories;

public enum RelayDecision
{
    Relay,
    Hold,
}

/// <summary>A holder's decision: relay (with an optional sector-specific note, to all or some of the next hop) or hold with a reason.</summary>
public sealed record RelayInput
{
    [Required(ErrorMessage = "is required")]
    public RelayDecision? Action { get; init; }

    [MaxLength(AdvisoryValidator.MaxResponseNote, ErrorMessage = "must be at most 4000 characters")]
    public string? Note { get; init; }

    [MaxLength(AdvisoryValidator.MaxChangeNote, ErrorMessage = "must be at most 2000 characters")]
    public string? Reason { get; init; }

    /// <summary>Some of the next hop only; by default every organisation the rule hands on to.</summary>
    public IReadOnlyList<Guid>? Organisations { get; init; }
}

/// <summary>What a holder sees of its place in the chain.</summary>
public sealed record RelayPointView(RelayStage Stage, RelayState State, string? Note, string? HoldReason, DateTime? DecidedAt,
    IReadOnlyList<RelayAction> Actions, bool TlpMayPass, int Relayed, int Awaiting);

/// <summary>A note added by a holder up the chain, shown to those the advisory reached through it.</summary>
public sealed record RelayNoteView(Guid OrganisationId, string NameJa, string NameEn, string Note, DateTime? At);

/// <summary>A relay point as the issuer sees it.</summary>
public sealed record RelayPointReport(Guid OrganisationId, string NameJa, string NameEn, RelayState State, string? Note, string? HoldReason, DateTime? DecidedAt, int Relayed);

/// <summary>
/// Relaying down the chain (NISC → ministry → CEPTOAR secretariat → operators): a holder relays an
/// advisory as it is or with a note, or holds it with a reason, as its hop's
/// <see cref="RelayRules"/> allow. The next hop comes from <see cref="AdvisoryChain"/>, so no one
/// outside the advisory's audience or off the holder's branch of the chain can be named.
/// </summary>
public sealed class AdvisoryRelay(RenkeiDbContext db, AccessPolicy access, AdvisoryNotifications notifications, Notifications.NotificationSignal signal, TimeProvider time)
{
    public static bool MayRelay(Caller c) => c.HasAny(Role.Admin, Role.Coordinator, Role.Analyst);

    public async Task<Result<RelayPointView>> DecideAsync(Caller caller, Guid id, RelayInput input, CancellationToken ct = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Action == RelayDecision.Hold && string.IsNullOrWhiteSpace(input.Reason))
        {
            return Problem.Invalid("reason", "is required: say why the advisory is held");
        }
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var advisory = await access.Advisories(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory is null)
        {
            return Problem.NotFound("The advisory");
        }
        var point = await db.AdvisoryDeliveries.FirstOrDefaultAsync(d => d.AdvisoryId == id && d.OrganisationId == caller.OrganisationId, ct);
        if (point?.RelayState is null || advisory.Distribution != AdvisoryDistribution.Relay)
        {
            return Problem.Conflict("Your organisation is not a relay point of this advisory.");
        }
        if (!MayRelay(caller))
        {
            return Problem.Forbidden("Only the organisation's desks relay or hold an advisory.");
        }
        if (advisory.State != AdvisoryState.Published)
        {
            return Problem.Conflict("Only a published advisory is relayed or held.");
        }
        var chain = await AdvisoryChain.BuildAsync(db, advisory.AudienceId, advisory.OwnerOrganisationId, ct);
        if (chain.HolderStage(caller.OrganisationId) is not { } stage || RelayRules.Instance.For(stage) is not { } rule)
        {
            return Problem.Conflict("Your organisation no longer relays this advisory: the directory changed since it was delivered.");
        }
        var action = input.Action == RelayDecision.Hold ? RelayAction.Hold : string.IsNullOrWhiteSpace(input.Note) ? RelayAction.Relay : RelayAction.RelayWithNote;
        if (!rule.Actions.Contains(action))
        {
            return Problem.Invalid("action", Text.T("is not allowed at this hop by the handling rules (allowed: {0})", string.Join(", ", rule.Actions.Select(EnumText.ToText))));
        }
        var now = Clock.UtcNow(time);
        point.RelayDecidedAt = now;
        point.RelayDecidedByUserId = caller.UserId;
        if (action == RelayAction.Hold)
        {
            point.RelayState = RelayState.Held;
            point.HoldReason = input.Reason!.Trim();
            db.AddAuditEvent(new AuditDraft("hold", "advisories", id.ToString("D"), System.Text.Json.JsonSerializer.Serialize(new { reason = point.HoldReason })));
            notifications.RaiseHeld(id, caller);
            await db.SaveChangesAsync(ct);
            await unit.CommitAsync(ct);
            signal.ReceiptsChanged();
            return await ViewAsync(point, advisory, chain, ct);
        }
        if (!rule.MayRelay(advisory.Tlp))
        {
            return Problem.Invalid("action", Text.T("TLP:{0} may not be relayed at this hop by the handling rules", Notifications.NotificationMail.TlpLabel(advisory.Tlp)));
        }
        var next = chain.NextHop(caller.OrganisationId);
        List<Guid> targets;
        if (input.Organisations is { Count: > 0 } named)
        {
            var outside = new Dictionary<string, string[]>(StringComparer.Ordinal);
            for (var i = 0; i < named.Count; i++)
            {
                if (!next.Contains(named[i]))
                {
                    InputValidation.Add(outside, $"organisations[{i}]", "is outside this hop's handling rule: not a next-hop recipient of this advisory from your organisation");
                }
            }
            if (outside.Count > 0)
            {
                return Problem.Invalid(outside);
            }
            targets = named.Distinct().ToList();
        }
        else
        {
            targets = next.ToList();
        }
        var delivered = (await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == id).Select(d => d.OrganisationId).ToListAsync(ct)).ToHashSet();
        var fresh = targets.Where(t => !delivered.Contains(t)).ToList();
        var holders = fresh.Where(o => chain.HolderStage(o) is not null).ToList();
        await DeliveryRows.InsertAsync(db, id, holders, now, caller.OrganisationId, RelayState.Pending, ct);
        await DeliveryRows.InsertAsync(db, id, fresh.Except(holders).ToList(), now, caller.OrganisationId, null, ct);
        point.RelayState = next.All(o => delivered.Contains(o) || fresh.Contains(o)) ? RelayState.Relayed : RelayState.Pending;
        if (!string.IsNullOrWhiteSpace(input.Note))
        {
            point.RelayNote = input.Note.Trim();
        }
        point.HoldReason = null;
        db.AddAuditEvent(new AuditDraft("relay", "advisories", id.ToString("D"), System.Text.Json.JsonSerializer.Serialize(new { recipients = fresh.Count, note = point.RelayNote is not null })));
        notifications.RaiseRelayed(id, caller, fresh);
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        signal.ReceiptsChanged();
        return await ViewAsync(point, advisory, chain, ct);
    }

    /// <summary>The organisation's place in the chain of a relayed advisory, or null when it is not a relay point.</summary>
    public async Task<RelayPointView?> PointAsync(Guid organisationId, Advisory advisory, CancellationToken ct)
    {
        var point = await db.AdvisoryDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.AdvisoryId == advisory.Id && d.OrganisationId == organisationId, ct);
        if (point?.RelayState is null)
        {
            return null;
        }
        var chain = await AdvisoryChain.BuildAsync(db, advisory.AudienceId, advisory.OwnerOrganisationId, ct);
        return await ViewAsync(point, advisory, chain, ct);
    }

    private async Task<RelayPointView> ViewAsync(AdvisoryDelivery point, Advisory advisory, AdvisoryChain chain, CancellationToken ct)
    {
        var rule = chain.HolderStage(point.OrganisationId) is { } stage ? RelayRules.Instance.For(stage) : null;
        var next = chain.NextHop(point.OrganisationId);
        var deliveries = await db.AdvisoryDeliveries.AsNoTracking().Where(d => d.AdvisoryId == advisory.Id)
            .Select(d => new { d.OrganisationId, d.ReceivedFromOrganisationId }).ToListAsync(ct);
        var delivered = deliveries.Select(d => d.OrganisationId).ToHashSet();
        return new RelayPointView(rule?.Stage ?? RelayStage.Recipient, point.RelayState!.Value, point.RelayNote, point.HoldReason, point.RelayDecidedAt,
            rule?.Actions ?? [], rule?.MayRelay(advisory.Tlp) ?? false,
            deliveries.Count(d => d.ReceivedFromOrganisationId == point.OrganisationId), next.Count(o => !delivered.Contains(o)));
    }

    /// <summary>The notes of the holders the advisory passed through on its way to the organisation, nearest the issuer first.</summary>
    public async Task<List<RelayNoteView>> NotesAsync(Guid advisoryId, Guid organisationId, CancellationToken ct)
    {
        var notes = new List<RelayNoteView>();
        var seen = new HashSet<Guid> { organisationId };
        var from = await db.AdvisoryDeliveries.AsNoTracking().Where(d => d.AdvisoryId == advisoryId && d.OrganisationId == organisationId).Select(d => d.ReceivedFromOrganisationId).FirstOrDefaultAsync(ct);
        // The chain has three stages; the guard only stops a malformed cycle.
        while (from is { } holder && seen.Add(holder))
        {
            var hop = await db.AdvisoryDeliveries.AsNoTracking().Where(d => d.AdvisoryId == advisoryId && d.OrganisationId == holder)
                .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { d.RelayNote, d.RelayDecidedAt, d.ReceivedFromOrganisationId, o.NameJa, o.NameEn })
                .FirstOrDefaultAsync(ct);
            if (hop is null)
            {
                break;
            }
            if (hop.RelayNote is not null)
            {
                notes.Add(new RelayNoteView(holder, hop.NameJa, hop.NameEn, hop.RelayNote, hop.RelayDecidedAt));
            }
            from = hop.ReceivedFromOrganisationId;
        }
        notes.Reverse();
        return notes;
    }

    /// <summary>The relay points of an advisory, for its issuer.</summary>
    public async Task<List<RelayPointReport>> PointsAsync(Guid advisoryId, CancellationToken ct)
    {
        var relayed = await db.AdvisoryDeliveries.AsNoTracking().Where(d => d.AdvisoryId == advisoryId && d.ReceivedFromOrganisationId != null)
            .GroupBy(d => d.ReceivedFromOrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var points = await db.AdvisoryDeliveries.AsNoTracking().Where(d => d.AdvisoryId == advisoryId && d.RelayState != null)
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { d, o.NameJa, o.NameEn, o.Kind })
            .OrderBy(x => x.Kind).ThenBy(x => x.NameJa).ToListAsync(ct);
        return points.Select(p => new RelayPointReport(p.d.OrganisationId, p.NameJa, p.NameEn, p.d.RelayState!.Value, p.d.RelayNote, p.d.HoldReason, p.d.RelayDecidedAt,
            relayed.GetValueOrDefault(p.d.OrganisationId))).ToList();
    }

    /// <summary>
    /// After the audience grew: holders that had relayed everything but now have new organisations
    /// to hand on to are asked again (pending), and new holders below them wait for them.
    /// </summary>
    internal static async Task ReopenAsync(RenkeiDbContext db, Guid advisoryId, AdvisoryChain chain, HashSet<Guid> delivered, CancellationToken ct)
    {
        var relayedPoints = await db.AdvisoryDeliveries.Where(d => d.AdvisoryId == advisoryId && d.RelayState == RelayState.Relayed).ToListAsync(ct);
        foreach (var p in relayedPoints.Where(p => chain.NextHop(p.OrganisationId).Any(o => !delivered.Contains(o))))
        {
            p.RelayState = RelayState.Pending;
        }
    }
}
