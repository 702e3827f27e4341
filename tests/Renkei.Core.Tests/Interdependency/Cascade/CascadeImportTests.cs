using System.Text;
using Renkei.Common;
using Renkei.Interdependency.Cascade;

namespace Renkei.Core.Tests.Interdependency.Cascade;

public sealed class CascadeImportTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void FromCsv_TwoSectionFile_BuildsTheGraph()
    {
        var result = CascadeImport.FromCsv(Bytes("""
            id,organisation,name,sector,population,recovery_hours
            power,Tokyo Power,Grid,electricity,0,
            hospital,Central Hospital,ER,medical,12000,6

            dependent,provider,strength,backup_hours,recovery_hours
            hospital,power,1,72,
            """));

        result.Problem.ShouldBeNull();
        var (input, graph) = result.Value!;
        graph.NodeCount.ShouldBe(2);
        input.Nodes[1].ShouldBe(new CascadeNodeInput("hospital", "Central Hospital", "ER", "medical", 12000, 6));
        // The dependency's recovery defaults to the dependent's own.
        var run = graph.Simulate(new CascadeScenario([new CascadeDisruption("power", 0, 99)], 168)).Value!;
        run.Outcomes.Single(o => o.NodeId == "hospital").RecoveredStep.ShouldBe(107);
    }

    [Fact]
    public void FromCsv_BadRows_NameTheLineFieldAndNode()
    {
        var nodes = Bytes("id,population,sector\npower,0,electricity\nhospital,lots,medical\npower,1,\n");
        var dependencies = Bytes("dependent,provider,strength,backup_hours\nhospital,powr,1,72\nhospital,hospital,,\nhospital,power,2,x\n,power,,\n");

        var result = CascadeImport.FromCsv(nodes, dependencies);

        var errors = result.Problem!.Errors!;
        errors["nodes line 3: population"].ShouldBe(["'lots' is not a whole number (node 'hospital')"]);
        errors["nodes line 4: id"].ShouldBe(["node id 'power' is already used at nodes line 2: id"]);
        errors["dependencies line 2: provider"].ShouldBe(["no node has the id 'powr'"]);
        errors["dependencies line 3: provider"].ShouldBe(["node 'hospital' cannot depend on itself"]);
        errors["dependencies line 4: strength"].Single().ShouldContain("at most 1 (dependency of 'hospital')");
        errors["dependencies line 4: backup_hours"].ShouldBe(["'x' is not a number (node 'hospital')"]);
        errors["dependencies line 5: dependent"].ShouldBe(["is required"]);
    }

    [Fact]
    public void FromCsv_InstantaneousCycle_NamesNodesAndLines()
    {
        var result = CascadeImport.FromCsv(Bytes("id\na\nb\ndependent,provider\na,b\nb,a\n"));

        var message = result.Problem!.Errors!["dependencies"].Single();
        message.ShouldContain("a → b → a");
        message.ShouldContain("dependencies line 5: provider");
        message.ShouldContain("dependencies line 6: provider");
    }

    [Fact]
    public void FromCsv_WrongHeaderOrNoDependencies_RefusesTheFile()
    {
        CascadeImport.FromCsv(Bytes("id,backup\na,1\ndependent,provider\n"), Bytes("x")).Problem!.Errors!["nodes"].Single().ShouldContain("unknown columns: backup");
        CascadeImport.FromCsv(Bytes("id\na\n")).Problem!.Errors!["file"].Single().ShouldContain("no dependencies section");
        CascadeImport.FromCsv(Bytes("id\na\n"), [0x61, 0xFF]).Problem!.Errors!["dependencies"].Single().ShouldContain("UTF-8");
    }

    [Fact]
    public void FromCsv_MoreNodesThanTheCap_IsTooLarge()
    {
        var text = new StringBuilder("id\n");
        for (var i = 0; i <= CascadeLimits.MaxNodes; i++)
        {
            text.Append('n').Append(i).Append('\n');
        }
        text.Append("dependent,provider\n");

        var result = CascadeImport.FromCsv(Bytes(text.ToString()));

        result.Problem!.Kind.ShouldBe(ProblemKind.TooLarge);
        result.Problem.Errors!["nodes"].Single().ShouldContain("200000");
    }

    [Fact]
    public void FromJson_Graph_IsRead()
    {
        var result = CascadeImport.FromJson(Bytes("""
            {"nodes":[{"id":"power","sector":"electricity"},{"id":"hospital","population":5000,"recoveryHours":12}],
             "dependencies":[{"dependent":"hospital","provider":"power","backupHours":"72"}]}
            """));

        result.Problem.ShouldBeNull();
        result.Value!.Input.Dependencies.Single().ShouldBe(new CascadeDependencyInput("hospital", "power", null, 72, null));
        result.Value.Graph.PopulationOf(1).ShouldBe(5000);
    }

    [Fact]
    public void FromJson_BadEntries_NameTheirPath()
    {
        var result = CascadeImport.FromJson(Bytes("""
            {"nodes":[{"id":"power"},{"id":"hospital","population":1.5},{"name":"no id"}],
             "dependencies":[{"dependent":"hospital","provider":"power","backup_hours":72},{"dependent":"hospital","provider":"pwr","strength":true}],
             "edges":[]}
            """));

        var errors = result.Problem!.Errors!;
        errors["nodes[1].population"].ShouldBe(["must be a whole number"]);
        errors["nodes[2].id"].ShouldBe(["is required"]);
        errors["dependencies[0].backup_hours"].Single().ShouldContain("backupHours");
        errors["dependencies[1].provider"].ShouldBe(["no node has the id 'pwr'"]);
        errors["dependencies[1].strength"].ShouldBe(["must be a number"]);
        errors["edges"].Single().ShouldContain("not a known field");
    }

    [Fact]
    public void FromJson_BrokenSyntax_NamesTheLine()
    {
        var result = CascadeImport.FromJson(Bytes("{\"nodes\":[\n{\"id\":\"a\"}\n{\"id\":\"b\"}]}"));

        result.Problem!.Errors!["file"].Single().ShouldContain("line 3");
    }

    [Fact]
    public void FromJson_ManyErrors_AreCappedAndSaidSo()
    {
        var dependencies = string.Join(",", Enumerable.Range(0, 150).Select(i => $$"""{"dependent":"a","provider":"x{{i}}"}"""));

        var result = CascadeImport.FromJson(Bytes($$"""{"nodes":[{"id":"a"}],"dependencies":[{{dependencies}}]}"""));

        var errors = result.Problem!.Errors!;
        errors.Count.ShouldBe(CascadeLimits.MaxErrors + 1);
        errors["errors"].Single().ShouldContain("first 100");
    }
}
