namespace Renkei.Reports;

/// <summary>Levels on NISC's scale, per perspective; the overall level is the highest.</summary>
public sealed record SeverityLevels(int Continuity, int Safety, int Trust)
{
    public int Overall => Math.Max(Continuity, Math.Max(Safety, Trust));
}

/// <summary>
/// A suggestion on NISC's 5-level scale (0 no impact … 4 extremely serious) from the impact
/// figures; an analyst confirms or overrides it. The rules are deliberately simple and shown:
/// <list type="bullet">
/// <item>Continuity — 4: ≥ 1,000,000 users, ≥ 1,000,000 kW or ≥ 100,000 households; 3: ≥ 100,000
/// users or kW, ≥ 10,000 households or ≥ 24 h; 2: beyond the verification level, ≥ 10,000 users,
/// ≥ 2 h, or any flight or train cancelled; 1: any other service outage; 0: no outage.</item>
/// <item>Safety — 1 when control systems (OT) are involved in an outage; otherwise left to the analyst.</item>
/// <item>Loss of trust — 2 for a data leak or theft of key information; 1 for tampering.</item>
/// </list>
/// </summary>
public static class SeverityAdvisor
{
    public static SeverityLevels Suggest(ReportContent content, bool? beyondVerificationLevel)
    {
        var i = content.Impact;
        var hours = (i.DurationMinutes ?? 0) / 60.0;
        var continuity = content.Kind != ReportKind.ServiceOutage ? 0
            : i.UsersAffected >= 1_000_000 || i.SupplyShortfallKw >= 1_000_000 || i.HouseholdsAffected >= 100_000 ? 4
            : i.UsersAffected >= 100_000 || i.SupplyShortfallKw >= 100_000 || i.HouseholdsAffected >= 10_000 || hours >= 24 ? 3
            : beyondVerificationLevel == true || i.UsersAffected >= 10_000 || hours >= 2 || i.FlightsCancelled > 0 || i.TrainsCancelled > 0 ? 2
            : 1;
        var safety = content.Kind == ReportKind.ServiceOutage && content.AffectedSystems.Contains(AffectedSystem.Ot) ? 1 : 0;
        var trust = content.ThreatExamples.Any(e => e is "data_leak" or "key_information_theft") ? 2
            : content.ThreatExamples.Contains("tampering") ? 1
            : 0;
        return new SeverityLevels(continuity, safety, trust);
    }
}
