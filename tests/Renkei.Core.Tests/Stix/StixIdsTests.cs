using System.Text.Json.Nodes;
using Renkei.Stix;

namespace Renkei.Core.Tests.Stix;

public sealed class StixIdsTests
{
    [Fact]
    public void UuidV5_MatchesTheRfc4122Example()
    {
        // RFC 4122 Appendix C's DNS namespace; uuid5(NAMESPACE_DNS, "www.example.com") is the widely published value.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        StixIds.UuidV5(dns, "www.example.com").ShouldBe(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    [Theory]
    // STIX 2.1 (errata 01) §2.9 example: the SCO id of the IPv4 address 198.51.100.3.
    [InlineData("ipv4-addr", "198.51.100.3", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    // Values the OASIS TC published when correcting the spec's examples (cti-stix2 issue #318).
    [InlineData("domain-name", "example.com", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7")]
    public void ForSco_MatchesTheSpecValues(string type, string value, string expected) =>
        StixIds.ForSco(type, new JsonObject { ["value"] = value }).ShouldBe(expected);

    [Fact]
    public void ForSco_IgnoresMemberOrder()
    {
        var a = new JsonObject { ["name"] = "x.exe", ["hashes"] = new JsonObject { ["SHA-256"] = "aa" } };
        var b = new JsonObject { ["hashes"] = new JsonObject { ["SHA-256"] = "aa" }, ["name"] = "x.exe" };
        StixIds.ForSco("file", a).ShouldBe(StixIds.ForSco("file", b));
    }

    [Fact]
    public void For_IsDeterministicAndNamespaced()
    {
        var ns = new Guid("3b3c2a4e-1f56-4f1c-9a57-0c8e7f6b5a41");
        var id = StixIds.For("report", ns, "renkei-report-1");
        id.ShouldBe(StixIds.For("report", ns, "renkei-report-1"));
        id.ShouldNotBe(StixIds.For("report", Guid.NewGuid(), "renkei-report-1"));
        StixIds.TryParse(id, out var type, out var uuid).ShouldBeTrue();
        type.ShouldBe("report");
        uuid.Version.ShouldBe(5);
    }

    [Theory]
    [InlineData("indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836", true)]
    [InlineData("relationship--81f12913-1372-4c96-85ec-E9034ac98aba", true)]
    [InlineData("x-example-com-customobject--4527e5de-8572-446a-a57a-706f15467461", true)]
    [InlineData("indicator--e2e1a340-4415-0ba8-9671-f7343fbf0836", false)]
    [InlineData("indicator--e2e1a340-4415-7ba8-9671-f7343fbf0836", false)]
    [InlineData("indicator--e2e1a340-4415-4ba8-c671-f7343fbf0836", false)]
    [InlineData("indicator--e2e1a340441540ba89671f7343fbf0836", false)]
    [InlineData("indicator-e2e1a340-4415-4ba8-9671-f7343fbf0836", false)]
    [InlineData("Indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836", false)]
    [InlineData("in--e2e1a340-4415-4ba8-9671-f7343fbf0836", false)]
    [InlineData("--e2e1a340-4415-4ba8-9671-f7343fbf0836", false)]
    [InlineData("indicator--", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyTypeAndRfc4122Uuid(string? id, bool valid) =>
        StixIds.TryParse(id, out _, out _).ShouldBe(valid);

    [Theory]
    [InlineData("indicator", true)]
    [InlineData("x-acme-thing2", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("x--y", false)]
    [InlineData("x-", false)]
    [InlineData("-xy", false)]
    [InlineData("1ab", false)]
    [InlineData("x_y", false)]
    [InlineData("Xyz", false)]
    public void IsTypeName_FollowsTheSpec(string type, bool valid) =>
        StixIds.IsTypeName(type).ShouldBe(valid);

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.2345e25, "1.2345e+25")]
    [InlineData(4294967295.0, "4294967295")]
    public void CanonicalNumber_FollowsEcmaScript(double value, string expected) =>
        CanonicalJson.Number(value).ShouldBe(expected);

    [Fact]
    public void CanonicalJson_SortsMembersByCodeUnitAndEscapesMinimally()
    {
        var node = JsonNode.Parse("{\"b\":[1,\"\\u0001é\\\"\"],\"a\":{\"z\":true,\"Z\":null},\"\\u20ac\":1,\"\\ud83d\\ude00\":2}");
        CanonicalJson.Serialize(node).ShouldBe("{\"a\":{\"Z\":null,\"z\":true},\"b\":[1,\"\\u0001é\\\"\"],\"€\":1,\"😀\":2}");
    }
}
