using Renkei.Interdependency.Cascade;
using static Renkei.Core.Tests.Interdependency.Cascade.Graphs;

namespace Renkei.Core.Tests.Interdependency.Cascade;

/// <summary>
/// The recorded cause is a rule on the state of the step (what weighs most, then the provider that
/// first degraded earliest, then the smaller id), so the same graph listed in another order gives
/// the same outcomes, events and causes.
/// </summary>
public sealed class CascadeCauseTests
{
    [Fact]
    public void Simulate_ProvidersWeighingTheSame_BlamesTheOneThatDegradedFirst()
    {
        // x loses half through each; "zeta" is out from step 0, "alpha" from step 3: when x fails at
        // step 3 both weigh 0.5, and zeta, out earlier, is the cause although "alpha" sorts first.
        CascadeNodeInput[] nodes = [Node("zeta"), Node("alpha"), Node("x")];
        CascadeDependencyInput[] dependencies = [Needs("x", "alpha", 0.5), Needs("x", "zeta", 0.5)];
        CascadeDisruption[] disruptions = [new("alpha", 3, 9), new("zeta", 0, 9)];

        foreach (var result in InBothOrders(nodes, dependencies, 12, disruptions))
        {
            var x = result.Outcome("x");
            x.FirstDegradedStep.ShouldBe(0);
            x.Cause.ShouldBe("zeta");
            x.FailedStep.ShouldBe(3);
            x.FailureCause.ShouldBe("zeta");
            result.Events.Single(e => e.Node == "x" && e.Kind == CascadeEventKind.Failed).Cause.ShouldBe("zeta");
        }
    }

    [Fact]
    public void Simulate_ProvidersWeighingTheSameAndDegradedTogether_BlamesTheSmallerId()
    {
        CascadeNodeInput[] nodes = [Node("m"), Node("y"), Node("k"), Node("Z")];
        CascadeDependencyInput[] dependencies = [Needs("y", "m"), Needs("y", "k"), Needs("y", "Z", 1, backup: 2)];
        CascadeDisruption[] disruptions = [new("m", 2, 5), new("Z", 0, 5), new("k", 2, 5)];

        foreach (var result in InBothOrders(nodes, dependencies, 12, disruptions))
        {
            // Z is out from step 0 but its 2-hour backup holds until step 3: at step 2 only k and m weigh,
            // equally, out from the same step; "k" is the smaller id (ordinal: "Z" would sort before both).
            var y = result.Outcome("y");
            y.FailedStep.ShouldBe(2);
            y.Cause.ShouldBe("k");
            y.FailureCause.ShouldBe("k");
        }
    }

    [Fact]
    public void Simulate_DirectDisruptionWeighingAsMuchAsAProvider_IsTheCause()
    {
        CascadeNodeInput[] nodes = [Node("p"), Node("z")];
        CascadeDependencyInput[] dependencies = [Needs("z", "p", 0.5)];
        CascadeDisruption[] disruptions = [new("p", 2, 5), new("z", 2, 5, 0.5)];

        foreach (var result in InBothOrders(nodes, dependencies, 8, disruptions))
        {
            var z = result.Outcome("z");
            z.FailedStep.ShouldBe(2);
            z.Cause.ShouldBeNull();
            z.FailureCause.ShouldBeNull();
            result.ChainOfCauses("z").ShouldBe(["z"]);
        }
    }

    [Fact]
    public void Simulate_BackedUpProviderChangingInTheSameStep_IsJudgedByWhatTheDependentStillReads()
    {
        // b at 40 % from step 0 reaches x (2-hour backup) from step 3; a, out from step 3 behind a
        // 1-hour backup, reaches x at step 5 with 0.6, and x fails. b goes to 100 % at step 5 too, but
        // x reads that only at step 6: at step 5 a weighs 0.6 against b's 0.4, whichever of b and x
        // comes first in the graph.
        CascadeNodeInput[] nodes = [Node("b"), Node("x"), Node("a")];
        CascadeDependencyInput[] dependencies = [Needs("x", "b", 1, backup: 2), Needs("x", "a", 0.6, backup: 1)];
        CascadeDisruption[] disruptions = [new("b", 0, 20, 0.4), new("b", 5, 20), new("a", 3, 20)];

        foreach (var result in InBothOrders(nodes, dependencies, 24, disruptions))
        {
            var x = result.Outcome("x");
            x.FirstDegradedStep.ShouldBe(3);
            x.Cause.ShouldBe("b");
            x.FailedStep.ShouldBe(5);
            x.FailureCause.ShouldBe("a");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Simulate_SameGraphListedInAnotherOrder_SameOutcomesEventsAndCauses(int seed)
    {
        var (nodes, dependencies, disruptions) = RandomGraph(seed, 400, 2_400);
        var random = new Random(seed * 7919);
        var shuffledNodes = nodes.ToArray();
        var shuffledDependencies = dependencies.ToArray();
        random.Shuffle(shuffledNodes);
        random.Shuffle(shuffledDependencies);

        var reference = Summary(Run(Build(nodes, dependencies), 96, disruptions));
        var reversed = Summary(Run(Build(Enumerable.Reverse(nodes), Enumerable.Reverse(dependencies)), 96, [.. Enumerable.Reverse(disruptions)]));
        var shuffled = Summary(Run(Build(shuffledNodes, shuffledDependencies), 96, disruptions));

        // The graph is rich enough to make the check meaningful: many nodes affected, through several providers, with ties.
        reference.Outcomes.Count.ShouldBeGreaterThan(200);
        reference.Outcomes.Count(o => o.Cause is not null && o.FailureCause is not null && o.Cause != o.FailureCause).ShouldBeGreaterThan(10);
        foreach (var other in new[] { reversed, shuffled })
        {
            other.Outcomes.ShouldBe(reference.Outcomes);
            other.Events.ShouldBe(reference.Events);
            other.Sectors.ShouldBe(reference.Sectors);
        }
    }

    private static IEnumerable<CascadeResult> InBothOrders(CascadeNodeInput[] nodes, CascadeDependencyInput[] dependencies, int steps, CascadeDisruption[] disruptions)
    {
        yield return Run(Build(nodes, dependencies), steps, disruptions);
        yield return Run(Build(Enumerable.Reverse(nodes), Enumerable.Reverse(dependencies)), steps, [.. Enumerable.Reverse(disruptions)]);
    }

    private sealed record ResultSummary(List<NodeOutcome> Outcomes, List<CascadeEvent> Events, List<string> Sectors);

    /// <summary>What must not depend on the order of the input, keyed by node id: events of one step come out in evaluation order, so they are compared as a set per step.</summary>
    private static ResultSummary Summary(CascadeResult result) => new(
        [.. result.Outcomes.OrderBy(o => o.NodeId, StringComparer.Ordinal)],
        [.. result.Events.OrderBy(e => e.Step).ThenBy(e => e.Node, StringComparer.Ordinal)],
        [.. result.Sectors.Select(s => $"{s.Sector}: {string.Join(',', s.Affected)} / {string.Join(',', s.Failed)} / {string.Join(',', s.PopulationAffected)}")]);

    /// <summary>
    /// Providers, then operators that need a power and a telecom provider and other operators,
    /// instantaneously only on earlier ones (so no instantaneous cycle); few strengths, so that
    /// providers often weigh the same, and a few backup lengths, so that many change together.
    /// </summary>
    private static (CascadeNodeInput[], CascadeDependencyInput[], CascadeDisruption[]) RandomGraph(int seed, int n, int m)
    {
        var random = new Random(seed);
        double Pick(params double[] values) => values[random.Next(values.Length)];
        var providers = n / 10;
        var nodes = Enumerable.Range(0, n).Select(i => Node(i < providers ? $"p{i}" : $"op{i}", random.Next(1_000), i % 3 == 0 ? "power" : "finance")).ToArray();
        var dependencies = new List<CascadeDependencyInput>();
        var pairs = new HashSet<(int, int)>();
        void Add(int dependent, int provider, double backup)
        {
            if (dependent != provider && pairs.Add((dependent, provider)))
            {
                dependencies.Add(Needs(nodes[dependent].Id, nodes[provider].Id, Pick(0.25, 0.5, 1), backup, Pick(0, 0, 2, 5)));
            }
        }
        for (var v = providers; v < n && dependencies.Count < m; v++)
        {
            Add(v, random.Next(providers / 2), Pick(0, 2, 6));
            Add(v, providers / 2 + random.Next(providers / 2), Pick(0, 1, 3));
            for (var j = 0; j < 4; j++)
            {
                var other = providers + random.Next(n - providers);
                Add(v, other, other < v && random.Next(3) == 0 ? 0 : Pick(1, 2, 4, 8));
            }
        }
        // Providers need each other only through backups.
        for (var v = 0; v < providers; v++)
        {
            Add(v, random.Next(providers), Pick(2, 6));
        }
        CascadeDisruption[] disruptions =
        [
            new(nodes[0].Id, 0, 30),
            new(nodes[1].Id, 0, 30),
            new(nodes[2].Id, 6, 40, 0.5),
            new(nodes[providers / 2].Id, 12, 50),
            new(nodes[providers + 3].Id, 4, 20, 0.75),
        ];
        return (nodes, [.. dependencies], disruptions);
    }
}
