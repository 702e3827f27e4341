using System.Text;
using Renkei.Directory.Csv;

namespace Renkei.Core.Tests.Directory;

public sealed class CsvFileTests
{
    private static readonly string[] Allowed = ["a", "b", "c"];
    private static readonly string[] Required = ["a"];

    private static List<CsvRow> Read(string text) => CsvFile.Read(Encoding.UTF8.GetBytes(text), Allowed, Required);

    [Fact]
    public void Read_QuotedCommasNewlinesAndBom_LinesPointAtTheRecordStart()
    {
        var rows = Read("\uFEFFA,b\n\"x, y\",1\n\"multi\nline\",2\n\nz,3\n");
        rows.Select(r => r.Line).ShouldBe([2, 3, 6]);
        rows[0].Get("a").ShouldBe("x, y");
        rows[1].Get("a").ShouldBe("multi\nline");
        rows[2].Get("b").ShouldBe("3");
    }

    [Fact]
    public void Read_UnknownMissingAndRepeatedColumns_RefuseTheFile()
    {
        Should.Throw<CsvFileException>(() => Read("b,d\n1,2\n")).Message.ShouldBe(
            "The header row does not match the format (missing columns: a; unknown columns: d). Expected columns: a, b, c.");
        Should.Throw<CsvFileException>(() => Read("a,a\n1,2\n")).Message.ShouldContain("repeated columns: a");
    }

    [Fact]
    public void Read_ExtraCells_AreMarkedOnTheRow()
    {
        var rows = Read("a,b\n1,2,3\n");
        rows[0].Has("__extra").ShouldBeTrue();
    }

    [Fact]
    public void Read_InvalidUtf8AndEmpty_RefuseTheFile()
    {
        Should.Throw<CsvFileException>(() => CsvFile.Read([0x61, 0x0A, 0xFF, 0xFE], Allowed, Required)).Message.ShouldContain("UTF-8");
        Should.Throw<CsvFileException>(() => Read("")).Message.ShouldContain("empty");
    }

    [Fact]
    public void Write_DefusesSpreadsheetFormulas_ButNotNumbers()
    {
        var bytes = CsvFile.Write(["a", "b"], [["=HYPERLINK(\"http://x\")", "-5"], ["+cmd", "@sum"]]);
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        text.ShouldContain("'=HYPERLINK");
        text.ShouldContain(",-5");
        text.ShouldContain("'+cmd");
        text.ShouldContain("'@sum");
    }
}
