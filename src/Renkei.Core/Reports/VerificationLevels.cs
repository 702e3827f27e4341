using System.Globalization;

namespace Renkei.Reports;

/// <summary>The outcome of checking one report against its sector's verification level.</summary>
public sealed record VerificationResult(bool? Exceeded, string Reason, VerificationRule? Rule);

/// <summary>
/// Whether an outage went beyond its sector's verification level (検証レベル). Only service
/// outages count. Every threshold a rule sets must be reached; a missing figure leaves the answer
/// open. Whatever the threat category: seed 004 (lines 1438-1440) defines an IT failure (IT障害)
/// by its mechanism (an outage that a malfunction of IT brings about), and seed 002 (lines
/// 808-819, 866-900) lists disasters and spill-over among the threats that cause IT failures, so
/// they count as much as cyber attacks and unintentional causes.
/// </summary>
public static class VerificationLevels
{
    public static VerificationResult Evaluate(ReportContent content, IReadOnlyList<VerificationRule> rules) => Evaluate(content, rules, []);

    /// <summary>
    /// As above, with the facts the desk stated: a desk's yes or no overrides the reporter's answer
    /// to the same condition, and the reason says who stated what.
    /// </summary>
    public static VerificationResult Evaluate(ReportContent content, IReadOnlyList<VerificationRule> rules, IReadOnlyList<DeskVerificationFact> desk)
    {
        if (content.Kind != ReportKind.ServiceOutage)
        {
            return new VerificationResult(null, "not a service outage", null);
        }
        var candidates = rules.Where(r => r.SectorCode == content.SectorCode).ToList();
        var rule = candidates.FirstOrDefault(r => content.BusinessScopeCode is not null && r.ScopeList.Contains(content.BusinessScopeCode))
            ?? candidates.FirstOrDefault(r => r.ScopeList.Count == 0);
        if (rule is null)
        {
            return candidates.Count > 0 && content.BusinessScopeCode is null
                ? new VerificationResult(null, "the business scope is needed to choose the sector's verification level", null)
                : new VerificationResult(null, "no verification level is defined for this sector or business scope", null);
        }
        var conditions = VerificationConditions.For(rule.Code);
        if (rule.AnyOutage && conditions.Count == 0)
        {
            return new VerificationResult(true, "any outage of this service counts", rule);
        }

        var impact = content.Impact;
        var checks = new List<(string Label, long? Actual, long? Minimum)>
        {
            ("users", impact.UsersAffected, rule.MinUsers),
            ("minutes", impact.DurationMinutes ?? Minutes(content), rule.MinDurationMinutes),
            ("kW", impact.SupplyShortfallKw, rule.MinKw),
            ("households", impact.HouseholdsAffected, rule.MinHouseholds),
            ("flights cancelled", impact.FlightsCancelled, rule.MinFlightsCancelled),
            ("trains cancelled", impact.TrainsCancelled, rule.MinTrainsCancelled),
        };
        var parts = new List<string>();
        bool? exceeded = true;
        foreach (var (label, actual, minimum) in checks.Where(c => c.Minimum is not null))
        {
            if (actual is null)
            {
                parts.Add($"{label}: not reported (needs ≥ {N(minimum!.Value)})");
                exceeded = exceeded == false ? false : null;
                continue;
            }
            var met = actual >= minimum;
            parts.Add($"{label}: {N(actual.Value)} {(met ? "≥" : "<")} {N(minimum!.Value)}");
            if (!met)
            {
                exceeded = false;
            }
        }
        if (conditions.Count > 0)
        {
            exceeded = And(exceeded, Conditions(content, desk, conditions, parts));
        }
        return new VerificationResult(exceeded, string.Join("; ", parts), rule);
    }

    /// <summary>
    /// The qualitative conditions: met when one of them is answered yes, not met when every one is
    /// answered no. The desk's answer, when it stated one, counts over the reporter's. An unknown
    /// or missing answer never counts as yes: it leaves the answer open and is named in the reason.
    /// </summary>
    private static bool? Conditions(ReportContent content, IReadOnlyList<DeskVerificationFact> desk, IReadOnlyList<VerificationCondition> conditions, List<string> parts)
    {
        var answers = new List<FactAnswer>();
        foreach (var c in conditions)
        {
            var reporter = Reporter(content, c.Code);
            var stated = Desk(desk, c.Code);
            var answer = stated ?? reporter;
            answers.Add(answer);
            var text = answer switch
            {
                FactAnswer.Yes => $"{c.Code}: yes",
                FactAnswer.No => $"{c.Code}: no",
                _ => $"{c.Code}: not stated (needs yes or no)",
            };
            if (stated is not null)
            {
                text += $" (stated by the desk; the reporter: {Word(reporter)})";
            }
            parts.Add(text);
        }
        return answers.Any(a => a == FactAnswer.Yes) ? true
            : answers.Any(a => a == FactAnswer.Unknown) ? null
            : false;
    }

    /// <summary>The reporter's answer to a condition (unknown when not given).</summary>
    public static FactAnswer Reporter(ReportContent content, string condition) =>
        content.VerificationFacts.FirstOrDefault(f => f.Condition == condition)?.Answer ?? FactAnswer.Unknown;

    /// <summary>The desk's answer to a condition; null when the desk stated none (or withdrew it).</summary>
    public static FactAnswer? Desk(IReadOnlyList<DeskVerificationFact> desk, string condition) =>
        desk.FirstOrDefault(f => f.Condition == condition && f.Answer != FactAnswer.Unknown)?.Answer;

    private static string Word(FactAnswer answer) => answer switch { FactAnswer.Yes => "yes", FactAnswer.No => "no", _ => "not stated" };

    /// <summary>Three-valued and: false wins, then open.</summary>
    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    /// <summary>The outage's length from its start and end when no duration was given.</summary>
    private static long? Minutes(ReportContent content) =>
        content.StartedAt is { } start && content.EndedAt is { } end ? (long)(end - start).TotalMinutes : null;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
