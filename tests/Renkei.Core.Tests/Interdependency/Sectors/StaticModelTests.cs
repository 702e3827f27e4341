using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

public sealed class StaticModelTests
{
    [Fact]
    public void Solve_HaimesJiang2001TwoSectorExample_ReproducesPublishedInoperability()
    {
        // Haimes & Jiang (2001), J. Infrastruct. Syst. 7(1): A* = [[0, 0.8], [0.2, 0]], c* = (0, 0.6)
        // gives q = (0.571, 0.714), printed to 3 decimals. Numbers as cited by stigrs/diim tests/test_diim.cpp
        // (test_case1); checked by hand: q2 = 0.6 / (1 − 0.8·0.2) = 0.7143, q1 = 0.8·q2 = 0.5714.
        var result = StaticModel.Solve(Matrices.HaimesJiang2001(), new StaticScenario([new SectorValue("s2", 0.6)]));

        result.Ok.ShouldBeTrue();
        result.Value!.Sectors.Select(s => Math.Round(s.Inoperability, 3)).ShouldBe([0.571, 0.714]);
    }

    [Fact]
    public void Solve_LianHaimes2006TwoByTwoExample_ReproducesPublishedEquilibrium()
    {
        // Lian & Haimes (2006), Systems Engineering 9(3), the two-by-two economy: A* = [[0.15, 0.5], [0.1, 0.05]],
        // c* = (0, 0.1) gives q = (0.066, 0.112), printed to 3 decimals (as cited by stigrs/diim test_case7).
        var result = StaticModel.Solve(Matrices.LianHaimes2006(), new StaticScenario([new SectorValue("s2", 0.1)]));

        result.Value!.Sectors.Select(s => Math.Round(s.Inoperability, 3)).ShouldBe([0.066, 0.112]);
    }

    [Fact]
    public void Solve_PerturbationBeyondWhatTheSectorsCanAbsorb_CapsAtOneAndKeepsTheUncappedValue()
    {
        // Hand-derived: q = 0.5 / (1 − 0.9) = 5 for both sectors by symmetry.
        var matrix = Matrices.Of(["a", "b"], [[0, 0.9], [0.9, 0]]);

        var result = StaticModel.Solve(matrix, new StaticScenario([new SectorValue("a", 0.5), new SectorValue("b", 0.5)]));

        result.Value!.Sectors.Select(s => s.Inoperability).ShouldBe([1.0, 1.0]);
        result.Value.Sectors[0].Uncapped.ShouldBe(5, 1e-9);
    }

    [Fact]
    public void Solve_MatrixWithOutputs_LossIsOutputTimesInoperability()
    {
        var matrix = Matrices.Of(["s1", "s2"], [[0, 0.8], [0.2, 0]], outputs: [100, 50]);

        var result = StaticModel.Solve(matrix, new StaticScenario([new SectorValue("s2", 0.6)]));

        result.Value!.Sectors[0].Loss!.Value.ShouldBe(100 * 0.48 / 0.84, 1e-9);
        result.Value.Sectors[1].Loss!.Value.ShouldBe(50 * 0.6 / 0.84, 1e-9);
        result.Value.TotalLoss!.Value.ShouldBe((48 + 30) / 0.84, 1e-9);
    }

    [Fact]
    public void Solve_MatrixWithoutOutputs_HasNoLoss()
    {
        var result = StaticModel.Solve(Matrices.HaimesJiang2001(), new StaticScenario([]));

        result.Value!.TotalLoss.ShouldBeNull();
        result.Value.Sectors.ShouldAllBe(s => s.Inoperability == 0 && s.Loss == null);
    }

    [Fact]
    public void Solve_UnknownSector_NamesThePerturbation()
    {
        var result = StaticModel.Solve(Matrices.HaimesJiang2001(), new StaticScenario([new SectorValue("s2", 0.1), new SectorValue("power", 0.1)]));

        Matrices.Field(result.Problem, "perturbations[1].sector").Single().ShouldContain("'power'");
    }

    [Fact]
    public void Solve_SectorPerturbedTwice_NamesTheSecondEntry()
    {
        var result = StaticModel.Solve(Matrices.HaimesJiang2001(), new StaticScenario([new SectorValue("s2", 0.1), new SectorValue("s2", 0.2)]));

        Matrices.Field(result.Problem, "perturbations[1].sector").Single().ShouldContain("2 (s2)");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Solve_PerturbationOutsideZeroToOne_NamesTheValue(double value)
    {
        var result = StaticModel.Solve(Matrices.HaimesJiang2001(), new StaticScenario([new SectorValue("s1", value)]));

        Matrices.Field(result.Problem, "perturbations[0].value").Single().ShouldContain("between 0 and 1");
    }
}
