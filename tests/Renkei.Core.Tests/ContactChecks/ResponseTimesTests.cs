using Renkei.ContactChecks;

namespace Renkei.Core.Tests.ContactChecks;

public sealed class ResponseTimesTests
{
    [Theory]
    [InlineData(new int[0], 50, null)]
    [InlineData(new[] { 42 }, 50, 42)]
    [InlineData(new[] { 42 }, 90, 42)]
    [InlineData(new[] { 60, 600 }, 50, 60)]
    [InlineData(new[] { 60, 600 }, 90, 600)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 50, 50)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 90, 90)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110 }, 90, 100)]
    public void Percentile_NearestRank_IsATimeSomeoneHad(int[] sorted, int percent, int? expected) =>
        ResponseTimes.Percentile(sorted, percent).ShouldBe(expected);
}
