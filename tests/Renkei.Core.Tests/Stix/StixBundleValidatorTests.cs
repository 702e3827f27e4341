using System.Text.Json;
using System.Text.Json.Nodes;
using Renkei.Stix.Validation;
using Renkei.Testing;
using static Renkei.Core.Tests.Stix.StixBundles;

namespace Renkei.Core.Tests.Stix;

public sealed class StixBundleValidatorTests
{
    private const string ExtensionDefinition = "extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62";

    private static JsonObject With(params string[] objects)
    {
        var bundle = Valid();
        foreach (var json in objects)
        {
            Objects(bundle).Add(JsonNode.Parse(json));
        }
        return bundle;
    }

    private static void ShouldBeValid(StixValidationResult result) => result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));

    [Fact]
    public void Validate_DeprecatedCustomObject_IsAccepted() =>
        ShouldBeValid(Validate(With("""
            {"type":"x-example-com-customobject","id":"x-example-com-customobject--4527e5de-8572-446a-a57a-706f15467461",
             "created":"2016-08-01T00:00:00.000Z","modified":"2016-08-01T00:00:00.000Z","some_custom_stuff":14,"other_custom_stuff":"hello"}
            """)));

    [Fact]
    public void Validate_CustomObjectWithNothingOfItsOwn_IsRejected()
    {
        var errors = Validate(With("""{"type":"x-acme-empty","id":"x-acme-empty--4527e5de-8572-446a-a57a-706f15467461","spec_version":"2.1"}""")).Errors;
        errors.ShouldContain(e => e.Object == "x-acme-empty--4527e5de-8572-446a-a57a-706f15467461" && e.Reason.Contains("at least one property of its own", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ObjectTypeFromAnExtensionDefinition_IsAcceptedAndFollowsSdoRules()
    {
        var bundle = With($$"""
            {"id":"{{ExtensionDefinition}}","type":"extension-definition","spec_version":"2.1","name":"New SDO 1",
             "created":"2014-02-20T09:16:08.989000Z","modified":"2014-02-20T09:16:08.989000Z","created_by_ref":"{{Producer}}",
             "schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}
            """, $$"""
            {"type":"my-favorite-sdo","spec_version":"2.1","id":"my-favorite-sdo--ac97aae4-83f1-46ca-a351-7aeb76678189",
             "created":"2014-02-20T09:16:08.989000Z","modified":"2014-02-20T09:16:08.989000Z","name":"This is the name of my favorite",
             "some_property_name1":"value1","extensions":{"{{ExtensionDefinition}}":{"extension_type":"new-sdo"} } }
            """);
        ShouldBeValid(Validate(bundle));
        (await OasisStixSchemas.ValidateAsync(bundle)).ShouldBeEmpty();

        Objects(bundle)[^1]!.AsObject().Remove("modified");
        Validate(bundle).Errors.ShouldContain(e => e.Object == "my-favorite-sdo--ac97aae4-83f1-46ca-a351-7aeb76678189" && e.Path == "modified");
    }

    [Fact]
    public void Validate_ExtensionDefinitionWithoutCreator_IsRejected()
    {
        var errors = Validate(With($$"""
            {"id":"{{ExtensionDefinition}}","type":"extension-definition","spec_version":"2.1","name":"x",
             "created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z",
             "schema":"https://example.com","version":"1","extension_types":["property-extension","new-thing"],"extension_properties":["rank"]}
            """)).Errors;
        errors.ShouldContain(e => e.Object == ExtensionDefinition && e.Path == "created_by_ref" && e.Reason == "is required");
        errors.ShouldContain(e => e.Path == "extension_types" && e.Reason.Contains("'new-thing' is not an extension type", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Path == "extension_properties" && e.Reason.Contains("toplevel-property-extension", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR")]
    [InlineData("amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT")]
    [InlineData("red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED")]
    public async Task Validate_Tlp2Marking_IsAccepted(string level, string id, string name)
    {
        var bundle = With(Tlp2(level, id, name));
        Object(bundle, Indicator)["object_marking_refs"] = new JsonArray(id);
        ShouldBeValid(Validate(bundle));
        (await OasisStixSchemas.ValidateAsync(bundle)).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_Tlp2MarkingUnderAnotherId_IsRejected()
    {
        var errors = Validate(With(Tlp2("amber", "marking-definition--0f4a8c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "TLP:AMBER"))).Errors;
        errors.ShouldContain(e => e.Path == "id" && e.Reason.Contains("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Tlp2IdWithoutItsExtension_IsRejected()
    {
        var errors = Validate(With("""
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
             "created":"2022-10-01T00:00:00.000Z","definition_type":"statement","definition":{"statement":"red, honestly"}}
            """)).Errors;
        errors.ShouldContain(e => e.Object == "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1" && e.Path == "extensions");
    }

    [Fact]
    public void Validate_StatementMarking_NeedsItsStatement()
    {
        const string Statement = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--4a0042fe-8b88-40fe-9600-dfa128ce6fbd",
             "created":"2016-08-01T00:00:00.000Z","definition_type":"statement","definition":{"statement":"Copyright 2019, Example Corp"}}
            """;
        ShouldBeValid(Validate(With(Statement)));
        Validate(With(Statement.Replace("\"statement\":\"Copyright", "\"text\":\"Copyright", StringComparison.Ordinal))).Errors
            .ShouldContain(e => e.Path == "definition.statement");
    }

    [Fact]
    public void Validate_LanguageGranularMarking_IsAccepted()
    {
        // §7.2.3 allows lang instead of marking_ref; the OASIS schema (granular-marking.json) requires marking_ref.
        var bundle = Valid();
        Object(bundle, Indicator)["granular_markings"] = JsonNode.Parse("""[{"selectors":["name"],"lang":"ja"}]""");
        ShouldBeValid(Validate(bundle));
    }

    [Fact]
    public void Validate_LanguageContent_IsChecked()
    {
        const string Translation = $$"""
            {"type":"language-content","id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d","spec_version":"2.1",
             "created":"2017-02-08T21:31:22.007Z","modified":"2017-02-08T21:31:22.007Z","object_ref":"{{Malware}}",
             "object_modified":"2016-04-06T20:07:09.000Z","contents":{"ja":{"name":"ポイズン・アイビー"} } }
            """;
        ShouldBeValid(Validate(With(Translation)));
        Validate(With(Translation.Replace("\"name\":\"ポイズン・アイビー\"", "", StringComparison.Ordinal))).Errors
            .ShouldContain(e => e.Path == "contents");
    }

    [Fact]
    public void Validate_IdenticalDuplicate_IsAWarningAndStillValid()
    {
        var bundle = Valid();
        Objects(bundle).Add(Object(bundle, Malware).DeepClone());
        var result = Validate(bundle);
        result.IsValid.ShouldBeTrue(string.Join("\n", result.Errors));
        result.Warnings.ShouldHaveSingleItem().ShouldBe(new StixValidationError(Malware, "", "objects[9] repeats objects[2] exactly; it is treated as the same object"));
    }

    [Fact]
    public void Validate_NewVersionOfAnObject_IsNotADuplicate()
    {
        var bundle = Valid();
        var next = Object(bundle, Malware).DeepClone().AsObject();
        next["modified"] = "2016-05-01T00:00:00.000Z";
        next["name"] = "Poison Ivy (renamed)";
        Objects(bundle).Add(next);
        var result = Validate(bundle);
        ShouldBeValid(result);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_SingleObject_IsValidatedOnItsOwn()
    {
        ShouldBeValid(Validate(Object(Valid(), Indicator).DeepClone()));
        var broken = Object(Valid(), Indicator).DeepClone();
        broken["pattern"] = "[file:name = ]";
        Validate(broken).Errors.ShouldHaveSingleItem().ToString().ShouldBe($"{Indicator} pattern: is not a valid STIX pattern: at position 13: expected a constant (string, number, boolean, t'…', h'…' or b'…') but found ']'");
    }

    [Fact]
    public void Validate_ObjectWithoutUsableId_IsNamedByPosition()
    {
        var bundle = Valid();
        Object(bundle, Malware).Remove("id");
        Validate(bundle).Errors.ShouldContain(new StixValidationError("objects[2]", "id", "is required"));
    }

    [Fact]
    public void Validate_NonStixPatternLanguage_IsNotParsed()
    {
        var bundle = Valid();
        Object(bundle, Indicator)["pattern_type"] = "snort";
        Object(bundle, Indicator)["pattern"] = "alert tcp any any -> any 80 (msg:\"x\";)";
        ShouldBeValid(Validate(bundle));
    }

    [Fact]
    public void Validate_DeprecatedObservableContainer_IsAccepted()
    {
        var bundle = Valid();
        var observed = Object(bundle, ObservedData);
        observed.Remove("object_refs");
        observed["objects"] = JsonNode.Parse("""{"0":{"type":"ipv4-addr","value":"198.51.100.2"},"1":{"type":"network-traffic","dst_ref":"0","protocols":["tcp"]}}""");
        ShouldBeValid(Validate(bundle));
    }

    [Fact]
    public void Validate_ScoReferenceOfTheWrongType_IsRejected()
    {
        var errors = Validate(With($$"""
            {"type":"network-traffic","spec_version":"2.1","id":"network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
             "src_ref":"{{Address}}","dst_ref":"file--ba8965d8-e4ec-5f9c-a4df-1c460994ca58","protocols":["tcp"],"dst_port":70000}
            """)).Errors;
        errors.ShouldContain(e => e.Path == "dst_ref" && e.Reason.Contains("must reference ipv4-addr or ipv6-addr or mac-addr or domain-name, not a file", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Path == "dst_port");
    }

    [Fact]
    public void Validate_BundleWithoutObjects_IsValid() =>
        ShouldBeValid(Validate(new JsonObject { ["type"] = "bundle", ["id"] = Bundle }));

    [Fact]
    public void Validate_HostilePatternInAnIndicator_IsAnErrorNotACrash()
    {
        var bundle = Valid();
        Object(bundle, Indicator)["pattern"] = new string('(', 100_000) + "[file:name = 'a']" + new string(')', 100_000);
        Validate(bundle).Errors.ShouldContain(e => e.Path == "pattern" && e.Reason.Contains("nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TooDeep_IsRefusedBeforeAnyRule()
    {
        JsonNode deep = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < 200; i++)
        {
            deep = new JsonObject { ["x_nested"] = deep };
        }
        var bundle = Valid();
        Object(bundle, Malware)["x_nested"] = deep;
        var errors = Validate(bundle).Errors;
        errors.ShouldHaveSingleItem().Reason.ShouldBe("the JSON is nested more than 32 levels deep");
    }

    [Fact]
    public void Validate_TooManyObjects_IsRefused()
    {
        var errors = Validate(Valid(), new StixValidationOptions { MaxObjects = 5 }).Errors;
        errors.ShouldHaveSingleItem().ShouldBe(new StixValidationError(Bundle, "objects", "has 9 objects; at most 5 are accepted"));
    }

    [Fact]
    public void Validate_ManyErrors_StopsAtTheLimit()
    {
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = Bundle, ["objects"] = new JsonArray() };
        for (var i = 0; i < 500; i++)
        {
            Objects(bundle).Add(new JsonObject { ["type"] = "nonsense-type" });
        }
        var errors = Validate(bundle, new StixValidationOptions { MaxErrors = 10 }).Errors;
        errors.Count.ShouldBe(11);
        errors[^1].Reason.ShouldBe("more than 10 errors; validation stopped here");
    }

    [Fact]
    public void Validate_NotAnObject_IsRejected()
    {
        using var document = JsonDocument.Parse("[1, 2]");
        StixBundleValidator.Validate(document.RootElement).Errors.ShouldHaveSingleItem().Reason.ShouldBe("must be a JSON object");
    }

    private static string Tlp2(string level, string id, string name) => $$"""
        {"type":"marking-definition","spec_version":"2.1","id":"{{id}}","created":"2022-10-01T00:00:00.000Z","name":"{{name}}",
         "extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"{{level}}"} } }
        """;
}
