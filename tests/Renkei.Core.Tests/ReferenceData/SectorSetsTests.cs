using Renkei.ReferenceData;

namespace Renkei.Core.Tests.ReferenceData;

/// <summary>The dated sector sets (sector-sets.json) and the 2016 CEPTOAR map (seed 000 l.2441–2709).</summary>
public sealed class SectorSetsTests
{
    private const string TenSectors = "\"telecom\", \"finance\", \"aviation\", \"railways\", \"electricity\", \"gas\", \"government\", \"medical\", \"water\", \"logistics\"";
    private const string Current = TenSectors + ", \"airports\", \"chemicals\", \"credit\", \"petroleum\", \"ports\"";

    private static string Sets(string oldSectors, string mapped = "[]", string newest = Current) => $$"""
        { "sets": [
          { "code": "old", "fromFiscalYear": 2006, "planJa": "p", "planEn": "p", "source": "s", "noteJa": "n", "noteEn": "n", "sectors": [ {{oldSectors}} ], "mapped": {{mapped}} },
          { "code": "new", "fromFiscalYear": 2023, "planJa": "p", "planEn": "p", "source": "s", "noteJa": "n", "noteEn": "n", "sectors": [ {{newest}} ], "mapped": [] } ] }
        """;

    [Fact]
    public void For_FiscalYear_GivesThatYearsSectors_10_13_14_15()
    {
        SectorSets.All.Select(s => (s.Code, s.Sectors.Count)).ShouldBe([("2008", 10), ("2016", 13), ("2022", 14), ("2023", 15)]);
        SectorSets.For(2008).Sectors.Count.ShouldBe(10);
        SectorSets.For(2003).Code.ShouldBe("2008", "years before the first set use the first set");
        SectorSets.For(2016).Sectors.Count.ShouldBe(13);
        SectorSets.For(2019).Code.ShouldBe("2016");
        SectorSets.For(2022).Sectors.Count.ShouldBe(14);
        SectorSets.For(2022).Sectors.ShouldNotContain("ports");
        SectorSets.For(2023).Sectors.Count.ShouldBe(15);
        SectorSets.For(2030).ShouldBe(SectorSets.Current);
        SectorSets.For(2016).Sectors.ShouldNotContain("airports");
        SectorSets.For(2016).SectorFor("airports").ShouldBe("aviation", "a report filed under the later split-off code counts under the sector as it was");
        SectorSets.For(2016).SectorFor("ports").ShouldBeNull("ports did not exist yet");
        SectorSets.For(2008).SectorFor("chemicals").ShouldBeNull();
        SectorSets.All.ShouldAllBe(s => s.Source.Length > 0, "every set cites its source");
        SectorSets.ByCode("2022")!.Source.ShouldContain("The seeds do not list the 2022 sectors");
    }

    [Fact]
    public void Load_SetNamingAnUnknownSector_IsRefused()
    {
        var ex = Should.Throw<InvalidDataException>(() => ReferenceDataFiles.Load(Sets(TenSectors + ", \"harbours\"")));
        ex.Message.ShouldContain("sector set 'old' names unknown sector 'harbours'");
    }

    [Fact]
    public void Load_MappingOutOfTheSet_OrNewestSetUnlikeTodaysSectors_IsRefused()
    {
        Should.Throw<InvalidDataException>(() => ReferenceDataFiles.Load(Sets(TenSectors, """[ { "from": "airports", "to": "ports", "source": "x" } ]""")))
            .Message.ShouldContain("maps 'airports' to 'ports', which is not in the set");
        Should.Throw<InvalidDataException>(() => ReferenceDataFiles.Load(Sets(TenSectors, newest: TenSectors)))
            .Message.ShouldContain("does not list exactly the sectors of sectors.json");
        SectorSets.Validate(SectorSets.All, ReferenceDataFiles.Load().Sectors.Select(s => s.Code).ToList()).ShouldBeEmpty("the shipped sets are valid");
    }

    [Fact]
    public void CeptoarMap2016_IsTheSeedsMap_BesideThe2023Map()
    {
        CeptoarMaps.All.Select(m => m.Year).ShouldBe([2016, 2023]);
        var map = CeptoarMaps.For(2016)!;
        map.AsOf.ShouldBe(new DateOnly(2016, 9, 30));
        map.SectorSet.ShouldBe("2016");
        map.Entries.Count.ShouldBe(18);
        map.Entries.Select(e => e.Sector).Distinct().Count().ShouldBe(13);
        map.Entries.ShouldNotContain(e => e.Ceptoar == "funds-settlement" || e.Ceptoar == "airports", "neither is on the 2016 map (seed 000 l.2449)");
        map.Entries.Single(e => e.Ceptoar == "t-ceptoar").MembersJa.ShouldBe("24社・団体");
        map.Entries.Single(e => e.Ceptoar == "banking").MembersEarlierJa.ShouldBe("1,411社");
        map.Entries.Single(e => e.Ceptoar == "electricity").Secretariats.Single().NameJa.ShouldBe("電気事業連合会");
        map.Entries.Single(e => e.Ceptoar == "medical").Secretariats.Single().Organisation.ShouldBe("mhlw");
        map.ExtraRecipients!.FiguresJa.Count.ShouldBe(4);
        var current = CeptoarMaps.For(2023)!;
        current.Entries.Count.ShouldBe(20);
        current.Entries.Single(e => e.Ceptoar == "t-ceptoar").MembersJa.ShouldBe("27社 1団体");
        current.Entries.Single(e => e.Ceptoar == "local-government").MembersEn.ShouldBe("47 prefectures, 1,741 municipalities");
    }
}
