using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Renkei.Storage;

/// <summary>
/// A record kept as one JSON column (report and advisory content): the API's enum spellings,
/// compared by value so EF Core sees a change only when the content changed.
/// </summary>
internal static class JsonColumn<T> where T : class, new()
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(T content) => JsonSerializer.Serialize(content, Options);

    public static T Deserialize(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? new T();

    public static readonly ValueConverter<T, string> Converter = new(c => Serialize(c), s => Deserialize(s));

    public static readonly ValueComparer<T> Comparer = new(
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
