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
    public static VerificationResult Evaluate(ReportContent content, IReadOnlyList<VerificationRule> rules)
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
            exceeded = And(exceeded, Conditions(content, conditions, parts));
        }
        return new VerificationResult(exceeded, string.Join("; ", parts), rule);
    }

    /// <summary>
    /// The qualitative conditions: met when the reporter answered one of them yes, not met when
    /// every one was answered no. An unknown or missing answer never counts as yes: it leaves the
    /// answer open and is named in the reason.
    /// </summary>
    private static bool? Conditions(ReportContent content, IReadOnlyList<VerificationCondition> conditions, List<string> parts)
    {
        var answers = conditions.Select(c => (c.Code, Answer: content.VerificationFacts.FirstOrDefault(f => f.Condition == c.Code)?.Answer ?? FactAnswer.Unknown)).ToList();
        foreach (var (code, answer) in answers)
        {
            parts.Add(answer switch
            {
                FactAnswer.Yes => $"{code}: yes",
                FactAnswer.No => $"{code}: no",
                _ => $"{code}: not stated (needs yes or no)",
            });
        }
        return answers.Any(a => a.Answer == FactAnswer.Yes) ? true
            : answers.Any(a => a.Answer == FactAnswer.Unknown) ? null
            : false;
    }

    /// <summary>Three-valued and: false wins, then open.</summary>
    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    /// <summary>The outage's length from its start and end when no duration was given.</summary>
    private static long? Minutes(ReportContent content) =>
        content.StartedAt is { } start && content.EndedAt is { } end ? (long)(end - start).TotalMinutes : null;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
