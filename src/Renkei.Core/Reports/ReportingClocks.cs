namespace Renkei.Reports;

public enum ClockStatus
{
    /// <summary>Not yet due.</summary>
    Pending,
    /// <summary>Filed in time.</summary>
    Met,
    /// <summary>Filed after the deadline.</summary>
    Late,
    /// <summary>Due and not filed.</summary>
    Overdue,
}

public sealed record ClockView(ReportStage Stage, DateTime DueAt, DateTime? DoneAt, ClockStatus Status, string RuleCode, string DescriptionJa, string DescriptionEn);

/// <summary>
/// Reporting clocks from the deadline rules: the most specific rule for the report's kind and
/// route wins (kind and route, then route, then kind, then any), counted from awareness (or,
/// without it, from when the report was created).
/// </summary>
public static class ReportingClocks
{
    public static DeadlineRule? RuleFor(IReadOnlyList<DeadlineRule> rules, ReportKind kind, ReportRoute route, ReportStage stage) =>
        rules.Where(r => r.Stage == stage && (r.Kind is null || r.Kind == kind) && (r.Route is null || r.Route == route))
            .OrderByDescending(r => (r.Kind is null ? 0 : 1) + (r.Route is null ? 0 : 2))
            .ThenBy(r => r.Hours)
            .FirstOrDefault();

    public static DateTime? DueAt(IReadOnlyList<DeadlineRule> rules, Report report, ReportStage stage) =>
        RuleFor(rules, report.Kind, report.Route, stage) is { } rule ? (report.AwareAt ?? report.CreatedAt).AddHours(rule.Hours) : null;

    public static List<ClockView> Clocks(IReadOnlyList<DeadlineRule> rules, Report report, DateTime now)
    {
        var clocks = new List<ClockView>();
        foreach (var (stage, done) in new[] { (ReportStage.First, report.SubmittedAt), (ReportStage.Final, report.FinalAt) })
        {
            if (RuleFor(rules, report.Kind, report.Route, stage) is not { } rule)
            {
                continue;
            }
            var due = (report.AwareAt ?? report.CreatedAt).AddHours(rule.Hours);
            var status = done is { } d ? (d <= due ? ClockStatus.Met : ClockStatus.Late) : now > due ? ClockStatus.Overdue : ClockStatus.Pending;
            clocks.Add(new ClockView(stage, due, done, status, rule.Code, rule.DescriptionJa, rule.DescriptionEn));
        }
        return clocks;
    }
}
