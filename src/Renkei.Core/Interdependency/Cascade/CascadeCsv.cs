using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>
/// Reads the CSV form of an operator graph row by row (the directory's <c>CsvFile</c> keeps every
/// row as a dictionary and stops at 50,000 rows, too heavy for a million dependencies), with the
/// same conventions: UTF-8, a header row, case-insensitive column names, line numbers that point
/// at the start of a record. Columns other than the ids are optional.
/// </summary>
internal sealed class CascadeCsv(CascadeErrors errors)
{
    public enum Section
    {
        Nodes,
        Dependencies,
    }

    private static readonly string[] NodeColumns = ["id", "organisation", "name", "sector", "population", "recovery_hours"];
    private static readonly string[] DependencyColumns = ["dependent", "provider", "strength", "backup_hours", "recovery_hours"];

    private readonly List<CascadeNodeInput> _nodes = [];
    private readonly List<int> _nodeLines = [];
    private readonly List<CascadeDependencyInput> _dependencies = [];
    private readonly List<int> _dependencyLines = [];
    // One string per id: a million dependency rows then share the node's id instead of holding copies.
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly int[][] _columns = [[], []];
    private readonly bool[] _headerBroken = new bool[2];
    private readonly int[] _headerLength = new int[2];
    private string _place = "file";

    /// <summary>Set when a section has more rows than the caps allow; reading stops there.</summary>
    public Problem? TooLarge { get; private set; }

    /// <summary>The file's column name for an input field.</summary>
    public static string Column(string field) => field switch
    {
        "recoveryHours" => "recovery_hours",
        "backupHours" => "backup_hours",
        _ => field,
    };

    public void ReadSection(string text, Section section)
    {
        _place = Name(section);
        var header = true;
        foreach (var (line, cells) in Records(text))
        {
            if (TooLarge is not null)
            {
                return;
            }
            if (header)
            {
                Header(section, cells);
                header = false;
            }
            else
            {
                Row(section, line, cells);
            }
        }
        if (header)
        {
            errors.Add(Name(section), Text.T("The file is empty: it needs a header row and at least one data row."));
        }
    }

    public void ReadCombined(string text)
    {
        var section = Section.Nodes;
        var header = true;
        var sawDependencies = false;
        foreach (var (line, cells) in Records(text))
        {
            if (TooLarge is not null)
            {
                return;
            }
            if (!header && section == Section.Nodes && cells.Length >= 2 && Is(cells[0], "dependent") && Is(cells[1], "provider"))
            {
                section = Section.Dependencies;
                header = true;
                sawDependencies = true;
            }
            if (header)
            {
                Header(section, cells);
                header = false;
            }
            else
            {
                Row(section, line, cells);
            }
        }
        if (!sawDependencies && TooLarge is null)
        {
            errors.Add("file", Text.T("The file has no dependencies section: it starts with a header row beginning dependent,provider."));
        }
    }

    /// <summary>The rows read, or null when a header was unusable (its rows were not read).</summary>
    public CascadeGraphInput? Input() => _headerBroken[0] || _headerBroken[1] ? null : new CascadeGraphInput(_nodes, _dependencies);

    public ICascadePlaces Places() => new CsvPlaces([.. _nodeLines], [.. _dependencyLines]);

    private IEnumerable<(int Line, string[] Cells)> Records(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            TrimOptions = TrimOptions.None,
            BadDataFound = args => errors.Add(_place, Text.T("line {0}: a quote is misplaced in \"{1}\"", args.Context.Parser?.RawRow, Shorten(args.RawRecord))),
            MissingFieldFound = null,
        };
        using var parser = new CsvParser(new StringReader(text), config);
        while (parser.Read())
        {
            // The line where the record starts: quoted fields may span lines.
            var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
            var line = parser.RawRow - raw.Count('\n');
            var cells = parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return (line, cells);
        }
    }

    private void Header(Section section, string[] cells)
    {
        var allowed = section == Section.Nodes ? NodeColumns : DependencyColumns;
        var required = section == Section.Nodes ? NodeColumns[..1] : DependencyColumns[..2];
        var header = cells.Select(c => c.Trim().ToLowerInvariant()).ToArray();
        var parts = new List<string>();
        if (required.Where(r => !header.Contains(r)).ToList() is { Count: > 0 } missing)
        {
            parts.Add(Text.T("missing columns: {0}", string.Join(", ", missing)));
        }
        if (header.Where(h => !allowed.Contains(h)).ToList() is { Count: > 0 } unknown)
        {
            parts.Add(Text.T("unknown columns: {0}", string.Join(", ", unknown)));
        }
        if (header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList() is { Count: > 0 } repeated)
        {
            parts.Add(Text.T("repeated columns: {0}", string.Join(", ", repeated)));
        }
        if (parts.Count > 0)
        {
            _headerBroken[(int)section] = true;
            errors.Add(Name(section), Text.T("The header row does not match the format ({0}). Expected columns: {1}.", string.Join("; ", parts), string.Join(", ", allowed)));
        }
        _columns[(int)section] = [.. allowed.Select(a => Array.IndexOf(header, a))];
        _headerLength[(int)section] = header.Length;
    }

    private void Row(Section section, int line, string[] cells)
    {
        if (_headerBroken[(int)section])
        {
            return;
        }
        var columns = _columns[(int)section];
        string? Get(int column) => columns[column] is var i and >= 0 && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
        var width = _headerLength[(int)section];
        if (cells.Length > width && cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            errors.Add(CsvPlaces.Line(Name(section), line), Text.T("the row has more cells than the header has columns"));
        }
        if (section == Section.Nodes)
        {
            if (_nodes.Count >= CascadeLimits.MaxNodes)
            {
                TooLarge = Problem.TooLarge("nodes", Text.T("The graph has more than {0} nodes.", CascadeLimits.MaxNodes));
                return;
            }
            var id = Get(0);
            if (id is not null)
            {
                _ids.TryAdd(id, id);
            }
            _nodes.Add(new CascadeNodeInput(id!, Get(1), Get(2), Get(3),
                Integer(Get(4), section, line, "population", id), Number(Get(5), section, line, "recoveryHours", id)));
            _nodeLines.Add(line);
        }
        else
        {
            if (_dependencies.Count >= CascadeLimits.MaxDependencies)
            {
                TooLarge = Problem.TooLarge("dependencies", Text.T("The graph has more than {0} dependencies.", CascadeLimits.MaxDependencies));
                return;
            }
            var dependent = Shared(Get(0));
            _dependencies.Add(new CascadeDependencyInput(dependent!, Shared(Get(1))!,
                Number(Get(2), section, line, "strength", dependent), Number(Get(3), section, line, "backupHours", dependent), Number(Get(4), section, line, "recoveryHours", dependent)));
            _dependencyLines.Add(line);
        }
    }

    private string? Shared(string? id) => id is not null && _ids.TryGetValue(id, out var shared) ? shared : id;

    private double? Number(string? text, Section section, int line, string field, string? node)
    {
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        errors.Add(CsvPlaces.Place(Name(section), line, field), Text.T("'{0}' is not a number (node '{1}')", text, node ?? ""));
        return null;
    }

    private long? Integer(string? text, Section section, int line, string field, string? node)
    {
        if (text is null)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(CsvPlaces.Place(Name(section), line, field), Text.T("'{0}' is not a whole number (node '{1}')", text, node ?? ""));
        return null;
    }

    private static string Name(Section section) => section == Section.Nodes ? "nodes" : "dependencies";

    private static bool Is(string cell, string name) => string.Equals(cell.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string? raw) => raw is null ? "" : raw.Length <= 60 ? raw.Trim() : raw[..60].Trim() + "…";
}
