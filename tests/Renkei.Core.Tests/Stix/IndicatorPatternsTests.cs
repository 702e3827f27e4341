using Renkei.Indicators;
using Renkei.Stix.Patterns;

namespace Renkei.Core.Tests.Stix;

public sealed class IndicatorPatternsTests
{
    [Theory]
    [InlineData(IndicatorType.Ipv4, "198.51.100.3", "[ipv4-addr:value = '198.51.100.3']")]
    [InlineData(IndicatorType.Ipv6, "2001:DB8::1", "[ipv6-addr:value = '2001:db8::1']")]
    [InlineData(IndicatorType.Domain, "Example.CO.JP.", "[domain-name:value = 'example.co.jp']")]
    [InlineData(IndicatorType.Url, "https://evil.example/a?q='1'", @"[url:value = 'https://evil.example/a?q=\'1\'']")]
    [InlineData(IndicatorType.Email, "o'brien@example.jp", @"[email-addr:value = 'o\'brien@example.jp']")]
    [InlineData(IndicatorType.Md5, "D41D8CD98F00B204E9800998ECF8427E", "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']")]
    [InlineData(IndicatorType.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709", "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']")]
    [InlineData(IndicatorType.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']")]
    public void ToPattern_BuildsTheSpecShape_ThatParsesAndRoundTrips(IndicatorType type, string value, string expected)
    {
        var pattern = IndicatorPatterns.ToPattern(new IndicatorValue(type, value));
        pattern.ShouldBe(expected);
        StixPattern.Validate(pattern).ShouldBe((true, null));
        IndicatorPatterns.FromPattern(pattern).ShouldBe(new IndicatorValue(type, IndicatorRules.Normalise(type, value)!));
    }

    [Fact]
    public void ToPattern_UrlWithApostropheAndBackslash_IsEscaped()
    {
        // Uri keeps a backslash in the query (it does not escape it), so both escapes are exercised.
        var indicator = new IndicatorValue(IndicatorType.Url, @"http://evil.example/x?a=it's\here");
        var normalised = IndicatorRules.Normalise(IndicatorType.Url, indicator.Value)!;
        var pattern = IndicatorPatterns.ToPattern(indicator)!;
        StixPattern.Validate(pattern).Ok.ShouldBeTrue();
        IndicatorPatterns.FromPattern(pattern)!.Value.ShouldBe(normalised);
    }

    [Fact]
    public void ToPattern_Cve_IsNull() =>
        IndicatorPatterns.ToPattern(new IndicatorValue(IndicatorType.Cve, "CVE-2021-44228")).ShouldBeNull();

    [Fact]
    public void ToPattern_InvalidValue_IsNull() =>
        IndicatorPatterns.ToPattern(new IndicatorValue(IndicatorType.Ipv4, "not an address")).ShouldBeNull();

    [Theory]
    [InlineData("[ ipv4-addr:value = '10.0.0.1' ]", IndicatorType.Ipv4, "10.0.0.1")]
    [InlineData("[file:hashes.md5 = '001DD76872D80801692FF942308C64E6']", IndicatorType.Md5, "001dd76872d80801692ff942308c64e6")]
    [InlineData("[file:hashes.'MD5' = '001dd76872d80801692ff942308c64e6']", IndicatorType.Md5, "001dd76872d80801692ff942308c64e6")]
    [InlineData("[file:hashes.SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']", IndicatorType.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("[file:hashes.'sha-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']", IndicatorType.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("[domain-name:value = 'WWW.Example.com']", IndicatorType.Domain, "www.example.com")]
    [InlineData("[email-addr:value = 'soc@Example.JP']", IndicatorType.Email, "soc@example.jp")]
    public void FromPattern_SimpleEquality_IsTheNormalisedIndicator(string pattern, IndicatorType type, string value) =>
        IndicatorPatterns.FromPattern(pattern).ShouldBe(new IndicatorValue(type, value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a pattern")]
    [InlineData("[ipv4-addr:value != '10.0.0.1']")]
    [InlineData("[ipv4-addr:value NOT = '10.0.0.1']")]
    [InlineData("[ipv4-addr:value = '10.0.0.1'] WITHIN 5 SECONDS")]
    [InlineData("[ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.2']")]
    [InlineData("[ipv4-addr:value = '10.0.0.1' OR ipv4-addr:value = '10.0.0.2']")]
    [InlineData("[ipv4-addr:value = '10.0.0.0/8']")]
    [InlineData("[ipv4-addr:value LIKE '10.%']")]
    [InlineData("[ipv4-addr:value IN ('10.0.0.1')]")]
    [InlineData("[ipv4-addr:resolves_to_refs[0].value = '00:00:5e:00:53:af']")]
    [InlineData("[file:name = 'evil.exe']")]
    [InlineData("[file:hashes.'SHA-512' = 'abc']")]
    [InlineData("[file:hashes.MD5 = 'not-hex']")]
    [InlineData("[file:hashes.MD5 = h'd41d8cd98f00b204e9800998ecf8427e']")]
    [InlineData("[url:value = 'javascript:alert(1)']")]
    [InlineData("[x-ipv4:value = '10.0.0.1']")]
    public void FromPattern_AnythingElse_IsNull(string? pattern) =>
        IndicatorPatterns.FromPattern(pattern).ShouldBeNull();

    /// <summary>
    /// The shape ToPattern writes is read without the parser; the parser must agree on every
    /// value (the spaced form below is the same pattern but goes through the parser).
    /// </summary>
    [Theory]
    [InlineData("ipv4-addr:value", "10.0.0.1")]
    [InlineData("ipv4-addr:value", " 10.0.0.1\t")]
    [InlineData("ipv4-addr:value", "10.0.0.256")]
    [InlineData("ipv4-addr:value", "")]
    [InlineData("ipv6-addr:value", "2001:DB8::1")]
    [InlineData("domain-name:value", "Bücher.Example")]
    [InlineData("url:value", "http://example.com/a b?c=d]")]
    [InlineData("email-addr:value", "SOC@Example.jp")]
    [InlineData("file:hashes.MD5", "001DD76872D80801692FF942308C64E6")]
    [InlineData("file:hashes.'SHA-1'", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("file:hashes.'SHA-256'", "not-a-hash")]
    public void FromPattern_CanonicalShape_AgreesWithTheParser(string path, string value)
    {
        var canonical = IndicatorPatterns.FromPattern($"[{path} = '{value}']");
        var parsed = IndicatorPatterns.FromPattern($"[ {path} = '{value}' ]");
        canonical.ShouldBe(parsed);
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.2']")]
    [InlineData("[ipv4-addr:value = '10.0.0.1' OR ipv4-addr:value = '10.0.0.2']")]
    [InlineData("[url:value = 'http://a.example/\\']")]
    [InlineData("[ipv4-addr:value = '10.0.0.1'] REPEATS 2 TIMES")]
    public void FromPattern_NearTheCanonicalShape_IsLeftToTheParser(string pattern) =>
        IndicatorPatterns.FromPattern(pattern).ShouldBeNull();
}
