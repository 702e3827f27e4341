using Renkei.Presets;

namespace Renkei.Web.Pages.Presets;

/// <summary>
/// What applying a preset did to a form: the fields it filled, and those it left as the user typed
/// them because they differ from the preset (filled only when the user confirms with
/// <c>overwrite</c>).
/// </summary>
public sealed class PresetFill(ContentPresetView preset, bool overwrite)
{
    /// <summary>Where the report form's content partial finds the outcome.</summary>
    public const string ViewDataKey = "PresetFill";

    public ContentPresetView Preset => preset;
    public List<string> Filled { get; } = [];
    public List<string> Kept { get; } = [];

    /// <summary>The field's new value: the preset's where the field is empty (or the user confirmed), else what was typed.</summary>
    public string? Text(string label, string? current, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return current;
        }
        if (string.IsNullOrWhiteSpace(current))
        {
            Filled.Add(label);
            return value;
        }
        if (string.Equals(current.ReplaceLineEndings("\n").Trim(), value.ReplaceLineEndings("\n").Trim(), StringComparison.Ordinal))
        {
            return current;
        }
        if (overwrite)
        {
            Filled.Add(label);
            return value;
        }
        Kept.Add(label);
        return current;
    }

    /// <summary>A choice (TLP, urgency): set when unset; a different choice is kept unless the user confirms.</summary>
    public T? Choice<T>(string label, T? current, T? value) where T : struct, Enum
    {
        if (value is null || Equals(current, value))
        {
            return current;
        }
        if (current is null || overwrite)
        {
            Filled.Add(label);
            return value;
        }
        Kept.Add(label);
        return current;
    }
}
