using System.Text.Json;

namespace Renkei.Reports;

/// <summary>The verification levels and reporting clocks shipped as data files.</summary>
public static class ReportRuleFiles
{
    public sealed record VerificationSeed(
        string Code, string Sector, IReadOnlyList<string>? Scopes, string DescriptionJa, string DescriptionEn, bool AnyOutage,
        long? MinUsers, int? MinDurationMinutes, long? MinKw, long? MinHouseholds, int? MinFlightsCancelled, int? MinTrainsCancelled,
        IReadOnlyList<VerificationCondition>? Conditions = null);

    public sealed record DeadlineSeed(string Code, ReportKind? Kind, ReportRoute? Route, ReportStage Stage, int Hours, string DescriptionJa, string DescriptionEn);

    private sealed record VerificationFile(IReadOnlyList<VerificationSeed> Rules);

    private sealed record DeadlineFile(IReadOnlyList<DeadlineSeed> Rules);

    public static IReadOnlyList<VerificationSeed> VerificationLevels() => Read<VerificationFile>("verification-levels.json").Rules;

    public static IReadOnlyList<DeadlineSeed> Deadlines() => Read<DeadlineFile>("reporting-deadlines.json").Rules;

    private static T Read<T>(string name)
    {
        using var stream = typeof(ReportRuleFiles).Assembly.GetManifestResourceStream("Renkei.Reports." + name)
            ?? throw new InvalidDataException($"{name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, ReportJson.Options) ?? throw new InvalidDataException($"{name} is empty.");
    }
}
