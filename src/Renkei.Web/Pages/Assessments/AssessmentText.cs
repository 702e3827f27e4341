using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Renkei.Assessments;
using Renkei.Web.Infrastructure;

namespace Renkei.Web.Pages.Assessments;

/// <summary>How the assessment pages show an item's answers and aggregate values in the UI language.</summary>
public static class AssessmentText
{
    /// <summary>A categorical value: yes/no/partly in words, a choice by its label.</summary>
    public static string Key(IStringLocalizer l, AssessmentItem? item, string key) =>
        item?.AnswerType == AnswerType.YesNoPartly
            ? l["Assessments.Answer." + key]
            : item?.Choices.FirstOrDefault(c => c.Code == key) is { } c ? Ui.Name(c.LabelJa, c.LabelEn) : key;

    /// <summary>A stored answer as text ("—" when there is none).</summary>
    public static string Answer(IStringLocalizer l, AssessmentItem? item, JsonElement? value) => value switch
    {
        null => "—",
        { ValueKind: JsonValueKind.String } v when item?.AnswerType is AnswerType.YesNoPartly or AnswerType.Choice => Key(l, item, v.GetString()!),
        { ValueKind: JsonValueKind.String } v => v.GetString()!,
        { ValueKind: JsonValueKind.Array } v => string.Join("、", v.EnumerateArray().Select(e => Key(l, item, e.GetString() ?? ""))),
        { ValueKind: JsonValueKind.Number } v => v.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
        { } v => v.GetRawText(),
    };

    public static string Share(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Mean(double? mean) => mean?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    public static string Sector(IReadOnlyList<Renkei.Directory.SectorView> sectors, string? code, IStringLocalizer l) =>
        code is null ? l["Assessments.National"] : sectors.FirstOrDefault(s => s.Code == code) is { } s ? Ui.Name(s.NameJa, s.NameEn) : code;
}
