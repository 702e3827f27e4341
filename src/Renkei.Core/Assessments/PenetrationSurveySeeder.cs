using System.Text.Json;

namespace Renkei.Assessments;

/// <summary>
/// Stores the shipped penetration-survey framework (浸透状況調査, Assessments/Data) at start-up
/// unless its version is there already, so NISC can open the year's campaign on the same items
/// every year (定点調査). A new edition of the survey is a new version in the data file.
/// </summary>
public sealed class PenetrationSurveySeeder(AssessmentService assessments)
{
    public const string Code = "nisc-penetration-survey";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static FrameworkDocument Load()
    {
        using var stream = typeof(PenetrationSurveySeeder).Assembly.GetManifestResourceStream("Renkei.Assessments.penetration-survey.json")
            ?? throw new InvalidDataException("penetration-survey.json is not embedded.");
        return JsonSerializer.Deserialize<FrameworkDocument>(stream, JsonOptions) ?? throw new InvalidDataException("penetration-survey.json is empty.");
    }

    public Task<AssessmentFramework> SeedAsync(CancellationToken ct = default) => assessments.EnsureAsync(Load(), ct);
}
