using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Renkei.Reports;

/// <summary>How report content is stored: JSON with the API's enum spellings, compared by value.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(ReportContent content) => JsonSerializer.Serialize(content, Options);

    public static ReportContent Deserialize(string json) => JsonSerializer.Deserialize<ReportContent>(json, Options) ?? new ReportContent();

    public static readonly ValueConverter<ReportContent, string> Converter = new(c => Serialize(c), s => Deserialize(s));

    public static readonly ValueComparer<ReportContent> Comparer = new(
        (a, b) => Serialize(a!) == Serialize(b!),
        c => Serialize(c).GetHashCode(StringComparison.Ordinal),
        c => Deserialize(Serialize(c)));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}
