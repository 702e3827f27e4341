using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>How report content is stored (<see cref="JsonColumn{T}"/>).</summary>
internal static class ReportJson
{
    public static System.Text.Json.JsonSerializerOptions Options => JsonColumn<ReportContent>.Options;

    public static string Serialize(ReportContent content) => JsonColumn<ReportContent>.Serialize(content);

    public static ReportContent Deserialize(string json) => JsonColumn<ReportContent>.Deserialize(json);

    public static ValueConverter<ReportContent, string> Converter => JsonColumn<ReportContent>.Converter;

    public static ValueComparer<ReportContent> Comparer => JsonColumn<ReportContent>.Comparer;
}
