using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Renkei.Common;

/// <summary>
/// Runs the DataAnnotations of an input record and reports errors under the field names clients
/// use (camelCase, as in JSON and CSV headers), so the API, the UI and CSV import say the same.
/// </summary>
public static class InputValidation
{
    public static Dictionary<string, string[]> Validate(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
            {
                var key = FieldName(input.GetType(), member);
                if (!errors.TryGetValue(key, out var list))
                {
                    errors[key] = list = [];
                }
                list.Add(Text.T(result.ErrorMessage ?? "is invalid"));
            }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    public static string FieldName(Type type, string member)
    {
        if (member.Length == 0)
        {
            return "";
        }
        var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance);
        var explicitName = property?.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name;
        return explicitName ?? JsonNamingPolicy.CamelCase.ConvertName(member);
    }

    /// <summary>Adds an error to a mutable error set.</summary>
    public static void Add(Dictionary<string, string[]> errors, string field, string reason) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, Text.T(reason)] : [Text.T(reason)];
}
