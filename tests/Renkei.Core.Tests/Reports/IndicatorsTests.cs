using Renkei.Indicators;
namespace Renkei.Core.Tests.Reports;

public sealed class IndicatorsTests
{
    [Theory]
    [InlineData(IndicatorType.Ipv4, " 198.51.100.7 ", "198.51.100.7")]
    [InlineData(IndicatorType.Ipv6, "2001:DB8:0:0::1", "2001:db8::1")]
    [InlineData(IndicatorType.Domain, "Example.CO.JP.", "example.co.jp")]
    [InlineData(IndicatorType.Domain, "日本語.jp", "xn--wgv71a119e.jp")]
    [InlineData(IndicatorType.Url, "https://Evil.example/path?q=1", "https://evil.example/path?q=1")]
    [InlineData(IndicatorType.Md5, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(IndicatorType.Sha256, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(IndicatorType.Cve, "cve-2021-44228", "CVE-2021-44228")]
    [InlineData(IndicatorType.Email, "soc@Example.JP", "soc@example.jp")]
    public void Normalise_ValidValues(IndicatorType type, string raw, string expected) =>
        IndicatorRules.Normalise(type, raw).ShouldBe(expected);

    [Theory]
    [InlineData(IndicatorType.Ipv4, "256.1.1.1")]
    [InlineData(IndicatorType.Ipv4, "10.1")]
    [InlineData(IndicatorType.Ipv4, "::1")]
    [InlineData(IndicatorType.Ipv6, "1.2.3.4")]
    [InlineData(IndicatorType.Domain, "no_underscores.example")]
    [InlineData(IndicatorType.Domain, "localhost")]
    [InlineData(IndicatorType.Url, "javascript:alert(1)")]
    [InlineData(IndicatorType.Url, "/relative")]
    [InlineData(IndicatorType.Sha1, "zz39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData(IndicatorType.Cve, "CVE-99-1")]
    [InlineData(IndicatorType.Email, "not an address")]
    public void Normalise_InvalidValues_AreNull(IndicatorType type, string raw) =>
        IndicatorRules.Normalise(type, raw).ShouldBeNull();
}
