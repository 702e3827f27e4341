using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>Filing reports and moving them along their route.</summary>
/// <remarks>
/// While the reporting side acts on an anonymised report, the audit trail records the actor under
/// a pseudonym that only the reporting organisation and the relaying secretariat or agency see
/// through (see <see cref="AuditScope.Pseudonymise"/>).
/// </remarks>
public sealed class ReportService(
    RenkeiDbContext db,
    AccessPolicy access,
    ReportValidator validator,
    RoutePlanner planner,
    ReportQueries queries,
    ReportAssessor assessor,
    ReportNotifications notifications,
    AuditScope auditScope,
    Correlation.IndicatorOccurrences occurrences,
    TimeProvider time)
{
    public async Task<Result<ReportView>> CreateAsync(Caller caller, ReportInput input, CancellationToken ct = default)
    {
        if (!Permissions.FileReport(caller))
        {
            return Problem.Forbidden("Only reporters, coordinators and admins file incident reports.");
        }
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var (content, plan) = checkedInput.Value;
        var now = Clock.UtcNow(time);
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            ReportingOrganisationId = caller.OrganisationId,
            ReporterUserId = caller.UserId,
            State = ReportState.Draft,
            CreatedAt = now,
        };
        Apply(report, input, content, plan, now);
        await assessor.RefreshAsync(report, ct);
        db.Reports.Add(report);
        using (await PseudonymiseAsync(report, ct))
        {
            await db.SaveChangesAsync(ct);
        }
        return (await queries.ViewAsync(caller, report.Id, ct))!;
    }

    public async Task<Result<ReportView>> UpdateDraftAsync(Caller caller, Guid id, ReportInput input, CancellationToken ct = default)
    {
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (!ReportRules.CanEditDraft(caller, report))
        {
            return Problem.Forbidden("Only the reporting organisation's reporters edit a draft, and only before it is submitted.");
        }
        if (input.Version is null)
        {
            return Problem.Invalid("version", "is required: send the version you are editing");
        }
        if (input.Version != report.Version)
        {
            return Problem.StaleVersion(input.Version.Value, report.Version);
        }
        var checkedInput = await CheckAsync(caller, input, ct);
        if (!checkedInput.Ok)
        {
            return checkedInput.Problem!;
        }
        var (content, plan) = checkedInput.Value;
        if (plan.Anonymous != report.Anonymous)
        {
            // The trail already names (or hides) the author of this draft; switching would undo that.
            return Problem.Conflict("Whether the reporter is anonymised is fixed when the draft is created: discard this draft and start a new one for another kind of route.");
        }
        Apply(report, input, content, plan, Clock.UtcNow(time));
        report.Version++;
        await assessor.RefreshAsync(report, ct);
        return await SaveAsync(caller, report, ct);
    }

    /// <summary>Sends the draft as the first report (速報): the first hop (both, in an emergency) receives it.</summary>
    public async Task<Result<ReportView>> SubmitAsync(Caller caller, Guid id, int? version, CancellationToken ct = default)
    {
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (!ReportRules.CanEditDraft(caller, report))
        {
            return Problem.Conflict("Only a draft of your organisation can be submitted.");
        }
        if (version is not null && version != report.Version)
        {
            return Problem.StaleVersion(version.Value, report.Version);
        }
        var now = Clock.UtcNow(time);
        report.State = ReportState.Submitted;
        report.Stage = ReportStage.First;
        report.SubmittedAt = now;
        report.UpdatedAt = now;
        report.Version++;
        foreach (var hop in report.Hops.Where(h => ReceivesAtSubmission(report, h)))
        {
            hop.ReceivedAt = now;
        }
        db.ReportVersions.Add(new ReportVersion { ReportId = report.Id, Number = 1, Stage = ReportStage.First, Content = report.Content, SubmittedByUserId = caller.UserId, SubmittedAt = now });
        notifications.Raise(report, Notifications.Topics.ReportSubmitted, caller, report.Hops.Where(h => h.ReceivedAt == now).Select(h => h.RecipientOrganisationId));
        // Correlation follows what was submitted, in the same save: a draft's indicators are not shared yet.
        await occurrences.StageAsync(Correlation.OccurrenceSource.Report, report.Id, report.Content.Indicators, now, ct);
        // Verification level and severity suggestion are evaluated with each submission, against the rules then in force.
        await assessor.RefreshAsync(report, ct);
        return await SaveAsync(caller, report, ct);
    }

    /// <summary>An update (続報) or the final report (確報): new content, a new frozen version; the route is kept.</summary>
    public async Task<Result<ReportView>> AddSubmissionAsync(Caller caller, Guid id, ReportUpdateInput input, CancellationToken ct = default)
    {
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (!ReportRules.CanAddSubmission(caller, report))
        {
            return Problem.Conflict(report.Stage == ReportStage.Final
                ? "The final report was already filed; nothing can follow it."
                : "Only the reporting organisation's reporters add updates, after the first report and until the final one.");
        }
        if (input.Stage == ReportStage.First)
        {
            return Problem.Invalid("stage", "must be update or final");
        }
        if (input.Version != report.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, report.Version);
        }
        var content = await validator.ValidateAsync(input.Content, "content.", ct);
        if (!content.Ok)
        {
            return content.Problem!;
        }
        if (content.Value!.SectorCode != report.SectorCode)
        {
            return Problem.Invalid("content.sectorCode", "cannot change after the first report: its route follows the sector");
        }
        if (ObligationProblem(content.Value) is { } obligation)
        {
            return Problem.Invalid("content.legallyRequired", obligation);
        }
        if (content.Value.LegallyRequired && report.Anonymous && !RouteRules.Instance.MayAnonymise(content.Value))
        {
            return Problem.Invalid("content.legallyRequired", "this report travels anonymised, which is only for reports outside legal obligation: file the law-obliged report on the ministry route");
        }
        var now = Clock.UtcNow(time);
        var number = await db.ReportVersions.CountAsync(v => v.ReportId == id, ct) + 1;
        SetContent(report, content.Value);
        report.Stage = input.Stage!.Value;
        report.UpdatedAt = now;
        report.Version++;
        if (report.Stage == ReportStage.Final)
        {
            report.FinalAt = now;
        }
        db.ReportVersions.Add(new ReportVersion { ReportId = id, Number = number, Stage = report.Stage.Value, Content = content.Value, SubmittedByUserId = caller.UserId, SubmittedAt = now });
        notifications.Raise(report, Notifications.Topics.ReportUpdated, caller);
        await occurrences.StageAsync(Correlation.OccurrenceSource.Report, id, content.Value.Indicators, now, ct);
        await assessor.RefreshAsync(report, ct);
        return await SaveAsync(caller, report, ct);
    }

    public async Task<Result<ReportView>> AcknowledgeAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (!ReportRules.CanAcknowledge(caller, report))
        {
            return Problem.Conflict("Only a desk the report reached acknowledges it, once.");
        }
        var now = Clock.UtcNow(time);
        var hop = ReportRules.HeldHop(caller, report)!;
        hop.AcknowledgedAt = now;
        hop.AcknowledgedByUserId = caller.UserId;
        if (report.State == ReportState.Submitted)
        {
            report.State = ReportState.Acknowledged;
        }
        report.UpdatedAt = now;
        report.Version++;
        notifications.Raise(report, Notifications.Topics.ReportAcknowledged, caller);
        return await SaveAsync(caller, report, ct);
    }

    /// <summary>Passes the report to the next hop, with the desk's annotation for it.</summary>
    public async Task<Result<ReportView>> ForwardAsync(Caller caller, Guid id, string? annotation, CancellationToken ct = default)
    {
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (annotation is { Length: > 4000 })
        {
            return Problem.Invalid("annotation", "must be at most 4000 characters");
        }
        if (!ReportRules.CanForward(caller, report))
        {
            return Problem.Conflict("Only the desk holding the report forwards it, once, to the next hop.");
        }
        var now = Clock.UtcNow(time);
        var hop = ReportRules.HeldHop(caller, report)!;
        hop.ForwardedAt = now;
        hop.ForwardedByUserId = caller.UserId;
        hop.Annotation = string.IsNullOrWhiteSpace(annotation) ? null : annotation.Trim();
        hop.AcknowledgedAt ??= now;
        hop.AcknowledgedByUserId ??= caller.UserId;
        var next = report.Hops.Where(h => h.Ordinal > hop.Ordinal && h.ReceivedAt == null).OrderBy(h => h.Ordinal).First();
        next.ReceivedAt = now;
        notifications.Raise(report, Notifications.Topics.ReportForwarded, caller, [next.RecipientOrganisationId]);
        if (report.State == ReportState.Submitted)
        {
            report.State = ReportState.Acknowledged;
        }
        report.UpdatedAt = now;
        report.Version++;
        return await SaveAsync(caller, report, ct);
    }

    /// <summary>
    /// Passes the report outside its route: a crime report to the police or a liaison request to
    /// an incident-handling agency, recorded (and audited) as a hop the agency receives at once.
    /// </summary>
    /// <remarks>
    /// The agency learns who reported only where the report is not anonymised: a referral is no
    /// way around the route's anonymity, whoever makes it.
    /// </remarks>
    public async Task<Result<ReportView>> ReferAsync(Caller caller, Guid id, ReferralInput input, CancellationToken ct = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        var rule = RouteRules.Instance.Referral(input.Kind!.Value);
        var code = input.Agency.Trim();
        if (!rule.Agencies.Contains(code))
        {
            return Problem.Invalid("agency", Text.T("must be one of: {0}", string.Join(", ", rule.Agencies)));
        }
        if (report.State == ReportState.Draft)
        {
            return Problem.Conflict("A draft is not referred: submit it first.");
        }
        if (!ReportRules.CanRefer(caller, report, rule))
        {
            return Problem.Forbidden("Crime reports are made by the reporting organisation or a desk the report reached; liaison requests by NISC or the ministry in charge once it reached them.");
        }
        var agency = await db.Organisations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (agency is null)
        {
            return Problem.Invalid("agency", "is not in the directory");
        }
        var role = rule.Kind == ReferralKind.CrimeReport ? HopRole.CrimeReport : HopRole.LiaisonRequest;
        if (report.Hops.Any(h => h.Role == role && h.RecipientOrganisationId == agency))
        {
            return Problem.Conflict("The report was already passed to this agency this way.");
        }
        var now = Clock.UtcNow(time);
        report.Hops.Add(new ReportHop
        {
            ReportId = report.Id,
            Ordinal = report.Hops.Max(h => h.Ordinal) + 1,
            RecipientOrganisationId = agency.Value,
            Role = role,
            ReceivedAt = now,
            ReporterDisclosed = !report.Anonymous,
            Annotation = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        });
        report.UpdatedAt = now;
        report.Version++;
        notifications.Raise(report, Notifications.Topics.ReportForwarded, caller, [agency.Value]);
        return await SaveAsync(caller, report, ct);
    }

    /// <summary>Discards a draft that was never submitted.</summary>
    public async Task<Result<bool>> DeleteDraftAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var report = await LoadAsync(caller, id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (!ReportRules.CanEditDraft(caller, report))
        {
            return Problem.Conflict("Only a draft of your organisation can be discarded; submitted reports are kept.");
        }
        db.Reports.Remove(report);
        using (await PseudonymiseAsync(report, ct))
        {
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    private async Task<Result<(ReportContent Content, RoutePlan Plan)>> CheckAsync(Caller caller, ReportInput input, CancellationToken ct)
    {
        var errors = InputValidation.Validate(input);
        var content = await validator.ValidateAsync(input.Content, "content.", ct);
        if (!content.Ok)
        {
            foreach (var (field, reasons) in content.Problem!.Errors ?? new Dictionary<string, string[]>())
            {
                errors[field] = reasons;
            }
        }
        if (input.Tlp == Tlp.Red)
        {
            // Reports travel to desks (organisations); RED is for named individuals only.
            InputValidation.Add(errors, "tlp", "TLP:RED cannot travel to desks; use AMBER+STRICT");
        }
        if (input.ShareWithSector == true && (input.Content?.Kind != ReportKind.NearMiss || input.Tlp is not (Tlp.Clear or Tlp.Green)))
        {
            InputValidation.Add(errors, "shareWithSector", "only near misses labelled TLP:CLEAR or TLP:GREEN are shared with the sector");
        }
        if (content.Ok && ObligationProblem(content.Value!) is { } obligation)
        {
            InputValidation.Add(errors, "content.legallyRequired", obligation);
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var plan = await planner.PlanAsync(caller.OrganisationId, input.Route!.Value, content.Value!, input.ViaCeptoar?.Trim(), input.ViaAgency?.Trim(), input.Anonymise, ct);
        return plan.Ok ? (content.Value!, plan.Value!) : plan.Problem!;
    }

    private static void Apply(Report report, ReportInput input, ReportContent content, RoutePlan plan, DateTime now)
    {
        SetContent(report, content);
        report.Route = input.Route!.Value;
        report.Tlp = input.Tlp!.Value;
        report.SharedWithSector = input.ShareWithSector == true;
        report.Anonymous = plan.Anonymous;
        report.AnonymityHolderId = plan.AnonymityHolder;
        report.ViaCeptoarCode = plan.ViaCeptoar;
        report.ViaAgencyId = plan.ViaAgency;
        report.UpdatedAt = now;
        // Hops are updated in place by ordinal (a draft's hops have received nothing yet).
        for (var i = 0; i < plan.Hops.Count; i++)
        {
            var hop = report.Hops.FirstOrDefault(h => h.Ordinal == i + 1);
            if (hop is null)
            {
                report.Hops.Add(new ReportHop { ReportId = report.Id, Ordinal = i + 1, RecipientOrganisationId = plan.Hops[i].Organisation, Role = plan.Hops[i].Role, ReporterDisclosed = plan.Hops[i].ReporterDisclosed });
            }
            else
            {
                hop.RecipientOrganisationId = plan.Hops[i].Organisation;
                hop.Role = plan.Hops[i].Role;
                hop.ReporterDisclosed = plan.Hops[i].ReporterDisclosed;
            }
        }
        report.Hops.RemoveAll(h => h.Ordinal > plan.Hops.Count);
    }

    private static void SetContent(Report report, ReportContent content)
    {
        report.Content = content;
        report.Kind = content.Kind;
        report.SectorCode = content.SectorCode;
        report.BusinessScopeCode = content.BusinessScopeCode;
        report.ThreatCategory = content.ThreatCategory;
        report.Title = content.Title;
        report.AwareAt = content.AwareAt;
    }

    /// <summary>
    /// The first hop receives the first report, and every hop the route rules deliver to at once
    /// (both desks in an emergency; the ministry in charge of a law-obliged report filed via a relay).
    /// </summary>
    private static bool ReceivesAtSubmission(Report report, ReportHop hop)
    {
        var rules = RoutePlanner.HopRules(report.Route, report.Content.LegallyRequired, report.Anonymous);
        return hop.Ordinal == 1 || (hop.Ordinal <= rules.Count && rules[hop.Ordinal - 1].AtSubmission);
    }

    /// <summary>A near miss (予兆・ヒヤリハット) is by the seeds' definition outside legal obligation (000 l.1842).</summary>
    private static string? ObligationProblem(ReportContent content) =>
        content.LegallyRequired && RouteRules.Instance.NeverLegallyRequired(content.Kind)
            ? "a near miss (予兆・ヒヤリハット) is outside legal obligation: report a law-obliged event as a service outage or an attack"
            : null;

    private Task<Report?> LoadAsync(Caller caller, Guid id, CancellationToken ct) =>
        access.Reports(caller).Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == id, ct);

    private async Task<Result<ReportView>> SaveAsync(Caller caller, Report report, CancellationToken ct)
    {
        try
        {
            using (ReportRules.IsReporter(caller, report) ? await PseudonymiseAsync(report, ct) : null)
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The report was changed by someone else at the same time. Reload it and try again.");
        }
        return (await queries.ViewAsync(caller, report.Id, ct))!;
    }

    /// <summary>On anonymised routes the reporting side's writes are audited under the pseudonym.</summary>
    /// <remarks>Works on the report in memory: a new report is not in the database yet.</remarks>
    private async Task<IDisposable?> PseudonymiseAsync(Report report, CancellationToken ct)
    {
        if (!report.Anonymous || report.AnonymityHolderId is null)
        {
            return null;
        }
        var (ja, en) = await access.PseudonymAsync(report.ViaCeptoarCode, report.ViaAgencyId, report.SectorCode, ct);
        return auditScope.Pseudonymise($"{ja} ({en})", report.AnonymityHolderId.Value);
    }
}
