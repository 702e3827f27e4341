using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Reports;

public sealed record SeverityInput
{
    [Required(ErrorMessage = "is required"), Range(0, 4, ErrorMessage = "must be between 0 and 4")]
    public int? Continuity { get; init; }

    [Required(ErrorMessage = "is required"), Range(0, 4, ErrorMessage = "must be between 0 and 4")]
    public int? Safety { get; init; }

    [Required(ErrorMessage = "is required"), Range(0, 4, ErrorMessage = "must be between 0 and 4")]
    public int? Trust { get; init; }

    /// <summary>Required when the overall level differs from the suggestion.</summary>
    [MaxLength(2000, ErrorMessage = "must be at most 2000 characters")]
    public string? Reason { get; init; }
}

/// <summary>
/// The desk's statement of the qualitative verification facts (seed 004 l.1380-1388): an answer
/// per condition of the report's sector; "unknown" withdraws the desk's earlier statement, so the
/// reporter's answer counts again.
/// </summary>
public sealed record VerificationFactsInput
{
    [Required(ErrorMessage = "is required")]
    public IReadOnlyList<VerificationFactInput>? Facts { get; init; }
}

/// <summary>The verdict after the desk stated facts, with every condition's answers and who stated them.</summary>
public sealed record VerificationFactsResult(bool? Exceeded, string? Reason, IReadOnlyList<VerificationFactView> Facts, int Version);

/// <summary>One assessment; the assessing desk is named (ministries and NISC are the directory's).</summary>
public sealed record AssessmentView(int Number, int Continuity, int Safety, int Trust, int Overall, int Suggested, string? Reason,
    Guid AssessedByOrganisationId, DateTime AssessedAt, string? AssessedByNameJa = null, string? AssessedByNameEn = null);

/// <summary>
/// The assessment side of reports: reporting clocks, the sector verification level and the
/// severity suggestion (computed with each submission), and analysts' severity assessments.
/// </summary>
public sealed class ReportAssessor(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    /// <summary>Recomputes what follows from the content and the current rules.</summary>
    public async Task RefreshAsync(Report report, CancellationToken ct)
    {
        var deadlines = await db.DeadlineRules.AsNoTracking().ToListAsync(ct);
        report.FirstDueAt = ReportingClocks.DueAt(deadlines, report, ReportStage.First);
        report.FinalDueAt = ReportingClocks.DueAt(deadlines, report, ReportStage.Final);
        if (report.State == ReportState.Draft)
        {
            return;
        }
        await EvaluateAsync(report, ct);
        report.SeveritySuggested = SeverityAdvisor.Suggest(report.Content, report.VerificationExceeded).Overall;
    }

    private async Task EvaluateAsync(Report report, CancellationToken ct)
    {
        var rules = await db.VerificationRules.AsNoTracking().Where(r => r.SectorCode == report.SectorCode).OrderBy(r => r.SortOrder).ToListAsync(ct);
        var result = VerificationLevels.Evaluate(report.Content, rules, report.DeskVerificationFacts);
        report.VerificationExceeded = result.Exceeded;
        report.VerificationReason = result.Reason;
        report.VerificationRuleCode = result.Rule?.Code;
        report.VerificationRuleVersion = result.Rule?.Version;
        report.VerificationEvaluatedAt = Clock.UtcNow(time);
    }

    /// <summary>
    /// After admins changed verification rules: evaluates every submitted report again, explicitly,
    /// and says how many results changed.
    /// </summary>
    public async Task<Result<(int Evaluated, int Changed)>> ReEvaluateAsync(Caller caller, CancellationToken ct = default)
    {
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        int evaluated = 0, changed = 0;
        var ids = await db.Reports.Where(r => r.State != ReportState.Draft).Select(r => r.Id).ToListAsync(ct);
        foreach (var batch in ids.Chunk(500))
        {
            var reports = await db.Reports.Where(r => batch.Contains(r.Id)).ToListAsync(ct);
            foreach (var report in reports)
            {
                var before = (report.VerificationExceeded, report.VerificationRuleCode, report.VerificationRuleVersion);
                await EvaluateAsync(report, ct);
                report.SeveritySuggested = SeverityAdvisor.Suggest(report.Content, report.VerificationExceeded).Overall;
                evaluated++;
                if (before != (report.VerificationExceeded, report.VerificationRuleCode, report.VerificationRuleVersion))
                {
                    changed++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return (evaluated, changed);
    }

    /// <summary>An analyst at a ministry or NISC desk the report reached sets its severity.</summary>
    public async Task<Result<AssessmentView>> AssessAsync(Caller caller, Guid id, SeverityInput input, CancellationToken ct = default)
    {
        var report = await access.Reports(caller).Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (!CanAssess(caller, report))
        {
            return Problem.Forbidden("Only analysts of the ministry in charge or NISC, once the report reached them, assess its severity.");
        }
        var errors = InputValidation.Validate(input);
        var levels = new SeverityLevels(input.Continuity ?? 0, input.Safety ?? 0, input.Trust ?? 0);
        var suggested = report.SeveritySuggested ?? SeverityAdvisor.Suggest(report.Content, report.VerificationExceeded).Overall;
        if (errors.Count == 0 && levels.Overall != suggested && string.IsNullOrWhiteSpace(input.Reason))
        {
            InputValidation.Add(errors, "reason", "is required when the level differs from the suggestion");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var number = await db.ReportAssessments.CountAsync(a => a.ReportId == id, ct) + 1;
        var assessment = new ReportAssessment
        {
            ReportId = id,
            Number = number,
            Continuity = levels.Continuity,
            Safety = levels.Safety,
            Trust = levels.Trust,
            Overall = levels.Overall,
            Suggested = suggested,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            AssessedByUserId = caller.UserId,
            AssessedByOrganisationId = caller.OrganisationId,
            AssessedAt = Clock.UtcNow(time),
        };
        db.ReportAssessments.Add(assessment);
        report.Severity = levels.Overall;
        if (report.State is ReportState.Submitted or ReportState.Acknowledged)
        {
            report.State = ReportState.UnderAnalysis;
        }
        report.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict("The report was changed by someone else at the same time. Reload it and try again.");
        }
        var desk = await db.Organisations.AsNoTracking().Where(o => o.Id == caller.OrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        return View(assessment) with { AssessedByNameJa = desk.NameJa, AssessedByNameEn = desk.NameEn };
    }

    /// <summary>
    /// The desk (an analyst of the ministry in charge or NISC, once the report reached it: the rule
    /// that authorises assessments) states or corrects the qualitative verification facts. The
    /// reporter's answers stay as given; the desk's count over them and the report is evaluated again.
    /// </summary>
    public async Task<Result<VerificationFactsResult>> StateFactsAsync(Caller caller, Guid id, VerificationFactsInput input, CancellationToken ct = default)
    {
        var report = await access.Reports(caller).Include(r => r.Hops).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Problem.NotFound("The report");
        }
        if (!CanAssess(caller, report))
        {
            return Problem.Forbidden("Only analysts of the ministry in charge or NISC, once the report reached them, state verification facts.");
        }
        var errors = InputValidation.Validate(input);
        var sector = VerificationConditions.OfSector(report.SectorCode);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stated = new List<(string Code, FactAnswer Answer)>();
        foreach (var (fact, i) in (input.Facts ?? []).Select((f, i) => (f, i)))
        {
            var field = $"facts[{i}]";
            foreach (var (name, reasons) in InputValidation.Validate(fact))
            {
                errors[$"{field}.{name}"] = reasons;
            }
            var code = fact.Condition?.Trim() ?? "";
            if (code.Length > 0 && sector.All(c => c.Code != code))
            {
                InputValidation.Add(errors, field + ".condition", sector.Count == 0
                    ? Text.T("'{0}' is not a condition of this report's sector (it has none)", code)
                    : Text.T("'{0}' is not one of: {1}", code, string.Join(", ", sector.Select(c => c.Code))));
            }
            else if (code.Length > 0 && !seen.Add(code))
            {
                InputValidation.Add(errors, field + ".condition", "is answered twice");
            }
            else if (code.Length > 0 && fact.Answer is { } answer)
            {
                stated.Add((code, answer));
            }
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var now = Clock.UtcNow(time);
        var facts = report.DeskVerificationFacts.Where(f => !seen.Contains(f.Condition)).ToList();
        facts.AddRange(stated.Where(s => s.Answer != FactAnswer.Unknown)
            .Select(s => report.DeskVerificationFacts.FirstOrDefault(f => f.Condition == s.Code && f.Answer == s.Answer)
                ?? new DeskVerificationFact(s.Code, s.Answer, caller.OrganisationId, caller.UserId, now)));
        facts = facts.OrderBy(f => f.Condition, StringComparer.Ordinal).ToList();
        if (!facts.SequenceEqual(report.DeskVerificationFacts))
        {
            report.DeskVerificationFacts = facts;
            await EvaluateAsync(report, ct);
            report.SeveritySuggested = SeverityAdvisor.Suggest(report.Content, report.VerificationExceeded).Overall;
            report.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Problem.Conflict("The report was changed by someone else at the same time. Reload it and try again.");
            }
        }
        return new VerificationFactsResult(report.VerificationExceeded, report.VerificationReason, await FactsAsync(report, ct), report.Version);
    }

    /// <summary>Every condition of the report's sector with the reporter's answer, the desk's and who stated it.</summary>
    public Task<IReadOnlyList<VerificationFactView>> FactsAsync(Report report, CancellationToken ct = default) => FactsAsync(db, report, ct);

    internal static async Task<IReadOnlyList<VerificationFactView>> FactsAsync(RenkeiDbContext db, Report report, CancellationToken ct)
    {
        var conditions = VerificationConditions.OfSector(report.SectorCode);
        if (conditions.Count == 0)
        {
            return [];
        }
        var deskIds = report.DeskVerificationFacts.Select(f => f.StatedByOrganisationId).Distinct().ToList();
        var desks = deskIds.Count == 0 ? []
            : await db.Organisations.AsNoTracking().Where(o => deskIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.NameJa, o.NameEn), ct);
        return conditions.Select(c =>
        {
            var reporter = VerificationLevels.Reporter(report.Content, c.Code);
            var desk = report.DeskVerificationFacts.FirstOrDefault(f => f.Condition == c.Code && f.Answer != FactAnswer.Unknown);
            var name = desk is null ? default : desks.GetValueOrDefault(desk.StatedByOrganisationId);
            return new VerificationFactView(c.Code, c.QuestionJa, c.QuestionEn, reporter, desk?.Answer, desk?.StatedByOrganisationId, name.NameJa, name.NameEn,
                desk?.StatedAt, desk?.Answer ?? reporter);
        }).ToList();
    }

    /// <summary>The report's assessments, latest first.</summary>
    public async Task<List<AssessmentView>> HistoryAsync(VisibleReport report, CancellationToken ct = default) =>
        (await access.ReportAssessments(report).AsNoTracking().OrderByDescending(a => a.Number)
            .Select(a => new { Assessment = a, Desk = db.Organisations.Where(o => o.Id == a.AssessedByOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstOrDefault() })
            .ToListAsync(ct))
        .Select(row => View(row.Assessment) with { AssessedByNameJa = row.Desk?.NameJa, AssessedByNameEn = row.Desk?.NameEn })
        .ToList();

    public static bool CanAssess(Caller caller, Report report) =>
        Permissions.WorkReportDesk(caller) && report.State != ReportState.Draft
        && ReportRules.HeldHop(caller, report) is { Role: HopRole.Ministry or HopRole.NationalCentre };

    private static AssessmentView View(ReportAssessment a) =>
        new(a.Number, a.Continuity, a.Safety, a.Trust, a.Overall, a.Suggested, a.Reason, a.AssessedByOrganisationId, a.AssessedAt);
}
