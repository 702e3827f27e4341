using System.Globalization;
using Microsoft.Extensions.Localization;
using Renkei.Common;

namespace Renkei.Web.Infrastructure;

/// <summary>Display rules shared by the pages: bilingual names, JST times, enum labels.</summary>
public static class Ui
{
    public static bool English => StringCatalog.CurrentLanguage == "en";

    /// <summary>The name in the UI language, falling back to the other one.</summary>
    public static string Name(string? ja, string? en) =>
        (English ? (string.IsNullOrWhiteSpace(en) ? ja : en) : (string.IsNullOrWhiteSpace(ja) ? en : ja)) ?? "";

    /// <summary>Stored UTC, shown in Japan Standard Time, always with the zone so nobody guesses.</summary>
    public static string Jst(DateTime? utc) =>
        utc is null ? "—" : Clock.ToJst(utc.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>An enum value's label: resource key "Enum.&lt;Type&gt;.&lt;value&gt;".</summary>
    public static string Label<T>(IStringLocalizer l, T value) where T : struct, Enum =>
        l[$"Enum.{typeof(T).Name}.{EnumText.ToText(value)}"];

    public static string Number(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";
}
