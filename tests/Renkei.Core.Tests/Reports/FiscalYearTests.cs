using Renkei.Reports;

namespace Renkei.Core.Tests.Reports;

public sealed class FiscalYearTests
{
    [Theory]
    [InlineData("2026-03-31T14:59:59Z", 2025)] // 23:59:59 JST on 31 March: still FY2025
    [InlineData("2026-03-31T15:00:00Z", 2026)] // midnight JST on 1 April: FY2026 begins
    [InlineData("2026-12-31T23:00:00Z", 2026)] // 1 January 2027 JST: same fiscal year
    [InlineData("2027-01-01T00:00:00Z", 2026)]
    public void FiscalYear_RunsAprilToMarch_InJapanTime(string utc, int expected) =>
        ReportStatistics.FiscalYear(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)).ShouldBe(expected);
}
