using Renkei.Common;
using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

/// <summary>
/// The route rules are the seeds' (Reports/Data/routes.json): anonymisation only outside legal
/// obligation (000 l.1837–1847), the security agencies NICT, IPA and JPCERT/CC (000 l.1511,
/// 001 l.69), crime reports to the police and liaison requests to NPA and MOD (000 l.1811–1815).
/// </summary>
public sealed class RouteRulesTests
{
    private static ReportContent Content(ReportKind kind, bool legallyRequired) =>
        new() { Kind = kind, LegallyRequired = legallyRequired, SectorCode = "electricity" };

    [Fact]
    public void SecurityAgencies_AreTheSeedsList_IncludingNict()
    {
        RouteRules.Instance.SecurityAgencies.ShouldBe(["nict", "ipa", "jpcert"], ignoreOrder: true);
        RoutePlanner.SecurityAgencies.ShouldContain("nict");
    }

    [Theory]
    [InlineData(ReportRoute.Ceptoar)]
    [InlineData(ReportRoute.SecurityAgency)]
    public void Anonymity_LawObligedReportOnAnAnonymisedRoute_IsRefusedUnlessNamed(ReportRoute route)
    {
        var legal = Content(ReportKind.ServiceOutage, legallyRequired: true);
        var refused = RoutePlanner.Anonymity(route, legal, anonymise: null);
        refused.Ok.ShouldBeFalse();
        refused.Problem!.Errors!.Keys.ShouldBe(["anonymise"]);
        RoutePlanner.Anonymity(route, legal, anonymise: true).Ok.ShouldBeFalse();
        RoutePlanner.Anonymity(route, legal, anonymise: false).Value.ShouldBeFalse();

        RoutePlanner.Anonymity(route, Content(ReportKind.NearMiss, legallyRequired: false), anonymise: null).Value.ShouldBeTrue("near misses travel anonymised by default");
        RoutePlanner.Anonymity(route, Content(ReportKind.ServiceOutage, legallyRequired: false), anonymise: null).Value.ShouldBeTrue("so do reports outside legal obligation");
    }

    [Fact]
    public void HopRules_LawObligedViaCeptoar_ReachTheMinistryAtOnce_AllNamed()
    {
        var hops = RoutePlanner.HopRules(ReportRoute.Ceptoar, legallyRequired: true, anonymous: false);
        hops.Select(h => h.Role).ShouldBe([HopRole.Ministry, HopRole.NationalCentre, HopRole.Secretariat]);
        hops.ShouldAllBe(h => h.Disclosure != HopDisclosure.Anonymised);
        hops.Where(h => h.AtSubmission).Select(h => h.Role).ShouldBe([HopRole.Ministry, HopRole.Secretariat]);

        var anonymised = RoutePlanner.HopRules(ReportRoute.Ceptoar, legallyRequired: false, anonymous: true);
        anonymised.Select(h => (h.Role, h.Disclosure)).ShouldBe([(HopRole.Secretariat, HopDisclosure.Holder), (HopRole.Ministry, HopDisclosure.Anonymised), (HopRole.NationalCentre, HopDisclosure.Anonymised)]);
    }

    [Fact]
    public void Anonymity_MinistryRoute_CannotBeAnonymised()
    {
        RoutePlanner.Anonymity(ReportRoute.Ministry, Content(ReportKind.NearMiss, false), anonymise: true).Ok.ShouldBeFalse();
        RoutePlanner.Anonymity(ReportRoute.Emergency, Content(ReportKind.Attack, false), anonymise: null).Value.ShouldBeFalse();
    }

    [Fact]
    public void NearMiss_IsNeverLegallyRequired()
    {
        RouteRules.Instance.NeverLegallyRequired(ReportKind.NearMiss).ShouldBeTrue();
        RouteRules.Instance.NeverLegallyRequired(ReportKind.ServiceOutage).ShouldBeFalse();
    }

    [Fact]
    public void Referrals_CrimeReportsToThePolice_LiaisonRequestsToNpaAndMod()
    {
        var crime = RouteRules.Instance.Referral(ReferralKind.CrimeReport);
        crime.Agencies.ShouldBe(["npa"]);
        crime.MadeBy.ShouldContain(ReferralMaker.Reporter);
        var liaison = RouteRules.Instance.Referral(ReferralKind.LiaisonRequest);
        liaison.Agencies.ShouldBe(["npa", "mod"], ignoreOrder: true);
        liaison.MadeBy.ShouldBe([ReferralMaker.NationalCentre, ReferralMaker.Ministry], ignoreOrder: true);
    }

    [Fact]
    public void EveryRule_CitesTheSeeds()
    {
        var rules = RouteRules.Instance;
        rules.Anonymisation.Source.ShouldContain("seed 000");
        rules.Routes.ShouldAllBe(r => r.Source.Contains("seed"));
        rules.Referrals.ShouldAllBe(r => r.Source.Contains("seed") && r.NameJa.Length > 0 && r.NameEn.Length > 0);
        EnumText.Values<ReportRoute>().Count.ShouldBe(rules.Routes.Count);
    }
}
