namespace Renkei.Reports;

/// <summary>
/// A qualitative test of a verification level ("recovery not within the time that keeps residents
/// safe", "supply impeded", "records preservation impaired"): a question the reporter answers.
/// </summary>
public sealed record VerificationCondition(string Code, string QuestionJa, string QuestionEn, string? Seed = null);

/// <summary>The reporter's answer to a <see cref="VerificationCondition"/>.</summary>
public enum FactAnswer
{
    Unknown,
    Yes,
    No,
}

/// <summary>One stated fact: the condition's code and the answer.</summary>
public sealed record VerificationFact(string Condition, FactAnswer Answer);

/// <summary>
/// A fact the desk (the ministry in charge or NISC, reviewing the report) stated or corrected:
/// it overrides the reporter's answer to the same condition in the evaluation; both are kept.
/// </summary>
public sealed record DeskVerificationFact(string Condition, FactAnswer Answer, Guid StatedByOrganisationId, Guid StatedByUserId, DateTime StatedAt);

/// <summary>A condition with the reporter's answer, the desk's (if any) and the one that counts.</summary>
public sealed record VerificationFactView(string Condition, string QuestionJa, string QuestionEn, FactAnswer Reporter, FactAnswer? Desk,
    Guid? DeskOrganisationId, string? DeskNameJa, string? DeskNameEn, DateTime? DeskStatedAt, FactAnswer Effective);

/// <summary>
/// The qualitative conditions of the verification levels, read by rule code from
/// verification-levels.json (admins edit a rule's wording and thresholds; its conditions are the
/// seed's and travel with the data file).
/// </summary>
public static class VerificationConditions
{
    private static readonly Dictionary<string, IReadOnlyList<VerificationCondition>> ByRule =
        ReportRuleFiles.VerificationLevels().Where(r => r.Conditions is { Count: > 0 }).ToDictionary(r => r.Code, r => r.Conditions!, StringComparer.Ordinal);

    /// <summary>Every condition, with the sector of its rule, in file order.</summary>
    public static IReadOnlyList<(string Sector, string RuleCode, VerificationCondition Condition)> All { get; } =
        ReportRuleFiles.VerificationLevels().SelectMany(r => (r.Conditions ?? []).Select(c => (r.Sector, r.Code, c))).ToList();

    public static IReadOnlyList<VerificationCondition> For(string? ruleCode) =>
        ruleCode is not null && ByRule.TryGetValue(ruleCode, out var conditions) ? conditions : [];

    public static VerificationCondition? Find(string? code) => All.FirstOrDefault(c => c.Condition.Code == code).Condition;

    /// <summary>The conditions of a sector's rules (the ones a reporter of that sector answers).</summary>
    public static IReadOnlyList<VerificationCondition> OfSector(string? sector) =>
        All.Where(c => c.Sector == sector).Select(c => c.Condition).ToList();
}
