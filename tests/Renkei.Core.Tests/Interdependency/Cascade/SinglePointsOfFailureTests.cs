using Renkei.Interdependency.Cascade;
using static Renkei.Core.Tests.Interdependency.Cascade.Graphs;

namespace Renkei.Core.Tests.Interdependency.Cascade;

public sealed class SinglePointsOfFailureTests
{
    // power serves the hospital and the bank; telecom the bank; water a third of the hospital;
    // the data centre serves the bank through a 4-hour UPS, so a 2-hour outage does not reach it.
    private static readonly CascadeGraph Graph = Build(
        [Node("power", 10), Node("telecom"), Node("water"), Node("dc"), Node("hospital", 1000), Node("bank", 500), Node("clinic", 20)],
        [
            Needs("hospital", "power"), Needs("bank", "power", 0.5), Needs("bank", "telecom", 0.5), Needs("hospital", "water", 0.3),
            Needs("bank", "dc", backup: 4), Needs("clinic", "hospital", 0.2, backup: 1),
        ]);

    [Fact]
    public void Rank_SmallGraph_OrdersByServicesThenPopulation()
    {
        var ranking = Graph.RankSinglePointsOfFailure(new SpofOptions(OutageSteps: 2, Steps: 10)).Value!;

        ranking.Exact.ShouldBeTrue();
        ranking.Candidates.ShouldBe(5);
        ranking.Entries.Select(e => (e.NodeId, e.AffectedServices, e.FailedServices, e.PopulationAffected)).ShouldBe([
            ("power", 3, 1, 1520L),
            ("water", 2, 0, 1020L),
            ("telecom", 1, 0, 500L),
            ("hospital", 1, 0, 20L),
            ("dc", 0, 0, 0L),
        ]);
    }

    [Fact]
    public void Rank_ByPopulation_PutsTheWidestReachFirst()
    {
        var ranking = Graph.RankSinglePointsOfFailure(new SpofOptions(OutageSteps: 6, Top: 3, OrderBy: SpofOrder.Population)).Value!;

        // Past its 4-hour UPS the data centre fails the bank: same reach as telecom, but a failure, so it ranks first.
        ranking.Entries.Select(e => e.NodeId).ShouldBe(["power", "water", "dc"]);
        ranking.Entries[0].OwnPopulation.ShouldBe(10);
        ranking.Entries.Select(e => e.Rank).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Rank_MoreProvidersThanCandidates_IsMarkedInexact()
    {
        var ranking = Graph.RankSinglePointsOfFailure(new SpofOptions(OutageSteps: 2, MaxCandidates: 2)).Value!;

        ranking.Exact.ShouldBeFalse();
        ranking.Candidates.ShouldBe(2);
        ranking.Entries[0].NodeId.ShouldBe("power");
    }
}
