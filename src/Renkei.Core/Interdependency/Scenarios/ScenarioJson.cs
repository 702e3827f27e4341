using System.Text.Json;
using System.Text.Json.Serialization;

namespace Renkei.Interdependency.Scenarios;

/// <summary>The JSON conventions of scenario and result documents (docs/schemas/): camelCase, enums in snake_case.</summary>
public static class ScenarioJson
{
    /// <summary>For reading scenarios: unknown properties and missing required ones are errors, so a typo never silently means "default".</summary>
    public static JsonSerializerOptions Read { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 16,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>A stored result document read back (docs/schemas/result.schema.json).</summary>
    public static ScenarioResult ReadResult(JsonElement stored) =>
        stored.Deserialize<ScenarioResult>(Write) ?? throw new JsonException("A stored result is empty.");

    /// <summary>For writing results.</summary>
    public static JsonSerializerOptions Write { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
