using AngleSharp.Html.Parser;
using Renkei.Testing;

namespace Renkei.Web.Tests.Directory;

/// <summary>The CEPTOAR councils as the seeds draw them (seed 000 l.2339–2370, 001 l.348–363).</summary>
public sealed class CouncilPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CeptoarCouncilPage_ShowsBodiesAndObservers_WithSeedCitations()
    {
        var html = await app.Admin().GetStringAsync("/Directory/Communities/ceptoar-council");
        var section = new HtmlParser().ParseDocument(html).QuerySelector("#council-structure");
        section.ShouldNotBeNull("the council's structure is shown in the directory");
        section.QuerySelectorAll(".bodies li").Select(li => li.TextContent).ShouldSatisfyAllConditions(
            b => b.Count().ShouldBe(3),
            b => b.First().ShouldContain("総会"),
            b => b.First().ShouldContain("seed 000 l.2365"));
        var observers = section.QuerySelectorAll(".observers li").Select(li => li.TextContent).ToList();
        observers.Count.ShouldBe(14);
        observers.ShouldContain(o => o.Contains("日本銀行") && o.Contains("seed 000 l.2347"));
        observers.ShouldContain(o => o.Contains("JPCERT"));
    }

    [Fact]
    public async Task FinanceCeptoarCouncilPage_NamesNoSecretariat_AndGroupsTheFiveCeptoars()
    {
        var document = new HtmlParser().ParseDocument(await app.Admin().GetStringAsync("/Directory/Communities/finance-ceptoar-council"));
        var facts = document.QuerySelector("dl.facts")!;
        facts.QuerySelectorAll("dd a[href^='/Directory/Organisations/']").ShouldBeEmpty("the seeds name no secretariat for 金融CEPTOAR連絡協議会");
        document.QuerySelectorAll("#council-structure .member-ceptoars a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/Directory/Ceptoars/banking", "/Directory/Ceptoars/securities", "/Directory/Ceptoars/life-insurance", "/Directory/Ceptoars/non-life-insurance", "/Directory/Ceptoars/funds-settlement"]);
    }
}
