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

    /// <summary>The report as a handle for its readers; null if it does not exist for the caller.</summary>
    public Task<VisibleReport?> FindAsync(Caller caller, Guid id, CancellationToken ct = default) => access.ReportAsync(caller, id, ct);

    /// <summary>One report as the caller may see it; reading an AMBER or RED report is audited.</summary>
    public async Task<ReportView?> GetAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await FindAsync(caller, id, ct) is { } report ? await GetAsync(report, ct) : null;

    /// <summary>The view of a report already found, its read recorded.</summary>
    public async Task<ReportView> GetAsync(VisibleReport report, CancellationToken ct = default)
    {
        var view = await ViewAsync(report, ct);
        await RecordReadAsync(report, "reports", report.Id.ToString("D"), ct);
        return view;
    }

    /// <summary>Audits a read of an AMBER or RED report's content (the report itself, its thread, an attachment).</summary>
    public async Task RecordReadAsync(VisibleReport report, string resourceType, string resourceId, CancellationToken ct = default)
    {
        if (report.Report.Tlp is not (Tlp.Amber or Tlp.AmberStrict or Tlp.Red))
        {
            return;
        }
        // The reporter's own reads of an anonymised report would name them in the trail too.
        using (await PseudonymiseAsync(report, ct))
        {
            await audit.ReadAsync(resourceType, resourceId, ct);
        }
    }

    /// <summary>The view without recording a read (after the caller's own writes).</summary>
    public async Task<ReportView?> ViewAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await FindAsync(caller, id, ct) is { } report ? await ViewAsync(report, ct) : null;

    public async Task<ReportView> ViewAsync(VisibleReport visible, CancellationToken ct = default)
    {
        var (report, caller) = (visible.Report, visible.Caller);
        var submissions = await access.ReportVersions(visible).CountAsync(ct);
        var orgIds = report.Hops.Select(h => h.RecipientOrganisationId).Append(report.ViaAgencyId ?? Guid.Empty).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationRef(o.Id, o.Code, o.NameJa, o.NameEn), ct);
        var ceptoar = report.ViaCeptoarCode is null ? null
            : await db.Ceptoars.AsNoTracking().Where(c => c.Code == report.ViaCeptoarCode).Select(c => new NamedRef(c.Code, c.NameJa, c.NameEn)).FirstAsync(ct);
        var hops = report.Hops.OrderBy(h => h.Ordinal)
            .Select(h => new HopView(h.Ordinal, orgs[h.RecipientOrganisationId], h.Role, h.ReceivedAt, h.AcknowledgedAt, h.ForwardedAt, h.Annotation, h.ReporterDisclosed))
            .ToList();
        var rule = report.VerificationRuleCode is null ? null
            : await db.VerificationRules.AsNoTracking().Where(r => r.Code == report.VerificationRuleCode).Select(r => new { r.DescriptionJa, r.DescriptionEn }).FirstOrDefaultAsync(ct);
        var deadlines = await db.DeadlineRules.AsNoTracking().ToListAsync(ct);
        return new ReportView(report.Id, report.State, report.Stage, report.Route, report.Anonymous, report.SharedWithSector, report.Tlp,
            visible.Reporter, ceptoar, report.ViaAgencyId is { } agency ? orgs[agency] : null,
            report.Content, report.Version, submissions, report.CreatedAt, report.UpdatedAt, report.SubmittedAt, report.FinalAt,
            hops, ReportRules.Actions(caller, report),
            new VerificationView(report.VerificationExceeded, report.VerificationReason, report.VerificationRuleCode, report.VerificationRuleVersion,
                rule?.DescriptionJa, rule?.DescriptionEn, report.VerificationEvaluatedAt, await ReportAssessor.FactsAsync(db, report, ct)),
            new SeverityView(report.SeveritySuggested, report.Severity, ReportAssessor.CanAssess(caller, report)),
            ReportingClocks.Clocks(deadlines, report, Clock.UtcNow(time)));
    }

    /// <summary>Every submission with what changed from the one before; reading them is reading the report, and audited as such.</summary>
    public async Task<List<ReportVersionView>> VersionsAsync(VisibleReport report, CancellationToken ct = default)
    {
        await RecordReadAsync(report, "report_versions", report.Id.ToString("D"), ct);
        var reporter = report.Reporter;
        var versions = await access.ReportVersions(report).AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct);
        var names = await access.ReportPeopleAsync(report, versions.Select(v => v.SubmittedByUserId), ct);
        var views = new List<ReportVersionView>();
        JsonObject? previous = null;
        foreach (var v in versions)
        {
            var current = JsonNode.Parse(ReportJson.Serialize(v.Content))!.AsObject();
            var changed = previous is null ? [] : current.Where(p => !JsonNode.DeepEquals(p.Value, previous[p.Key])).Select(p => p.Key).ToList();
            // The person who submitted is the reporter side; shown as the reporter is shown.
            var by = reporter.Disclosed ? reporter with { UserId = v.SubmittedByUserId, UserName = names.GetValueOrDefault(v.SubmittedByUserId) } : reporter;
            views.Add(new ReportVersionView(v.Number, v.Stage, v.SubmittedAt, by, v.Content, changed));
            previous = current;
        }
        return views;
    }

    /// <summary>The reporter of each report, disclosed or pseudonymous, as the access policy decides.</summary>
    public Task<Dictionary<Guid, ReporterView>> ReportersAsync(Caller caller, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        access.ReportersAsync(caller, ids, ct);

    /// <summary>
    /// While the reporting side acts on an anonymised report, the trail records the actor under
    /// the pseudonym, disclosed only to the reporting organisation and the relaying holder.
    /// </summary>
    public async Task<IDisposable?> PseudonymiseAsync(VisibleReport report, CancellationToken ct)
    {
        var r = report.Report;
        if (!r.Anonymous || r.AnonymityHolderId is null || !report.ByReporter)
        {
            return null;
        }
        var (ja, en) = await access.PseudonymAsync(r.ViaCeptoarCode, r.ViaAgencyId, r.SectorCode, ct);
        return auditScope.Pseudonymise($"{ja} ({en})", r.AnonymityHolderId.Value);
    }

    internal static string Json(ReportContent content) => JsonSerializer.Serialize(content, ReportJson.Options);
}
