using System.Text.Json.Nodes;
using Renkei.Indicators;
using Renkei.Stix;

namespace Renkei.Core.Tests.Stix;

public sealed class StixObservablesTests
{
    [Fact]
    public void ForIndicator_Ipv4_IsTheSpecExampleObject()
    {
        var sco = StixObservables.ForIndicator(new IndicatorValue(IndicatorType.Ipv4, " 198.51.100.3 "))!;
        JsonNode.DeepEquals(sco, JsonNode.Parse("""
            {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4","value":"198.51.100.3"}
            """)).ShouldBeTrue(sco.ToJsonString());
    }

    [Theory]
    [InlineData(IndicatorType.Ipv6, "2001:DB8::1", "ipv6-addr")]
    [InlineData(IndicatorType.Domain, "Example.com", "domain-name")]
    [InlineData(IndicatorType.Url, "https://example.com/a", "url")]
    [InlineData(IndicatorType.Email, "soc@example.jp", "email-addr")]
    public void ForIndicator_ValueObjects_HaveTheValueAndItsId(IndicatorType type, string raw, string stixType)
    {
        var sco = StixObservables.ForIndicator(new IndicatorValue(type, raw))!;
        var value = IndicatorRules.Normalise(type, raw)!;
        sco["type"]!.GetValue<string>().ShouldBe(stixType);
        sco["value"]!.GetValue<string>().ShouldBe(value);
        sco["id"]!.GetValue<string>().ShouldBe(StixIds.ForSco(stixType, new JsonObject { ["value"] = value }));
    }

    [Theory]
    [InlineData(IndicatorType.Md5, "MD5", "D41D8CD98F00B204E9800998ECF8427E")]
    [InlineData(IndicatorType.Sha1, "SHA-1", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData(IndicatorType.Sha256, "SHA-256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void ForIndicator_Hash_IsAFileWithOneHash(IndicatorType type, string algorithm, string raw)
    {
        var sco = StixObservables.ForIndicator(new IndicatorValue(type, raw))!;
        var hash = raw.ToLowerInvariant();
        sco["type"]!.GetValue<string>().ShouldBe("file");
        sco["hashes"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())).ShouldBe([(algorithm, hash)]);
        sco["id"]!.GetValue<string>().ShouldBe(StixIds.ForSco("file", new JsonObject { ["hashes"] = new JsonObject { [algorithm] = hash } }));
    }

    [Fact]
    public void ForIndicator_SameIndicatorDifferentSpelling_HasTheSameId()
    {
        var a = StixObservables.ForIndicator(new IndicatorValue(IndicatorType.Domain, "EXAMPLE.com."))!;
        var b = StixObservables.ForIndicator(new IndicatorValue(IndicatorType.Domain, "example.com"))!;
        a["id"]!.GetValue<string>().ShouldBe(b["id"]!.GetValue<string>());
        a["id"]!.GetValue<string>().ShouldBe("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
    }

    [Fact]
    public void ForIndicator_CveOrInvalid_IsNull()
    {
        StixObservables.ForIndicator(new IndicatorValue(IndicatorType.Cve, "CVE-2021-44228")).ShouldBeNull();
        StixObservables.ForIndicator(new IndicatorValue(IndicatorType.Md5, "xyz")).ShouldBeNull();
    }
}
