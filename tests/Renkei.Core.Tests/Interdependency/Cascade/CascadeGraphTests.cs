using System.Text.Json;
using System.Text.Json.Serialization;
using Renkei.Interdependency.Cascade;
using static Renkei.Core.Tests.Interdependency.Cascade.Graphs;

namespace Renkei.Core.Tests.Interdependency.Cascade;

public sealed class CascadeGraphTests
{
    [Fact]
    public void Build_CycleOfInstantaneousDependencies_IsRefusedNamingTheNodes()
    {
        var result = CascadeGraph.Build(new CascadeGraphInput(
            [Node("dc"), Node("power"), Node("telecom"), Node("bank")],
            [Needs("bank", "dc"), Needs("dc", "telecom"), Needs("telecom", "power"), Needs("power", "dc")]));

        var message = result.Problem!.Errors!["dependencies"].Single();
        message.ShouldContain("cycle");
        message.ShouldContain("dc → telecom → power → dc");
        message.ShouldContain("dependencies[1].provider");
        message.ShouldNotContain("bank");
    }

    [Fact]
    public void Build_CycleWithABackup_IsAccepted()
    {
        var result = CascadeGraph.Build(new CascadeGraphInput(
            [Node("power"), Node("telecom")],
            [Needs("telecom", "power", backup: 8), Needs("power", "telecom")]));

        result.Ok.ShouldBeTrue();
        result.Value!.DependencyCount.ShouldBe(2);
    }

    [Fact]
    public void Build_BadReferencesAndValues_AreAllListedWithTheirPlace()
    {
        var result = CascadeGraph.Build(new CascadeGraphInput(
            [Node("a"), Node("a"), new CascadeNodeInput("", Population: -1), new CascadeNodeInput("c", Population: -5)],
            [Needs("a", "zz"), Needs("a", "a"), new CascadeDependencyInput("c", "a", 0, -1), Needs("c", "a")]));

        var errors = result.Problem!.Errors!;
        errors["nodes[1].id"].Single().ShouldContain("'a' is already used at nodes[0].id");
        errors["nodes[2].id"].ShouldBe(["is required"]);
        errors["nodes[3].population"].Single().ShouldContain("'c'");
        errors["dependencies[0].provider"].ShouldBe(["no node has the id 'zz'"]);
        errors["dependencies[1].provider"].Single().ShouldContain("cannot depend on itself");
        errors["dependencies[2].strength"].Single().ShouldContain("more than 0");
        errors["dependencies[2].backupHours"].Single().ShouldContain("between 0 and");
        errors["dependencies[3].provider"].Single().ShouldContain("already depends on 'a' at dependencies[2].provider");
    }

    [Fact]
    public void Build_UnknownSector_IsRefusedWhenSectorsAreGiven()
    {
        var result = CascadeGraph.Build(new CascadeGraphInput([Node("a", sector: "electricty")], []), new HashSet<string> { "electricity" });

        result.Problem!.Errors!["nodes[0].sector"].ShouldBe(["'electricty' is not a sector code"]);
    }

    [Fact]
    public void InputsAndResults_SerialiseAsCamelCaseJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };
        var input = new CascadeGraphInput([Node("power"), Node("hospital", 10)], [Needs("hospital", "power", backup: 72)]);

        var json = JsonSerializer.Serialize(input, options);
        json.ShouldContain("\"backupHours\":72");
        JsonSerializer.Deserialize<CascadeGraphInput>(json, options)!.Dependencies.Single().ShouldBe(input.Dependencies.Single());

        var result = Run(Build(input.Nodes, input.Dependencies), 80, new CascadeDisruption("power", 0));
        var text = JsonSerializer.Serialize(result, options);
        text.ShouldContain("\"firstDegradedStep\":73");
        text.ShouldContain("\"kind\":\"failed\"");
        JsonSerializer.Deserialize<CascadeResult>(text, options)!.Events.ShouldBe(result.Events);
    }
}
