using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Identity;
using Renkei.Testing;

using static Renkei.Web.Tests.Advisories.AdvisoryApi;

namespace Renkei.Web.Tests.Interdependency;

/// <summary>
/// Saved scenarios and recorded runs through the API: a run keeps the input it ran and its result
/// even after the scenario changes, exports as CSV, bad documents are answered at their place, and
/// nobody outside the organisation (or without a desk role) saves, runs or even finds them.
/// </summary>
public abstract class ScenarioApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : RenkeiApp
{
    private static JsonElement PowerOutage(double level) => JsonSerializer.SerializeToElement(new
    {
        model = "sectors",
        name = "停電シナリオ",
        @static = new { perturbations = new[] { new { sector = "electricity", value = level } } },
        dynamic = new { steps = 48, perturbations = new[] { new { sector = "electricity", value = level, from = 0, to = 11 } } },
    });

    private async Task<HttpClient> DeskAsync(string code, Role role = Role.Analyst) =>
        (await app.ClientAsync((await app.Data.ReferenceOrganisationAsync(code)).Id, role)).Client;

    [Fact]
    public async Task SaveRunEditRun_EachRunKeepsItsInputAndResult_AndExportsCsv()
    {
        var nisc = await DeskAsync("nisc");
        var saved = await OkAsync(await nisc.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document = PowerOutage(0.3) }), HttpStatusCode.Created);
        var id = saved.GetProperty("id").GetGuid();
        saved.GetProperty("name").GetString().ShouldBe("停電シナリオ");
        saved.GetProperty("model").GetString().ShouldBe("sectors");

        var first = await OkAsync(await nisc.PostAsync($"/api/v1/interdependency/scenarios/{id}/runs", null), HttpStatusCode.Created);
        var firstQ = Electricity(first.GetProperty("result"));
        firstQ.ShouldBeGreaterThan(0.3);

        var edited = await OkAsync(await nisc.PutAsJsonAsync($"/api/v1/interdependency/scenarios/{id}", new { document = PowerOutage(0.6), version = 1 }));
        edited.GetProperty("version").GetInt32().ShouldBe(2);
        var second = await OkAsync(await nisc.PostAsync($"/api/v1/interdependency/scenarios/{id}/runs", null), HttpStatusCode.Created);
        Electricity(second.GetProperty("result")).ShouldBeGreaterThan(firstQ);
        second.GetProperty("inputSha256").GetString().ShouldNotBe(first.GetProperty("inputSha256").GetString());

        // The first run is what it was: its result did not follow the edit.
        var again = await OkAsync(await nisc.GetAsync($"/api/v1/interdependency/runs/{first.GetProperty("id").GetGuid()}"));
        Electricity(again.GetProperty("result")).ShouldBe(firstQ);
        var view = await OkAsync(await nisc.GetAsync($"/api/v1/interdependency/scenarios/{id}"));
        view.GetProperty("runs").GetArrayLength().ShouldBe(2);

        var csv = await nisc.GetAsync($"/api/v1/interdependency/runs/{first.GetProperty("id").GetGuid()}/result.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("step,time,telecom,");
        lines.Length.ShouldBe(1 + 49);

        (await nisc.PutAsJsonAsync($"/api/v1/interdependency/scenarios/{id}", new { document = PowerOutage(0.1), version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static double Electricity(JsonElement result) =>
        result.GetProperty("static").GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "electricity").GetProperty("inoperability").GetDouble();

    [Fact]
    public async Task Save_BadDocument_ErrorsAtTheirPlace_NothingSaved()
    {
        var meti = await DeskAsync("meti");
        var bad = JsonSerializer.SerializeToElement(new
        {
            model = "operators",
            name = "壊れたグラフ",
            graph = new { nodes = new[] { new { id = "a" } }, dependencies = new[] { new { dependent = "a", provider = "ghost" } } },
            simulation = new { disruptions = Array.Empty<object>(), steps = 0 },
        });
        var errors = await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document = bad }));
        errors.Keys.ShouldContain("document.graph.dependencies[0].provider");
        (await OkAsync(await meti.GetAsync("/api/v1/interdependency/scenarios"))).GetArrayLength().ShouldBe(0);

        var unnamed = JsonSerializer.SerializeToElement(new { model = "sectors", @static = new { perturbations = new[] { new { sector = "water", value = 0.2 } } } });
        (await ErrorsAsync(await meti.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document = unnamed }))).Keys.ShouldContain("name");
    }

    [Fact]
    public async Task Scenarios_OwnOrganisationOnly_DeskRolesToSaveAndRun()
    {
        var nisc = await DeskAsync("nisc");
        var id = (await OkAsync(await nisc.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document = PowerOutage(0.2) }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var run = (await OkAsync(await nisc.PostAsync($"/api/v1/interdependency/scenarios/{id}/runs", null), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Another organisation's analyst: the scenario and its runs do not exist for it.
        var meti = await DeskAsync("meti");
        (await meti.GetAsync($"/api/v1/interdependency/scenarios/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await meti.PostAsync($"/api/v1/interdependency/scenarios/{id}/runs", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await meti.GetAsync($"/api/v1/interdependency/runs/{run}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await meti.GetAsync($"/api/v1/interdependency/runs/{run}/result.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync(await meti.GetAsync("/api/v1/interdependency/scenarios"))).EnumerateArray().ShouldNotContain(s => s.GetProperty("id").GetGuid() == id);

        // A viewer of the same organisation reads but does not save or run.
        var viewer = await DeskAsync("nisc", Role.Viewer);
        (await viewer.GetAsync($"/api/v1/interdependency/scenarios/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync($"/api/v1/interdependency/scenarios/{id}/runs", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document = PowerOutage(0.2) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.Anonymous().GetAsync("/api/v1/interdependency/scenarios")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OperatorGraph_NodesAreTheDirectorysOrganisations()
    {
        var (_, _, water) = await app.OperatorAsync("water");
        var nisc = await DeskAsync("nisc");
        var template = await OkAsync(await nisc.GetAsync("/api/v1/interdependency/graphs/template?sector=water"));
        var nodes = template.GetProperty("nodes").EnumerateArray().ToList();
        nodes.ShouldContain(n => n.GetProperty("organisation").GetString() == water.Id.ToString("D"));
        nodes.ShouldAllBe(n => n.GetProperty("sector").GetString() == "water");

        // The template completed with a power utility (named by its code in the directory) the water operator depends on.
        var graph = new
        {
            nodes = new object[]
            {
                new { id = "water-op", organisation = water.Id.ToString("D"), name = "浄水", sector = "water" },
                new { id = "grid", organisation = "nisc", name = "仮の電源", sector = "electricity" },
            },
            dependencies = new[] { new { dependent = "water-op", provider = "grid", backupHours = 12 } },
        };
        var document = JsonSerializer.SerializeToElement(new { model = "operators", name = "浄水場の電源喪失", graph, simulation = new { disruptions = new[] { new { nodeId = "grid", fromStep = 0, toStep = 30 } }, steps = 48 } });
        (await nisc.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var unknown = JsonSerializer.SerializeToElement(new
        {
            model = "operators",
            name = "架空の事業者",
            graph = new { nodes = new[] { new { id = "x", organisation = "存在しない水道会社" } }, dependencies = Array.Empty<object>() },
            simulation = new { disruptions = Array.Empty<object>(), steps = 5 },
        });
        var errors = await ErrorsAsync(await nisc.PostAsJsonAsync("/api/v1/interdependency/scenarios", new { document = unknown }));
        errors["document.graph.nodes[0].organisation"][0].ShouldContain("存在しない水道会社");
    }

    [Fact]
    public async Task ImportGraph_FromCsv_GivesTheScenarioGraphOrTheLinesAtFault()
    {
        var nisc = await DeskAsync("nisc");
        const string csv = "id,organisation,name,sector,population,recovery_hours\r\npower-x,,電力X,electricity,500000,2\r\nhospital-a,,病院A,medical,20000,12\r\n" +
            "dependent,provider,strength,backup_hours,recovery_hours\r\nhospital-a,power-x,1,72,12\r\n";
        var graph = await OkAsync(await nisc.PostAsync("/api/v1/interdependency/graphs/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv")));
        graph.GetProperty("nodes").GetArrayLength().ShouldBe(2);
        graph.GetProperty("dependencies")[0].GetProperty("backupHours").GetDouble().ShouldBe(72);

        var bad = csv.Replace("hospital-a,power-x,1,72,12", "hospital-a,power-y,1,72,12", StringComparison.Ordinal);
        var errors = await ErrorsAsync(await nisc.PostAsync("/api/v1/interdependency/graphs/import", new StringContent(bad, System.Text.Encoding.UTF8, "text/csv")));
        errors.Keys.ShouldContain(k => k.Contains("line", StringComparison.Ordinal) && k.EndsWith("provider", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DefaultMatrix_CarriesEveryCoefficientsProvenance()
    {
        var member = (await app.OperatorAsync("water")).Client;
        var matrix = await OkAsync(await member.GetAsync("/api/v1/interdependency/matrices/default"));
        matrix.GetProperty("sectors").GetArrayLength().ShouldBe(15);
        matrix.GetProperty("matrix").GetArrayLength().ShouldBe(15);
        matrix.GetProperty("provenance").GetProperty("coefficients").GetArrayLength().ShouldBeGreaterThan(0);
    }
}

public sealed class ScenarioApiTests_Sqlite(SqliteApp app) : ScenarioApiTests<SqliteApp>(app);

public sealed class ScenarioApiTests_Postgres(PostgresApp app) : ScenarioApiTests<PostgresApp>(app);
