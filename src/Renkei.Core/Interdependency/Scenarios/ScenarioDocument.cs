using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Renkei.Common;
using Renkei.Interdependency.Cascade;
using Renkei.Interdependency.Sectors;

namespace Renkei.Interdependency.Scenarios;

/// <summary>
/// Reads a scenario document (docs/schemas/scenario.schema.json). The matrix and the graph go
/// through their own readers, which name each bad value's place; the other sections bind strictly
/// (unknown or missing properties are errors). Every error key is the JSON path in the scenario,
/// e.g. <c>matrix.matrix[2][5]</c>, <c>graph.dependencies[12].provider</c>, <c>dynamic.steps</c>.
/// </summary>
public static class ScenarioDocument
{
    /// <summary>The graph's own cap, plus room for the rest.</summary>
    public const int MaxBytes = CascadeLimits.MaxBytes + SectorMatrixDocument.MaxBytes;

    private static readonly string[] SectorSections = ["model", "name", "matrix", "static", "dynamic"];
    private static readonly string[] OperatorSections = ["model", "name", "graph", "simulation", "spof"];

    public static Result<ScenarioInput> Read(byte[] utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Problem.TooLarge("document", Text.T("The document is larger than {0} MiB.", MaxBytes / (1024 * 1024)));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return Problem.Invalid("document", Text.T("The document is not valid JSON (line {0}, position {1}).", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem.Invalid("document", "must be a JSON object with model and its sections");
            }
            var model = Model(root);
            if (!model.Ok)
            {
                return model.Problem!;
            }
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var allowed = model.Value == ScenarioModel.Sectors ? SectorSections : OperatorSections;
            foreach (var property in root.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            {
                InputValidation.Add(errors, property.Name, model.Value == ScenarioModel.Sectors
                    ? "is not part of a sectors scenario (model, name, matrix, static, dynamic)"
                    : "is not part of an operators scenario (model, name, graph, simulation, spof)");
            }
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (name is { Length: > 200 })
            {
                InputValidation.Add(errors, "name", "must be at most 200 characters");
            }
            var input = model.Value == ScenarioModel.Sectors ? Sectors(root, name, errors) : Operators(root, name, errors);
            if (errors.Count > 0)
            {
                return Problem.Invalid(errors);
            }
            return input! with { InputSha256 = Convert.ToHexStringLower(SHA256.HashData(utf8)) };
        }
    }

    private static Result<ScenarioModel> Model(JsonElement root)
    {
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            return Problem.Invalid("model", "is required: sectors or operators");
        }
        return model.GetString() switch
        {
            "sectors" => ScenarioModel.Sectors,
            "operators" => ScenarioModel.Operators,
            _ => Problem.Invalid("model", "is required: sectors or operators"),
        };
    }

    private static ScenarioInput? Sectors(JsonElement root, string? name, Dictionary<string, string[]> errors)
    {
        var matrix = DefaultSectorMatrix.Instance.Matrix;
        if (root.TryGetProperty("matrix", out var given))
        {
            var loaded = SectorMatrixDocument.Load(given.GetRawText());
            if (loaded.Ok)
            {
                matrix = loaded.Value!;
            }
            else
            {
                Merge(errors, "matrix", loaded.Problem!);
            }
        }
        var staticRun = Section<StaticScenario>(root, "static", errors);
        var dynamicRun = Section<DynamicScenario>(root, "dynamic", errors);
        if (!root.TryGetProperty("static", out _) && !root.TryGetProperty("dynamic", out _))
        {
            InputValidation.Add(errors, "static", "a sectors scenario needs a static or a dynamic run (or both)");
        }
        return new ScenarioInput(ScenarioModel.Sectors, name, matrix, staticRun, dynamicRun, null, null, null) { InputSha256 = "" };
    }

    private static ScenarioInput? Operators(JsonElement root, string? name, Dictionary<string, string[]> errors)
    {
        CascadeGraph? graph = null;
        if (!root.TryGetProperty("graph", out var given))
        {
            InputValidation.Add(errors, "graph", "is required");
        }
        else
        {
            var imported = CascadeImport.FromJson(Encoding.UTF8.GetBytes(given.GetRawText()), SectorCodes.Known);
            if (imported.Ok)
            {
                graph = imported.Value!.Graph;
            }
            else
            {
                Merge(errors, "graph", imported.Problem!);
            }
        }
        var simulation = Section<CascadeScenario>(root, "simulation", errors);
        if (!root.TryGetProperty("simulation", out _))
        {
            InputValidation.Add(errors, "simulation", "is required");
        }
        var spof = Section<SpofOptions>(root, "spof", errors);
        return new ScenarioInput(ScenarioModel.Operators, name, null, null, null, graph, simulation, spof) { InputSha256 = "" };
    }

    /// <summary>Binds one optional section strictly; a failure is reported at the path inside it.</summary>
    private static T? Section<T>(JsonElement root, string section, Dictionary<string, string[]> errors) where T : class
    {
        if (!root.TryGetProperty(section, out var element))
        {
            return null;
        }
        try
        {
            return element.Deserialize<T>(ScenarioJson.Read) ?? throw new JsonException("null", "$", null, null);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p ? section + p[1..] : section;
            InputValidation.Add(errors, path, e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "has a property that is not known here (check its spelling)"
                : e.Message.Contains("missing required properties", StringComparison.Ordinal)
                    ? "lacks a required property"
                    : "is missing or not of the expected type");
            return null;
        }
    }

    /// <summary>Copies a reader's errors under the section's path.</summary>
    public static void Merge(Dictionary<string, string[]> errors, string section, Problem problem)
    {
        if (problem.Errors is null or { Count: 0 })
        {
            InputValidation.Add(errors, section, problem.Detail);
            return;
        }
        foreach (var (field, reasons) in problem.Errors)
        {
            var key = field.Length == 0 || field == "document" || field == "file" ? section : field.StartsWith('[') ? section + field : section + "." + field;
            errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, .. reasons] : reasons;
        }
    }
}
