using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

public sealed class DynamicModelTests
{
    private static readonly SectorMatrix Single = Matrices.Of(["a"], [[0]], outputs: [10]);

    [Fact]
    public void Simulate_LianHaimes2006ConstantPerturbation_SettlesAtThePublishedEquilibrium()
    {
        // Lian & Haimes (2006): the two-by-two economy with K = diag(0.2, 0.2) and c*(t) = (0, 0.1) held
        // constant tends to the static q = (0.066, 0.112) (3 decimals printed); K and the set-up as in
        // stigrs/diim test_case10 (test_case10_kmat.csv).
        var scenario = new DynamicScenario(
            Steps: 300,
            Perturbations: [new PerturbationWindow("s2", 0.1, 0, 299)],
            Resilience: [new ResilienceCoefficient("s1", 0.2), new ResilienceCoefficient("s2", 0.2)]);

        var result = DynamicModel.Simulate(Matrices.LianHaimes2006(), scenario);

        result.Problem.ShouldBeNull();
        result.Value!.Inoperability[^1].Select(q => Math.Round(q, 3)).ShouldBe([0.066, 0.112]);
        var equilibrium = StaticModel.Solve(Matrices.LianHaimes2006(), new StaticScenario([new SectorValue("s2", 0.1)])).Value!;
        result.Value.Inoperability[^1][1].ShouldBe(equilibrium.Sectors[1].Inoperability, 1e-9);
    }

    [Fact]
    public void Simulate_RecoveryFromRecoveryTime_FollowsTheClosedForm()
    {
        // Hand-derived: one sector, a* = 0.2, T = 10, defaults qᵢ(Tᵢ) = 1% of qᵢ(0), so k = ln(100) / (10 · 0.8)
        // and, with no perturbation and Δt = 1, q(t) = q(0) · (1 − k · 0.8)ᵗ.
        var matrix = Matrices.Of(["a"], [[0.2]]);
        var scenario = new DynamicScenario(20, InitialInoperability: [new SectorValue("a", 0.5)], RecoveryTimes: [new RecoveryTime("a", 10)]);

        var result = DynamicModel.Simulate(matrix, scenario).Value!;

        var k = Math.Log(100) / 8;
        result.Summary[0].Resilience.ShouldBe(k, 1e-12);
        for (var t = 0; t <= 20; t++)
        {
            result.Inoperability[t][0].ShouldBe(0.5 * Math.Pow(1 - (k * 0.8), t), 1e-12);
        }
    }

    [Fact]
    public void Simulate_SmallerTimeStep_ApproachesTheContinuousRecoveryTarget()
    {
        var matrix = Matrices.Of(["a"], [[0]]);
        var scenario = new DynamicScenario(10_000, TimeStep: 0.001, InitialInoperability: [new SectorValue("a", 1)], RecoveryTimes: [new RecoveryTime("a", 10)]);

        var result = DynamicModel.Simulate(matrix, scenario).Value!;

        // At t = T = 10 the continuous model leaves exactly 1%; the explicit steps are within 0.2% of it.
        result.Inoperability[10_000][0].ShouldBe(0.01, 0.00002);
    }

    [Fact]
    public void Simulate_PerturbationWindow_IsInclusiveAndDrivesTheNextStep()
    {
        // Hand-derived: a* = 0, k = 1, Δt = 1 make q(t+1) = c*(t): a window over steps 2..4 shows in q(3)..q(5).
        var scenario = new DynamicScenario(7, [new PerturbationWindow("a", 0.5, 2, 4)], Resilience: [new ResilienceCoefficient("a", 1)]);

        var result = DynamicModel.Simulate(Single, scenario).Value!;

        result.Inoperability.Select(q => q[0]).ShouldBe([0, 0, 0, 0.5, 0.5, 0.5, 0, 0]);
        result.Summary[0].Peak.ShouldBe(0.5);
        result.Summary[0].PeakStep.ShouldBe(3);
    }

    [Fact]
    public void Simulate_WithOutputs_LossIsOutputTimesTrapezoidIntegral()
    {
        // Hand-derived trapezoids over 0,0,0,.5,.5,.5,0,0: 0 + 0 + .25 + .5 + .5 + .25 + 0 = 1.5 time units.
        var scenario = new DynamicScenario(7, [new PerturbationWindow("a", 0.5, 2, 4)], Resilience: [new ResilienceCoefficient("a", 1)]);

        var result = DynamicModel.Simulate(Single, scenario).Value!;

        result.Summary[0].Integral.ShouldBe(1.5, 1e-12);
        result.Summary[0].Loss!.Value.ShouldBe(15, 1e-12);
        result.TotalLoss!.Value.ShouldBe(15, 1e-12);
    }

    [Fact]
    public void Simulate_StrongLoop_StaysWithinZeroAndOne()
    {
        var matrix = Matrices.Of(["a", "b"], [[0, 0.95], [0.95, 0]]);
        var scenario = new DynamicScenario(200, [new PerturbationWindow("a", 1, 0, 199), new PerturbationWindow("b", 1, 0, 199)], Resilience: [new ResilienceCoefficient("a", 0.5), new ResilienceCoefficient("b", 0.5)]);

        var result = DynamicModel.Simulate(matrix, scenario).Value!;

        result.Inoperability.SelectMany(q => q).ShouldAllBe(q => q >= 0 && q <= 1);
        result.Inoperability[^1].ShouldBe([1.0, 1.0]);
    }

    [Fact]
    public void Simulate_MatrixDefaultRecoveryTimes_AreUsedForUnnamedSectors()
    {
        var matrix = Matrices.Of(["a"], [[0]], recoveryTimes: [10]);

        var result = DynamicModel.Simulate(matrix, new DynamicScenario(5)).Value!;

        result.Summary[0].Resilience.ShouldBe(Math.Log(100) / 10, 1e-12);
    }

    [Theory]
    [InlineData(0, "steps")]
    [InlineData(10_001, "steps")]
    public void Simulate_StepsOutOfRange_SaysTheLimit(int steps, string field)
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(steps, Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, field).Single().ShouldContain("10000");
    }

    [Fact]
    public void Simulate_NonPositiveTimeStep_NamesTheTimeStep()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, TimeStep: 0, Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "timeStep").ShouldNotBeEmpty();
    }

    [Fact]
    public void Simulate_WindowPastTheLastStep_NamesItsEnd()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, [new PerturbationWindow("a", 0.5, 2, 5)], Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "perturbations[0].to").Single().ShouldContain("4");
    }

    [Fact]
    public void Simulate_WindowEndingBeforeItStarts_NamesItsEnd()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, [new PerturbationWindow("a", 0.5, 3, 2)], Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "perturbations[0].to").ShouldNotBeEmpty();
    }

    [Fact]
    public void Simulate_OverlappingWindowsOfOneSector_NamesTheLaterWindow()
    {
        var windows = new[] { new PerturbationWindow("a", 0.5, 0, 3), new PerturbationWindow("a", 0.2, 3, 4) };

        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, windows, Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "perturbations[1]").Single().ShouldContain("overlaps perturbation 0");
    }

    [Fact]
    public void Simulate_UnknownPerturbedSector_NamesTheSector()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, [new PerturbationWindow("b", 0.5, 0, 1)], Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "perturbations[0].sector").Single().ShouldContain("'b'");
    }

    [Fact]
    public void Simulate_SectorWithoutResilience_SaysWhichSector()
    {
        var matrix = Matrices.Of(["a", "b"], [[0, 0.1], [0.1, 0]]);

        var result = DynamicModel.Simulate(matrix, new DynamicScenario(5, Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "recoveryTimes").Single().ShouldContain("2 (b)");
    }

    [Fact]
    public void Simulate_SectorGivenTwoResiliences_NamesTheSecond()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, Resilience: [new ResilienceCoefficient("a", 1)], RecoveryTimes: [new RecoveryTime("a", 10)]));

        Matrices.Field(result.Problem, "recoveryTimes[0].sector").ShouldNotBeEmpty();
    }

    [Fact]
    public void Simulate_RecoveryFasterThanTheTimeStep_IsRefusedNotOscillating()
    {
        // ln(100) / 2 ≈ 2.3 > 1: the explicit step would overshoot below zero and oscillate.
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, RecoveryTimes: [new RecoveryTime("a", 2)]));

        Matrices.Field(result.Problem, "recoveryTimes[0].time").Single().ShouldContain("smaller time step");
    }

    [Theory]
    [InlineData(0.0, null, "recoveryTimes[0].initial")]
    [InlineData(1.5, null, "recoveryTimes[0].initial")]
    [InlineData(0.5, 0.5, "recoveryTimes[0].target")]
    [InlineData(0.5, 0.0, "recoveryTimes[0].target")]
    public void Simulate_InvalidRecoveryInoperabilities_NameTheValue(double initial, double? target, string field)
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, RecoveryTimes: [new RecoveryTime("a", 10, initial, target)]));

        Matrices.Field(result.Problem, field).ShouldNotBeEmpty();
    }

    [Fact]
    public void Simulate_NonPositiveResilience_NamesTheCoefficient()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, Resilience: [new ResilienceCoefficient("a", -1)]));

        Matrices.Field(result.Problem, "resilience[0].k").ShouldNotBeEmpty();
    }

    [Fact]
    public void Simulate_InitialInoperabilityAboveOne_NamesTheValue()
    {
        var result = DynamicModel.Simulate(Single, new DynamicScenario(5, InitialInoperability: [new SectorValue("a", 2)], Resilience: [new ResilienceCoefficient("a", 1)]));

        Matrices.Field(result.Problem, "initialInoperability[0].value").ShouldNotBeEmpty();
    }
}
