using System.Text;
using System.Text.Json;
using Renkei.Common;
using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

public sealed class SectorMatrixDocumentTests
{
    [Fact]
    public void Load_ValidDocument_KeepsOptionalFieldsAndIgnoresOthers()
    {
        const string json = """
            { "version": 3, "name": "test", "timeUnit": "day", "sectors": ["a", "b"], "labels": ["A", "B"],
              "matrix": [[0, 0.8], [0.2, 0]], "outputs": [10, 20], "recoveryTimes": [5, 6], "provenance": { "any": 1 } }
            """;

        var matrix = SectorMatrixDocument.Load(json).Value!;

        matrix.Input.Version.ShouldBe(3);
        matrix.Input.Labels.ShouldBe(["A", "B"]);
        matrix.Input.Outputs.ShouldBe([10.0, 20.0]);
        matrix[0, 1].ShouldBe(0.8);
    }

    [Fact]
    public void Load_SerialisedInput_RoundTrips()
    {
        var original = DefaultSectorMatrix.Instance.Matrix;
        var json = JsonSerializer.Serialize(original.Input, JsonSerializerOptions.Web);

        var copy = SectorMatrixDocument.Load(json, SectorCodes.Known).Value!;

        json.ShouldContain("\"recoveryTimes\"");
        copy.Sectors.ShouldBe(original.Sectors);
        copy.Input.Matrix.SelectMany(r => r).ShouldBe(original.Input.Matrix.SelectMany(r => r));
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("1e999")]
    public void Load_NonNumericCoefficient_NamesThePlaceAndTheValue(string cell)
    {
        var json = $$"""{ "sectors": ["a", "b"], "matrix": [[0, 0], [{{cell}}, 0]] }""";

        var reason = Matrices.Field(SectorMatrixDocument.Load(json).Problem, "matrix[1][0]").Single();

        reason.ShouldContain("Row 2 (b), column 1 (a)");
        reason.ShouldContain(cell);
    }

    [Fact]
    public void Load_RowThatIsNotAList_NamesTheRow()
    {
        Matrices.Field(SectorMatrixDocument.Load("""{ "sectors": ["a"], "matrix": [5] }""").Problem, "matrix[0]").ShouldNotBeEmpty();
    }

    [Fact]
    public void Load_MissingFields_NameEach()
    {
        var problem = SectorMatrixDocument.Load("{}").Problem;

        Matrices.Field(problem, "sectors").Single().ShouldContain("required");
        Matrices.Field(problem, "matrix").Single().ShouldContain("required");
    }

    [Fact]
    public void Load_NonNumericOutput_NamesTheSector()
    {
        var problem = SectorMatrixDocument.Load("""{ "sectors": ["a"], "matrix": [[0]], "outputs": ["lots"] }""").Problem;

        Matrices.Field(problem, "outputs[0]").Single().ShouldContain("1 (a)");
    }

    [Fact]
    public void Load_BrokenJson_SaysWhere()
    {
        var problem = SectorMatrixDocument.Load("{ \"sectors\": [\"a\"],\n  \"matrix\": [[0,]] }").Problem;

        Matrices.Field(problem, "document").Single().ShouldContain("line 2");
    }

    [Fact]
    public void Load_DocumentOverTheSizeCap_IsTooLarge()
    {
        var json = "{ \"name\": \"" + new string('x', SectorMatrixDocument.MaxBytes) + "\" }";

        var problem = SectorMatrixDocument.Load(json).Problem!;

        problem.Kind.ShouldBe(ProblemKind.TooLarge);
        problem.Errors!["document"].Single().ShouldContain("2 MiB");
    }

    [Fact]
    public void Load_StreamOverTheSizeCap_StopsReadingAndIsTooLarge()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', SectorMatrixDocument.MaxBytes + 10)));

        SectorMatrixDocument.Load(stream).Problem!.Kind.ShouldBe(ProblemKind.TooLarge);
    }

    [Fact]
    public void Load_ArrayInsteadOfObject_SaysWhatIsExpected()
    {
        Matrices.Field(SectorMatrixDocument.Load("[[0]]").Problem, "document").ShouldNotBeEmpty();
    }

    [Fact]
    public void Load_UnknownSectorWhenCodesAreChecked_NamesTheSector()
    {
        var problem = SectorMatrixDocument.Load("""{ "sectors": ["telecom", "space"], "matrix": [[0, 0], [0, 0]] }""", SectorCodes.Known).Problem;

        Matrices.Field(problem, "sectors[1]").Single().ShouldContain("'space'");
    }
}
