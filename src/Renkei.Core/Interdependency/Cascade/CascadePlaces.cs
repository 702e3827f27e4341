using System.Globalization;

namespace Renkei.Interdependency.Cascade;

/// <summary>Names the place of an input error the way the user's file does: a JSON path or a CSV line.</summary>
internal interface ICascadePlaces
{
    string Node(int index, string field);

    string Dependency(int index, string field);
}

/// <summary>JSON paths, e.g. <c>dependencies[12].provider</c> (also used for records built in code).</summary>
internal sealed class JsonPlaces : ICascadePlaces
{
    public static readonly JsonPlaces Instance = new();

    public string Node(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"nodes[{index}].{field}");

    public string Dependency(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"dependencies[{index}].{field}");
}

/// <summary>CSV lines, e.g. <c>dependencies line 14: provider</c>; columns in the file's snake_case.</summary>
internal sealed class CsvPlaces(int[] nodeLines, int[] dependencyLines) : ICascadePlaces
{
    public string Node(int index, string field) => Place("nodes", nodeLines[index], field);

    public string Dependency(int index, string field) => Place("dependencies", dependencyLines[index], field);

    /// <summary>Places are identifiers, like JSON paths, so they stay the same in every UI language.</summary>
    public static string Place(string section, int line, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{section} line {line}: {CascadeCsv.Column(field)}");

    public static string Line(string section, int line) => string.Create(CultureInfo.InvariantCulture, $"{section} line {line}");
}
