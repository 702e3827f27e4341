using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Renkei.Common;

/// <summary>
/// The one spelling of an enum value outside the process: JSON, database columns, CSV files and
/// query strings all use it, so a value written by one channel is read back by every other.
/// </summary>
/// <remarks>
/// The spelling is the <see cref="JsonStringEnumMemberNameAttribute"/> where one is set (TLP's
/// "amber+strict"), otherwise the member name in snake_case ("national_centre").
/// </remarks>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> Parse, Dictionary<object, string> Format)> Maps = new();

    public static string ToText<T>(T value) where T : struct, Enum => (string)Map(typeof(T)).Format[value];

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Map(typeof(T)).Parse.TryGetValue(text.Trim().ToLowerInvariant(), out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    public static IReadOnlyList<string> Values<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(ToText).ToArray();

    private static (Dictionary<string, object> Parse, Dictionary<object, string> Format) Map(Type type) =>
        Maps.GetOrAdd(type, t =>
        {
            var parse = new Dictionary<string, object>(StringComparer.Ordinal);
            var format = new Dictionary<object, string>();
            foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var text = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name);
                var value = field.GetValue(null)!;
                parse[text] = value;
                format[value] = text;
            }
            return (parse, format);
        });
}
