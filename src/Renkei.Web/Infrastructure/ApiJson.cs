using System.Text.Json;
using System.Text.Json.Serialization;

namespace Renkei.Web.Infrastructure;

/// <summary>The API's JSON rules.</summary>
/// <remarks>
/// Strict on input: unknown properties, duplicate properties, integer enum values and enum values
/// outside the list are refused with the JSON path of the offending field, so a typo in a field
/// name cannot silently drop data.
/// </remarks>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }
}
