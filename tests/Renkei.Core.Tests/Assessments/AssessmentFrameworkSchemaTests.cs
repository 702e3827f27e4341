using System.Diagnostics;
using System.Text.Json;
using Renkei.Assessments;
using Renkei.Testing;

namespace Renkei.Core.Tests.Assessments;

/// <summary>
/// docs/schemas/assessment-framework.schema.json describes the framework document the import takes
/// and the export gives: the shipped survey and its export conform (checked by an independent
/// validator, Debian's python3-jsonschema), and a broken document is refused at its place.
/// </summary>
public sealed class AssessmentFrameworkSchemaTests : IDisposable
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("renkei-framework-schema-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private static async Task<(int Code, string Output)> CheckAsync(string document)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "check_schema.py"));
        start.ArgumentList.Add(RepositoryFiles.Path("docs", "schemas", "assessment-framework.schema.json"));
        start.ArgumentList.Add(document);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private async Task<string> WriteAsync(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    [Fact]
    public async Task ShippedSurvey_AndItsExport_Conform()
    {
        var (code, output) = await CheckAsync(RepositoryFiles.Path("src", "Renkei.Core", "Assessments", "Data", "penetration-survey.json"));
        code.ShouldBe(0, "the shipped survey does not conform (python3-jsonschema, which ./scripts/test.sh installs):\n" + output);

        // The export (GET /frameworks/{id}) writes nulls for what an item lacks; the schema takes those too.
        var exported = FrameworkDocuments.ToDocument(FrameworkDocuments.Build(PenetrationSurveySeeder.Load(), i => $"items[{i}].").Value!);
        var path = await WriteAsync("export.json", JsonSerializer.Serialize(exported, WebJson));
        (code, output) = await CheckAsync(path);
        code.ShouldBe(0, output);
    }

    [Fact]
    public async Task BrokenDocument_IsRefused_AtEachPlace()
    {
        var path = await WriteAsync("broken.json", """
            {
              "code": "x", "version": 0, "titleJa": "調査", "titleEn": "Survey", "kind": "poll",
              "items": [
                { "code": "A", "textJa": "a", "textEn": "a", "answerType": "choice", "choices": [{ "code": "only", "labelJa": "唯一", "labelEn": "Only" }] },
                { "code": "B", "textJa": "b", "textEn": "b", "answerType": "colour" },
                { "code": "C", "textJa": "c", "textEn": "c", "answerType": "yes_no_partly", "scores": { "maybe": 1 }, "colour": "red" }
              ]
            }
            """);
        var (code, output) = await CheckAsync(path);
        code.ShouldBe(1, output);
        output.ShouldContain("version :");
        output.ShouldContain("kind :");
        output.ShouldContain("items/0/choices :");
        output.ShouldContain("items/1/answerType :");
        output.ShouldContain("items/2 :");
        output.ShouldContain("items/2/scores :");
    }
}
