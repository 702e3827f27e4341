using Renkei.Interdependency.Sectors;

namespace Renkei.Core.Tests.Interdependency.Sectors;

public sealed class InterdependencyIndicesTests
{
    // All hand-derived on A* = [[0, 0.8], [0.2, 0]]: (I − A*)⁻¹ = [[1, 0.8], [0.2, 1]] / 0.84.

    [Fact]
    public void Compute_TwoSectors_MatchesRowAndColumnMeansOffTheDiagonal()
    {
        var indices = InterdependencyIndices.Compute(Matrices.HaimesJiang2001());

        indices[0].DirectDependency.ShouldBe(0.8, 1e-12);
        indices[0].DirectInfluence.ShouldBe(0.2, 1e-12);
        indices[1].DirectDependency.ShouldBe(0.2, 1e-12);
        indices[0].TotalDependency.ShouldBe(0.8 / 0.84, 1e-12);
        indices[1].TotalInfluence.ShouldBe(0.8 / 0.84, 1e-12);
    }

    [Fact]
    public void Power_SecondOrder_IsTheSquare()
    {
        var a2 = InterdependencyIndices.Power(Matrices.HaimesJiang2001(), 2).Value!;

        a2[0][0].ShouldBe(0.16, 1e-12);
        a2[0][1].ShouldBe(0, 1e-12);
        a2[1][1].ShouldBe(0.16, 1e-12);
    }

    [Fact]
    public void Cumulative_HighOrder_TendsToLeontiefInverseMinusIdentity()
    {
        var matrix = Matrices.HaimesJiang2001();

        var sum = InterdependencyIndices.Cumulative(matrix, 60).Value!;

        var l = matrix.LeontiefInverse();
        sum[0][0].ShouldBe(l[0][0] - 1, 1e-12);
        sum[0][1].ShouldBe(l[0][1], 1e-12);
        InterdependencyIndices.Cumulative(matrix, 2).Value![0][0].ShouldBe(0.16, 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Power_OrderOutOfRange_SaysTheLimit(int order)
    {
        Matrices.Field(InterdependencyIndices.Power(Matrices.HaimesJiang2001(), order).Problem, "order").Single().ShouldContain("100");
    }
}
