using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>
/// The delivery records: recipients acknowledge and respond for their organisation; the issuing
/// organisation sees every recipient's record and the counts. A recipient sees only its own
/// record, never another recipient's response.
/// </summary>
public sealed class AdvisoryReceipts(RenkeiDbContext db, AccessPolicy access, AdvisoryNotifications notifications, AdvisoryRelay relay, Notifications.NotificationSignal signal, TimeProvider time)
{
    /// <summary>Who may answer for the organisation: anyone but viewers and auditors.</summary>
    public static bool MayAnswer(Caller c) =>
        c.HasAny(Identity.Role.Admin, Identity.Role.Coordinator, Identity.Role.Analyst, Identity.Role.Reporter);

    public async Task<Result<MyDelivery>> AcknowledgeAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var delivery = await MineAsync(caller, id, ct);
        if (!delivery.Ok)
        {
            return delivery.Problem!;
        }
        var d = delivery.Value!;
        if (d.AcknowledgedAt is null)
        {
            var now = Clock.UtcNow(time);
            d.AcknowledgedAt = now;
            d.AcknowledgedByUserId = caller.UserId;
            d.FirstReadAt ??= now;
            d.FirstReadByUserId ??= caller.UserId;
            // Deliveries are not audited row by row (a publish writes thousands); an answer is an event.
            db.AddAuditEvent(new Audit.AuditDraft("acknowledge", "advisories", id.ToString("D"), null));
            await db.SaveChangesAsync(ct);
            signal.ReceiptsChanged();
        }
        return Mine(d);
    }

    public async Task<Result<MyDelivery>> RespondAsync(Caller caller, Guid id, ResponseInput input, CancellationToken ct = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var delivery = await MineAsync(caller, id, ct);
        if (!delivery.Ok)
        {
            return delivery.Problem!;
        }
        var d = delivery.Value!;
        var now = Clock.UtcNow(time);
        d.Response = input.Response;
        d.ResponseNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        d.RespondedAt = now;
        d.RespondedByUserId = caller.UserId;
        // Answering implies having read and acknowledged it.
        d.FirstReadAt ??= now;
        d.FirstReadByUserId ??= caller.UserId;
        d.AcknowledgedAt ??= now;
        d.AcknowledgedByUserId ??= caller.UserId;
        db.AddAuditEvent(new Audit.AuditDraft("respond", "advisories", id.ToString("D"), System.Text.Json.JsonSerializer.Serialize(new { response = EnumText.ToText(input.Response!.Value) })));
        if (input.Response == AdvisoryResponse.Affected)
        {
            notifications.RaiseAffected(id, caller);
        }
        await db.SaveChangesAsync(ct);
        signal.ReceiptsChanged();
        return Mine(d);
    }

    /// <summary>Every recipient's record with the counts: the issuing organisation only (null for others, who get 404).</summary>
    public async Task<DeliveryReport?> ReportAsync(Caller caller, Guid id, string? sector, bool? acknowledged, int offset, int limit, bool? escalated = null, CancellationToken ct = default) =>
        await access.AdvisoryAsync(caller, id, ct) is { } advisory ? await ReportAsync(advisory, sector, acknowledged, offset, limit, escalated, ct) : null;

    /// <summary>As above, for an advisory already found (null unless the caller's organisation issued it).</summary>
    public async Task<DeliveryReport?> ReportAsync(VisibleAdvisory advisory, string? sector, bool? acknowledged, int offset, int limit, bool? escalated = null, CancellationToken ct = default)
    {
        if (!advisory.IssuedByCallersOrganisation)
        {
            return null;
        }
        var id = advisory.Id;
        var all = access.AdvisoryDeliveries(advisory).AsNoTracking();
        var bySector = await CountByAsync(all.Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new KeyedDelivery { Delivery = d, Code = o.SectorCode ?? "" }), ct);
        var byCeptoar = await CountByAsync(all.Join(db.CeptoarMemberships, d => d.OrganisationId, m => m.OrganisationId, (d, m) => new KeyedDelivery { Delivery = d, Code = m.CeptoarCode }), ct);
        // Every recipient has exactly one sector entry (possibly ""), so the totals are their sum.
        var counts = bySector.Values.Aggregate(new DeliveryCounts(0, 0, 0, 0, 0, 0), (a, b) => new DeliveryCounts(a.Recipients + b.Recipients, a.Read + b.Read,
            a.Acknowledged + b.Acknowledged, a.NotAffected + b.NotAffected, a.Investigating + b.Investigating, a.Affected + b.Affected));
        var sectorNames = await db.Sectors.AsNoTracking().ToDictionaryAsync(x => x.Code, x => (x.NameJa, x.NameEn), ct);
        var ceptoarNames = await db.Ceptoars.AsNoTracking().ToDictionaryAsync(x => x.Code, x => (x.NameJa, x.NameEn), ct);
        DeliveryGroup Group(string code, DeliveryCounts counts, Dictionary<string, (string NameJa, string NameEn)> names) =>
            names.TryGetValue(code, out var n) ? new DeliveryGroup(code, n.NameJa, n.NameEn, counts) : new DeliveryGroup(code, code.Length == 0 ? "分野なし" : code, code.Length == 0 ? "No sector" : code, counts);
        var rows = all.Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { d, o });
        if (!string.IsNullOrEmpty(sector))
        {
            rows = rows.Where(r => r.o.SectorCode == sector);
        }
        if (escalated is { } esc)
        {
            rows = esc ? rows.Where(r => r.d.EscalatedAt != null) : rows.Where(r => r.d.EscalatedAt == null);
        }
        if (acknowledged is { } ack)
        {
            rows = ack ? rows.Where(r => r.d.AcknowledgedAt != null) : rows.Where(r => r.d.AcknowledgedAt == null);
        }
        var matching = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.o.SectorCode).ThenBy(r => r.o.NameJa).Skip(offset).Take(limit)
            .Select(r => new DeliveryView(r.o.Id, r.o.NameJa, r.o.NameEn, r.o.SectorCode, r.d.DeliveredAt, r.d.FirstReadAt, r.d.AcknowledgedAt, r.d.Response, r.d.ResponseNote, r.d.RespondedAt,
                r.d.ReceivedFromOrganisationId, r.d.RelayState, r.d.EscalatedAt))
            .ToListAsync(ct);
        return new DeliveryReport(counts,
            bySector.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.Value, sectorNames)).ToList(),
            byCeptoar.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g.Value, ceptoarNames)).ToList(),
            items, offset, limit, matching, await relay.PointsAsync(id, ct), await all.CountAsync(d => d.EscalatedAt != null, ct));
    }

    /// <summary>A delivery with the code it is counted under (its organisation's sector, or one of its CEPTOARs).</summary>
    private sealed class KeyedDelivery
    {
        public required AdvisoryDelivery Delivery { get; init; }
        public required string Code { get; init; }
    }

    /// <summary>The counts per code, in one grouped query.</summary>
    private static async Task<Dictionary<string, DeliveryCounts>> CountByAsync(IQueryable<KeyedDelivery> rows, CancellationToken ct) =>
        (await rows.GroupBy(x => x.Code)
            .Select(g => new
            {
                g.Key,
                Counts = new DeliveryCounts(g.Count(), g.Count(x => x.Delivery.FirstReadAt != null), g.Count(x => x.Delivery.AcknowledgedAt != null),
                    g.Count(x => x.Delivery.Response == AdvisoryResponse.NotAffected), g.Count(x => x.Delivery.Response == AdvisoryResponse.Investigating),
                    g.Count(x => x.Delivery.Response == AdvisoryResponse.Affected)),
            })
            .ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Counts, StringComparer.Ordinal);

    private async Task<Result<AdvisoryDelivery>> MineAsync(Caller caller, Guid id, CancellationToken ct)
    {
        if (await access.AdvisoryAsync(caller, id, ct) is not { } advisory)
        {
            return Problem.NotFound("The advisory");
        }
        var org = caller.OrganisationId;
        var delivery = await access.AdvisoryDeliveries(advisory).FirstOrDefaultAsync(d => d.OrganisationId == org, ct);
        if (delivery is null)
        {
            return Problem.Conflict("Your organisation is not a recipient of this advisory.");
        }
        if (!MayAnswer(caller))
        {
            return Problem.Forbidden("Viewers and auditors do not answer for their organisation.");
        }
        return delivery;
    }

    private static MyDelivery Mine(AdvisoryDelivery d) => new(d.DeliveredAt, d.FirstReadAt, d.AcknowledgedAt, d.Response, d.ResponseNote, d.RespondedAt);
}
