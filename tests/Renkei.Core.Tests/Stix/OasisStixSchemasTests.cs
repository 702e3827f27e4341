using System.Text.Json.Nodes;
using Renkei.Testing;
using static Renkei.Core.Tests.Stix.StixBundles;

namespace Renkei.Core.Tests.Stix;

public sealed class OasisStixSchemasTests
{
    [Fact]
    public async Task ValidateAsync_BrokenObject_NamesItAndTheProperty()
    {
        var bundle = Valid();
        Object(bundle, Indicator).Remove("pattern");
        Object(bundle, Malware)["created"] = "yesterday";
        var errors = await OasisStixSchemas.ValidateAsync(bundle);
        errors.ShouldContain(e => e.StartsWith(Indicator + ":", StringComparison.Ordinal) && e.Contains("pattern", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith(Malware + ":", StringComparison.Ordinal) && e.Contains("created", StringComparison.Ordinal));
        errors.ShouldNotContain(e => e.StartsWith(Producer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_SingleObject_IsCheckedAgainstItsTypeSchema()
    {
        var malware = Object(Valid(), Malware).DeepClone();
        (await OasisStixSchemas.ValidateAsync(malware)).ShouldBeEmpty();
        malware["is_family"] = "yes";
        (await OasisStixSchemas.ValidateAsync(malware)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ValidateAsync_BrokenEnvelope_IsReported()
    {
        var bundle = Valid();
        bundle["type"] = "bundel";
        (await OasisStixSchemas.ValidateAsync(bundle)).ShouldNotBeEmpty();
        bundle = Valid();
        bundle["id"] = "bundle--not-a-uuid";
        (await OasisStixSchemas.ValidateAsync(bundle)).ShouldContain(e => e.StartsWith("bundle:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_TimestampsAreNotReadAsDates()
    {
        // Read as DateTime, "…T20:03:00.000Z" would be re-serialised and could fail the millisecond pattern.
        var identity = JsonNode.Parse($$"""
            {"type":"identity","spec_version":"2.1","id":"{{Producer}}","created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"x"}
            """)!;
        (await OasisStixSchemas.ValidateAsync(identity)).ShouldBeEmpty();
    }
}
