using System.Globalization;

namespace Renkei.Reports;

/// <summary>The outcome of checking one report against its sector's verification level.</summary>
public sealed record VerificationResult(bool? Exceeded, string Reason, VerificationRule? Rule);

/// <summary>
/// Whether an outage went beyond its sector's verification level (検証レベル). Only IT failures
/// count (cyber attacks and unintentional causes; not disasters or spill-over), and only service
/// outages. Every threshold a rule sets must be reached; a missing figure leaves the answer open.
/// </summary>
public static class VerificationLevels
{
    public static VerificationResult Evaluate(ReportContent content, IReadOnlyList<VerificationRule> rules)
    {
        if (content.Kind != ReportKind.ServiceOutage)
        {
            return new VerificationResult(null, "not a service outage", null);
        }
        if (content.ThreatCategory is not ("cyber_attack" or "unintentional"))
        {
            return new VerificationResult(null, "not an IT failure (disaster or spill-over)", null);
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
        if (rule.AnyOutage)
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
        return new VerificationResult(exceeded, string.Join("; ", parts), rule);
    }

    /// <summary>The outage's length from its start and end when no duration was given.</summary>
    private static long? Minutes(ReportContent content) =>
        content.StartedAt is { } start && content.EndedAt is { } end ? (long)(end - start).TotalMinutes : null;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
