using Renkei.ReferenceData;

namespace Renkei.Core.Tests.ReferenceData;

public sealed class ReferenceDataFilesTests
{
    [Fact]
    public void Load_FilesAreConsistent_AndCoverTheMap()
    {
        var files = ReferenceDataFiles.Load();
        files.Sectors.Select(s => s.Code).ShouldBe(["telecom", "finance", "aviation", "airports", "railways", "electricity", "gas", "government", "medical", "water", "logistics", "chemicals", "credit", "petroleum", "ports"]);
        files.Sectors.Select(s => s.Ministry).Distinct().Order().ShouldBe(["fsa", "meti", "mhlw", "mic", "mlit"]);
        files.Ceptoars.Count.ShouldBe(20);
        files.FiguresAsOf.ShouldBe(new DateOnly(2023, 9, 30));
        // Published member totals of the 2023 map (のべ数): companies across all CEPTOARs.
        files.Ceptoars.SelectMany(c => c.Figures).Where(f => f.Unit == Renkei.Directory.MemberUnit.Companies).Sum(f => f.Count)
            .ShouldBe(27 + 306 + 194 + 1276 + 280 + 42 + 47 + 193 + 14 + 8 + 22 + 24 + 12 + 17 + 13 + 51 + 11);
        foreach (var code in new[] { "nisc", "npa", "mod", "cao", "digital-agency", "nict", "ipa", "jpcert" })
        {
            files.Organisations.ShouldContain(o => o.Code == code, code);
        }
        foreach (var name in new[] { "ICT-ISAC", "金融ISAC", "電力ISAC", "交通ISAC", "サイバーテロ対策協議会", "セプターカウンシル", "金融CEPTOAR連絡協議会" })
        {
            files.Communities.ShouldContain(c => c.NameJa.Contains(name, StringComparison.Ordinal), name);
        }
        files.Communities.Single(c => c.Code == "j-csip").NameJa.ShouldContain("J-CSIP");
    }
}
