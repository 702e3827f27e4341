using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Renkei.Common;

namespace Renkei.Directory.Csv;

/// <summary>A file-level CSV problem: the whole file is refused and nothing is applied.</summary>
public sealed class CsvFileException(string message) : Exception(message);

/// <summary>One data row: its line in the file and its fields by (lower-case) column name.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string? Get(string column) =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool Has(string column) => Fields.ContainsKey(column);
}

/// <summary>
/// Reads and writes the directory's CSV files: UTF-8 (a BOM is accepted and written, so Excel
/// shows Japanese correctly), comma-separated, a header row naming the columns.
/// </summary>
public static class CsvFile
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and splits a file; refuses bad encodings, unknown or missing columns and broken quoting.</summary>
    public static List<CsvRow> Read(byte[] content, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        if (content.Length > MaxBytes)
        {
            throw new CsvFileException(Text.T("The file is larger than {0} MB.", MaxBytes / (1024 * 1024)));
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CsvFileException(Text.T("The file is not valid UTF-8 (byte {0} cannot be decoded). Save it as \"CSV UTF-8\" and try again.", ex.Index));
        }
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CsvFileException(Text.T("The file is empty: it needs a header row and at least one data row."));
        }

        var badData = new List<string>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectDelimiter = false,
            TrimOptions = TrimOptions.None,
            BadDataFound = args => badData.Add(Text.T("line {0}: a quote is misplaced in \"{1}\"", args.Context.Parser?.RawRow, Shorten(args.RawRecord))),
            MissingFieldFound = null,
        };
        using var reader = new CsvReader(new StringReader(text), config);
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is null)
        {
            throw new CsvFileException(Text.T("The file has no header row."));
        }
        var header = reader.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = header.Where(h => !allowed.Contains(h)).ToList();
        var missing = required.Where(r => !header.Contains(r)).ToList();
        var duplicate = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || duplicate.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add(Text.T("missing columns: {0}", string.Join(", ", missing)));
            }
            if (unknown.Count > 0)
            {
                parts.Add(Text.T("unknown columns: {0}", string.Join(", ", unknown)));
            }
            if (duplicate.Count > 0)
            {
                parts.Add(Text.T("repeated columns: {0}", string.Join(", ", duplicate)));
            }
            throw new CsvFileException(Text.T("The header row does not match the format ({0}). Expected columns: {1}.", string.Join("; ", parts), string.Join(", ", allowed)));
        }

        var rows = new List<CsvRow>();
        while (reader.Read())
        {
            // The line where the record starts: its last line minus the line breaks inside it
            // (quoted fields may span lines; blank lines before it are skipped by the parser).
            var raw = reader.Parser.RawRecord.TrimEnd('\r', '\n');
            var line = reader.Parser.RawRow - raw.Count(c => c == '\n');
            var record = reader.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count >= MaxRows)
            {
                throw new CsvFileException(Text.T("The file has more than {0} rows; split it.", MaxRows));
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < record.Length ? record[i] : "";
            }
            if (record.Length > header.Length && record.Skip(header.Length).Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                fields["__extra"] = $"{record.Length - header.Length}";
            }
            rows.Add(new CsvRow(line, fields));
        }
        if (badData.Count > 0)
        {
            throw new CsvFileException(Text.T("The file's quoting is broken: {0}.", string.Join("; ", badData.Take(5))));
        }
        return rows;
    }

    /// <summary>Writes rows with a UTF-8 BOM.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var h in header)
            {
                csv.WriteField(h);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(Defuse(value ?? ""));
                }
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Spreadsheet programs execute cells that start with =, +, - or @; a leading apostrophe keeps
    /// a hostile organisation name from running as a formula on an admin's machine.
    /// </summary>
    private static string Defuse(string value) =>
        value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !IsNumber(value) ? "'" + value : value;

    private static bool IsNumber(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Shorten(string? raw) => raw is null ? "" : raw.Length <= 60 ? raw.Trim() : raw[..60].Trim() + "…";
}
