using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>
/// Reads of reports, all through <see cref="AccessPolicy.Reports"/>, with the reporter's identity
/// decided by <see cref="AccessPolicy.ReporterVisible"/> and nowhere else.
/// </summary>
public sealed class ReportQueries(RenkeiDbContext db, AccessPolicy access, AuditTrail audit, AuditScope auditScope, TimeProvider time)
{
    public async Task<Page<ReportSummary>> ListAsync(Caller caller, ReportFilter filter, int offset, int limit, CancellationToken ct = default)
    {
        var query = access.Reports(caller).AsNoTracking();
        if (filter.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }
        if (filter.Route is { } route)
        {
            query = query.Where(r => r.Route == route);
        }
        if (!string.IsNullOrWhiteSpace(filter.SectorCode))
        {
            query = query.Where(r => r.SectorCode == filter.SectorCode);
        }
        if (filter.OrganisationId is { } org)
        {
            // Filtering by reporter must not find what the caller may not attribute.
            query = query.Where(r => r.ReportingOrganisationId == org).Where(AccessPolicy.ReporterVisible(caller));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + filter.Text.Trim().ToLowerInvariant() + "%";
#pragma warning disable CA1304, CA1311 // SQL lower(); never runs in .NET.
            query = query.Where(r => EF.Functions.Like(r.Title.ToLower(), pattern));
#pragma warning restore CA1304, CA1311
        }
        var now = Clock.UtcNow(time);
        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(r => (r.SubmittedAt == null && r.FirstDueAt < now) || (r.FinalAt == null && r.State != ReportState.Closed && r.FinalDueAt < now))
                : query.Where(r => !((r.SubmittedAt == null && r.FirstDueAt < now) || (r.FinalAt == null && r.State != ReportState.Closed && r.FinalDueAt < now)));
        }
        if (filter.BeyondVerificationLevel is { } beyond)
        {
            query = query.Where(r => r.VerificationExceeded == beyond);
        }
        if (filter.MinSeverity is { } minimum)
        {
            query = query.Where(r => (r.Severity ?? r.SeveritySuggested) >= minimum);
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(r => r.SubmittedAt ?? r.UpdatedAt)
            .Skip(offset).Take(limit)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Kind,
                r.State,
                r.Stage,
                r.Route,
                r.SectorCode,
                r.Tlp,
                r.AwareAt,
                r.SubmittedAt,
                r.UpdatedAt,
                Severity = r.Severity ?? r.SeveritySuggested,
                r.VerificationExceeded,
                Overdue = (r.SubmittedAt == null && r.FirstDueAt < now) || (r.FinalAt == null && r.State != ReportState.Closed && r.FinalDueAt < now),
            })
            .ToListAsync(ct);
        var reporters = await ReportersAsync(caller, rows.Select(r => r.Id).ToList(), ct);
        var items = rows.Select(r => new ReportSummary(r.Id, r.Title, r.Kind, r.State, r.Stage, r.Route, r.SectorCode, r.Tlp, reporters[r.Id],
            r.AwareAt, r.SubmittedAt, r.UpdatedAt, r.Severity, r.VerificationExceeded, r.Overdue)).ToList();
        return new Page<ReportSummary>(items, total, offset, limit);
    }

    /// <summary>One report as the caller may see it; reading an AMBER or RED report is audited.</summary>
    public async Task<ReportView?> GetAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var view = await ViewAsync(caller, id, ct);
        if (view is not null)
        {
            await RecordReadAsync(caller, view, "reports", id.ToString("D"), ct);
        }
        return view;
    }

    /// <summary>Audits a read of an AMBER or RED report's content (the report itself, its thread, an attachment).</summary>
    public async Task RecordReadAsync(Caller caller, ReportView view, string resourceType, string resourceId, CancellationToken ct = default)
    {
        if (view.Tlp is not (Tlp.Amber or Tlp.AmberStrict or Tlp.Red))
        {
            return;
        }
        // The reporter's own reads of an anonymised report would name them in the trail too.
        using (view.Anonymous && view.Reporter.OrganisationId == caller.OrganisationId
            ? await PseudonymiseAsync(caller.OrganisationId, view.Id, ct)
            : null)
        {
            await audit.ReadAsync(resourceType, resourceId, ct);
        }
    }

    /// <summary>The view without recording a read (after the caller's own writes).</summary>
    public async Task<ReportView?> ViewAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var report = await access.Reports(caller).AsNoTracking().Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }
        var submissions = await db.ReportVersions.CountAsync(v => v.ReportId == id, ct);
        var reporter = (await ReportersAsync(caller, [id], ct))[id];
        var orgIds = report.Hops.Select(h => h.RecipientOrganisationId).Append(report.ViaAgencyId ?? Guid.Empty).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationRef(o.Id, o.Code, o.NameJa, o.NameEn), ct);
        var ceptoar = report.ViaCeptoarCode is null ? null
            : await db.Ceptoars.AsNoTracking().Where(c => c.Code == report.ViaCeptoarCode).Select(c => new NamedRef(c.Code, c.NameJa, c.NameEn)).FirstAsync(ct);
        var hops = report.Hops.OrderBy(h => h.Ordinal)
            .Select(h => new HopView(h.Ordinal, orgs[h.RecipientOrganisationId], h.Role, h.ReceivedAt, h.AcknowledgedAt, h.ForwardedAt, h.Annotation))
            .ToList();
        var rule = report.VerificationRuleCode is null ? null
            : await db.VerificationRules.AsNoTracking().Where(r => r.Code == report.VerificationRuleCode).Select(r => new { r.DescriptionJa, r.DescriptionEn }).FirstOrDefaultAsync(ct);
        var deadlines = await db.DeadlineRules.AsNoTracking().ToListAsync(ct);
        return new ReportView(report.Id, report.State, report.Stage, report.Route, report.Anonymous, report.SharedWithSector, report.Tlp,
            reporter, ceptoar, report.ViaAgencyId is { } agency ? orgs[agency] : null,
            report.Content, report.Version, submissions, report.CreatedAt, report.UpdatedAt, report.SubmittedAt, report.FinalAt,
            hops, ReportRules.Actions(caller, report),
            new VerificationView(report.VerificationExceeded, report.VerificationReason, report.VerificationRuleCode, report.VerificationRuleVersion,
                rule?.DescriptionJa, rule?.DescriptionEn, report.VerificationEvaluatedAt),
            new SeverityView(report.SeveritySuggested, report.Severity, ReportAssessor.CanAssess(caller, report)),
            ReportingClocks.Clocks(deadlines, report, Clock.UtcNow(time)));
    }

    public async Task<List<ReportVersionView>?> VersionsAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var report = await ViewAsync(caller, id, ct);
        if (report is null)
        {
            return null;
        }
        // Every version carries the whole content: reading them is reading the report.
        await RecordReadAsync(caller, report, "report_versions", id.ToString("D"), ct);
        var reporter = report.Reporter;
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == id).OrderBy(v => v.Number).ToListAsync(ct);
        var views = new List<ReportVersionView>();
        JsonObject? previous = null;
        foreach (var v in versions)
        {
            var current = JsonNode.Parse(ReportJson.Serialize(v.Content))!.AsObject();
            var changed = previous is null ? [] : current.Where(p => !JsonNode.DeepEquals(p.Value, previous[p.Key])).Select(p => p.Key).ToList();
            // The person who submitted is the reporter side; shown as the reporter is shown.
            var by = reporter.Disclosed ? reporter with { UserId = v.SubmittedByUserId, UserName = await UserNameAsync(v.SubmittedByUserId, ct) } : reporter;
            views.Add(new ReportVersionView(v.Number, v.Stage, v.SubmittedAt, by, v.Content, changed));
            previous = current;
        }
        return views;
    }

    /// <summary>The reporter of one report as the caller may see it; null if the caller may not read the report.</summary>
    public async Task<ReporterView?> ReporterAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await access.Reports(caller).AnyAsync(r => r.Id == id, ct) ? (await ReportersAsync(caller, [id], ct))[id] : null;

    /// <summary>The reporter of each report, disclosed or pseudonymous, as the access policy decides.</summary>
    public async Task<Dictionary<Guid, ReporterView>> ReportersAsync(Caller caller, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var disclosed = (await access.Reports(caller).Where(r => ids.Contains(r.Id)).Where(AccessPolicy.ReporterVisible(caller))
            .Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var rows = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                r.ReportingOrganisationId,
                r.ReporterUserId,
                OrgJa = r.ReportingOrganisation!.NameJa,
                OrgEn = r.ReportingOrganisation.NameEn,
                r.ViaCeptoarCode,
                r.ViaAgencyId,
                r.SectorCode,
            })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, ReporterView>();
        foreach (var r in rows)
        {
            if (disclosed.Contains(r.Id))
            {
                result[r.Id] = new ReporterView(true, r.ReportingOrganisationId, r.OrgJa, r.OrgEn, r.ReporterUserId, await UserNameAsync(r.ReporterUserId, ct));
                continue;
            }
            var (ja, en) = await PseudonymAsync(r.ViaCeptoarCode, r.ViaAgencyId, r.SectorCode, ct);
            result[r.Id] = new ReporterView(false, null, ja, en, null, null);
        }
        return result;
    }

    /// <summary>The name an anonymised reporter goes by.</summary>
    public async Task<(string Ja, string En)> PseudonymAsync(string? viaCeptoar, Guid? viaAgency, string sectorCode, CancellationToken ct)
    {
        if (viaCeptoar is not null && await db.Ceptoars.AsNoTracking().Where(c => c.Code == viaCeptoar).Select(c => new { c.NameJa, c.NameEn }).FirstOrDefaultAsync(ct) is { } c)
        {
            return ($"{c.NameJa}の構成員", $"a member of {c.NameEn}");
        }
        if (viaAgency is not null && await db.Organisations.AsNoTracking().Where(o => o.Id == viaAgency).Select(o => new { o.NameJa, o.NameEn }).FirstOrDefaultAsync(ct) is { } a)
        {
            return ($"{a.NameJa}経由で報告した重要インフラ事業者", $"a CI operator reporting via {a.NameEn}");
        }
        var s = await db.Sectors.AsNoTracking().Where(x => x.Code == sectorCode).Select(x => new { x.NameJa, x.NameEn }).FirstOrDefaultAsync(ct);
        return ($"{s?.NameJa ?? sectorCode}分野の事業者", $"an operator in the {s?.NameEn ?? sectorCode} sector");
    }

    /// <summary>
    /// While the reporting side acts on an anonymised report, the trail records the actor under
    /// the pseudonym, disclosed only to the reporting organisation and the relaying holder.
    /// </summary>
    public async Task<IDisposable?> PseudonymiseAsync(Guid actingOrganisation, Guid reportId, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().Where(x => x.Id == reportId)
            .Select(x => new { x.Anonymous, x.AnonymityHolderId, x.ReportingOrganisationId, x.ViaCeptoarCode, x.ViaAgencyId, x.SectorCode })
            .FirstOrDefaultAsync(ct);
        if (r is null || !r.Anonymous || r.AnonymityHolderId is null || r.ReportingOrganisationId != actingOrganisation)
        {
            return null;
        }
        var (ja, en) = await PseudonymAsync(r.ViaCeptoarCode, r.ViaAgencyId, r.SectorCode, ct);
        return auditScope.Pseudonymise($"{ja} ({en})", r.AnonymityHolderId.Value);
    }

    private async Task<string?> UserNameAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

    internal static string Json(ReportContent content) => JsonSerializer.Serialize(content, ReportJson.Options);
}
