using Renkei.Interdependency.Cascade;
using static Renkei.Core.Tests.Interdependency.Cascade.Graphs;

namespace Renkei.Core.Tests.Interdependency.Cascade;

public sealed class CascadeSimulationTests
{
    [Fact]
    public void Simulate_HospitalWith72HourGenerator_FailsWhenTheGeneratorRunsOutAndRecoversAfterItsRecoveryTime()
    {
        var graph = Build([Node("power", sector: "electricity"), Node("hospital", 5000, "medical")], [Needs("hospital", "power", backup: 72, recovery: 12)]);

        var result = Run(graph, 168, new CascadeDisruption("power", 0, 99));

        // The generator carries steps 0–71; a backed-up dependent sees its provider one step late,
        // so the failure in hour 72 shows at step 73; power is back at 100, seen at 101, plus 12 hours.
        var hospital = result.Outcome("hospital");
        hospital.FirstDegradedStep.ShouldBe(73);
        hospital.FailedStep.ShouldBe(73);
        hospital.RecoveredStep.ShouldBe(113);
        hospital.Cause.ShouldBe("power");
        hospital.FailureCause.ShouldBe("power");
        hospital.PeakLevel.ShouldBe(1);
        result.Outcome("power").RecoveredStep.ShouldBe(100);
        result.Events.ShouldBe([
            new CascadeEvent(0, "power", CascadeEventKind.Failed, null),
            new CascadeEvent(73, "hospital", CascadeEventKind.Failed, "power"),
            new CascadeEvent(100, "power", CascadeEventKind.Recovered, null),
            new CascadeEvent(113, "hospital", CascadeEventKind.Recovered, null),
        ]);
        result.PopulationFailed.ShouldBe(5000);
    }

    [Fact]
    public void Simulate_OutageShorterThanTheBackup_LeavesTheDependentNormal()
    {
        var graph = Build([Node("power"), Node("hospital")], [Needs("hospital", "power", backup: 72, recovery: 12)]);

        var result = Run(graph, 168, new CascadeDisruption("power", 0, 71));

        result.Outcomes.Select(o => o.NodeId).ShouldBe(["power"]);
    }

    [Fact]
    public void Simulate_PartialStrength_DegradesWithoutFailing()
    {
        var graph = Build([Node("water"), Node("factory")], [Needs("factory", "water", strength: 0.4)]);

        var result = Run(graph, 10, new CascadeDisruption("water", 2, 5));

        var factory = result.Outcome("factory");
        factory.FirstDegradedStep.ShouldBe(2);
        factory.FailedStep.ShouldBeNull();
        factory.PeakLevel.ShouldBe(0.4, 1e-12);
        factory.RecoveredStep.ShouldBe(6);
        result.FailedNodes.ShouldBe(1);
    }

    [Fact]
    public void Simulate_TwoHalfProvidersBothOut_AddUpToFailure()
    {
        var graph = Build([Node("a"), Node("b"), Node("c")], [Needs("c", "a", 0.5), Needs("c", "b", 0.5)]);

        var result = Run(graph, 10, new CascadeDisruption("a", 0, 9), new CascadeDisruption("b", 3, 9, 1));

        var c = result.Outcome("c");
        c.FirstDegradedStep.ShouldBe(0);
        c.FailedStep.ShouldBe(3);
        result.Events.Where(e => e.Node == "c").Select(e => (e.Step, e.Kind)).ShouldBe([(0, CascadeEventKind.Degraded), (3, CascadeEventKind.Failed)]);
    }

    [Fact]
    public void Simulate_ChainThroughInstantaneousAndBackedUpDependencies_TracesCausesToTheRoot()
    {
        var graph = Build(
            [Node("bank"), Node("telecom"), Node("power")],
            [Needs("telecom", "power"), Needs("bank", "telecom", backup: 4)]);

        var result = Run(graph, 48, new CascadeDisruption("power", 10, 20));

        result.Outcome("telecom").FirstDegradedStep.ShouldBe(10);
        result.Outcome("telecom").RecoveredStep.ShouldBe(21);
        result.Outcome("bank").FirstDegradedStep.ShouldBe(15);
        // A backed-up dependent sees its provider one step late, so with no recovery time it is back one step after.
        result.Outcome("bank").RecoveredStep.ShouldBe(22);
        result.ChainOfCauses("bank").ShouldBe(["bank", "telecom", "power"]);
        result.ChainOfCauses("power").ShouldBe(["power"]);
        result.ChainOfCauses("nobody").ShouldBeEmpty();
    }

    [Fact]
    public void Simulate_InstantaneousRecoveryTime_HoldsTheDependentThatLong()
    {
        var graph = Build([Node("power"), Node("pump")], [Needs("pump", "power", recovery: 3)]);

        var result = Run(graph, 20, new CascadeDisruption("power", 0, 4));

        result.Outcome("pump").FailedStep.ShouldBe(0);
        result.Outcome("pump").RecoveredStep.ShouldBe(8);
    }

    [Fact]
    public void Simulate_CycleWithABackup_RunsAndWeakLinksDieOut()
    {
        var graph = Build([Node("a"), Node("b")], [Needs("b", "a"), Needs("a", "b", strength: 0.5, backup: 2)]);

        var result = Run(graph, 100, new CascadeDisruption("a", 0, 4));

        result.Outcome("b").FailedStep.ShouldBe(0);
        result.Outcome("a").RecoveredStep.ShouldNotBeNull();
        result.Outcome("b").RecoveredStep.ShouldNotBeNull();
        result.Outcome("b").EndLevel.ShouldBe(0);
    }

    [Fact]
    public void Simulate_SameScenarioTwice_GivesTheSameTimeline()
    {
        var graph = Build(
            [Node("p"), Node("q"), Node("x"), Node("y")],
            [Needs("x", "p", 0.5, 1), Needs("x", "q", 0.5, 2), Needs("y", "x", 0.7), Needs("y", "p", 0.3, 5, 2)]);
        CascadeDisruption[] disruptions = [new("p", 0, 6), new("q", 1, 3, 0.5)];

        Run(graph, 30, disruptions).Events.ShouldBe(Run(graph, 30, disruptions).Events);
    }

    [Fact]
    public void Simulate_SectorSeriesAndTraces_CountPerStep()
    {
        var graph = Build([Node("power", 0, "electricity"), Node("h1", 100, "medical"), Node("h2", 50, "medical")], [Needs("h1", "power"), Needs("h2", "power", 0.5)]);

        var result = graph.Simulate(new CascadeScenario([new CascadeDisruption("power", 1, 2)], 4, TraceNodes: ["h2"])).Value!;

        var medical = result.Sectors.Single(s => s.Sector == "medical");
        medical.Affected.ShouldBe([0, 2, 2, 0]);
        medical.Failed.ShouldBe([0, 1, 1, 0]);
        medical.PopulationAffected.ShouldBe([0, 150, 150, 0]);
        result.Sectors.Single(s => s.Sector == "*").Affected.ShouldBe([0, 3, 3, 0]);
        result.Traces.Single().Levels.ShouldBe([0, 0.5, 0.5, 0]);
    }

    [Fact]
    public void Simulate_StepLongerThanAnHour_RoundsBackupsUpToWholeSteps()
    {
        var graph = Build([Node("power"), Node("hospital")], [Needs("hospital", "power", backup: 72)]);

        var result = graph.Simulate(new CascadeScenario([new CascadeDisruption("power", 0)], 20, StepHours: 5)).Value!;

        // 72 hours in 5-hour steps is 15 steps (rounded up), seen one step late.
        result.Outcome("hospital").FailedStep.ShouldBe(16);
    }

    [Fact]
    public void Simulate_OneProviderWithManyBackups_EachDependentFailsWhenItsOwnRunsOut()
    {
        // Listed out of order, with backups that round to the same number of steps (1.5 and 2 hours),
        // so the engine's grouping of a provider's links by backup is exercised.
        double[] backups = [3, 0, 1.5, 72, 0.5, 2, 0];
        var graph = Build(
            [Node("power"), .. backups.Select((_, i) => Node($"d{i}"))],
            backups.Select((b, i) => Needs($"d{i}", "power", backup: b, recovery: i)));

        var result = Run(graph, 40, new CascadeDisruption("power", 2, 9));

        foreach (var (backup, i) in backups.Select((b, i) => (b, i)))
        {
            var outcome = result.Outcomes.SingleOrDefault(o => o.NodeId == $"d{i}");
            var steps = (int)Math.Ceiling(backup);
            if (steps >= 8)
            {
                outcome.ShouldBeNull($"d{i}: an 8-hour outage does not outlast a {backup}-hour backup");
                continue;
            }
            outcome.ShouldNotBeNull();
            // Out from step 2; an instantaneous dependent fails with it, a backed-up one once the outage outlasts the backup, seen a step late.
            outcome.FailedStep.ShouldBe(steps == 0 ? 2 : 2 + steps + 1, $"d{i}, backup {backup} h");
            // Power is back at step 10; the dependent recovers after its recovery time (a backed-up one a step late).
            outcome.RecoveredStep.ShouldBe(steps == 0 ? 10 + i : 10 + 1 + i, $"d{i}, recovery {i} h");
        }
    }

    [Fact]
    public void Simulate_UnknownNodeAndBadStepsInTheScenario_AreNamed()
    {
        var graph = Build([Node("power")], []);

        var result = graph.Simulate(new CascadeScenario([new CascadeDisruption("powr", 0), new CascadeDisruption("power", 5, 2, 1.5)], 4));

        var errors = result.Problem!.Errors!;
        errors["disruptions[0].nodeId"].ShouldBe(["no node has the id 'powr'"]);
        errors["disruptions[1].fromStep"].Single().ShouldContain("0 to 3");
        errors["disruptions[1].toStep"].Single().ShouldContain("power");
        errors["disruptions[1].level"].Single().ShouldContain("at most 1");
    }
}
