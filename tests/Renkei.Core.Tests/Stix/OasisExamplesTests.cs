using System.Text.Json;
using Renkei.Stix.Validation;
using Renkei.Testing;

namespace Renkei.Core.Tests.Stix;

/// <summary>The OASIS example bundles are valid STIX 2.1: our validator and the official schemas must agree.</summary>
public sealed class OasisExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        var root = RepositoryFiles.Path("tests", "data", "stix2-json-schemas", "examples");
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Fact]
    public void Examples_AreThere() => Examples().Count.ShouldBeGreaterThanOrEqualTo(8);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Validate_OasisExample_HasNoErrors(string example)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Example(example)));
        var result = StixBundleValidator.Validate(document.RootElement);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task OasisSchemas_OasisExample_HasNoErrors(string example)
    {
        var errors = await OasisStixSchemas.ValidateAsync(File.ReadAllText(Example(example)));
        errors.ShouldBeEmpty(string.Join("\n", errors));
    }

    private static string Example(string relative) =>
        RepositoryFiles.Path("tests", "data", "stix2-json-schemas", "examples", relative);
}
