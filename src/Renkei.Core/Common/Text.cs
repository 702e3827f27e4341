using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Renkei.Common;

/// <summary>
/// Messages of the feature services (validation reasons, conflicts, refusals) in the caller's
/// language. The English text is the key; <c>Common/japanese-messages.json</c> holds the Japanese.
/// The UI runs in Japanese unless the user chose English; the API answers in English unless the
/// client sends <c>Accept-Language: ja</c>.
/// </summary>
public static class Text
{
    private static readonly FrozenDictionary<string, string> Japanese = Load();

    /// <summary>The template in the current UI language, formatted with the arguments.</summary>
    public static string T(string english, params object?[] args)
    {
        var template = InJapanese && Japanese.TryGetValue(english, out var ja) ? ja : english;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }

    /// <summary>Whether the English text is a known message (it has a translation).</summary>
    public static bool Knows(string english) => Japanese.ContainsKey(english);

    public static bool InJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";

    /// <summary>Every English message that has a Japanese translation (for tests).</summary>
    public static IEnumerable<string> TranslatedKeys => Japanese.Keys;

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Text).Assembly.GetManifestResourceStream("Renkei.JapaneseMessages.json")
            ?? throw new InvalidOperationException("japanese-messages.json is not embedded.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
