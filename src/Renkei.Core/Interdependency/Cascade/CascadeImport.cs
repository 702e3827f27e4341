using System.Text;
using System.Text.Json.Serialization;
using Renkei.Common;

namespace Renkei.Interdependency.Cascade;

/// <summary>An imported graph: the input as read (to store) and the built graph (to run).</summary>
public sealed record CascadeImported(CascadeGraphInput Input, [property: JsonIgnore] CascadeGraph Graph);

/// <summary>
/// Reads an operator graph from JSON or CSV (formats in docs/cascade.md). Errors name the place
/// (a JSON path, or a CSV section and line) and the node; up to <see cref="CascadeLimits.MaxErrors"/>
/// are listed. Sizes above the caps are refused as too large before anything else is checked.
/// </summary>
public static class CascadeImport
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><c>{"nodes":[…],"dependencies":[…]}</c>.</summary>
    /// <param name="sectorCodes">Known sector codes to check nodes against; null leaves sectors unchecked.</param>
    public static Result<CascadeImported> FromJson(byte[] content, IReadOnlySet<string>? sectorCodes = null)
    {
        if (TooLarge("file", content) is { } problem)
        {
            return problem;
        }
        var errors = new CascadeErrors();
        var input = CascadeJson.Read(content, errors, out var tooLarge);
        if (tooLarge is not null)
        {
            return tooLarge;
        }
        return input is null ? errors.ToProblem() : Finish(input, JsonPlaces.Instance, sectorCodes, errors);
    }

    /// <summary>Two CSV files: nodes, then dependencies.</summary>
    public static Result<CascadeImported> FromCsv(byte[] nodes, byte[] dependencies, IReadOnlySet<string>? sectorCodes = null)
    {
        if ((TooLarge("nodes", nodes) ?? TooLarge("dependencies", dependencies)) is { } problem)
        {
            return problem;
        }
        var errors = new CascadeErrors();
        var nodeText = Decode("nodes", nodes, errors);
        var dependencyText = Decode("dependencies", dependencies, errors);
        if (nodeText is null || dependencyText is null)
        {
            return errors.ToProblem();
        }
        var reader = new CascadeCsv(errors);
        reader.ReadSection(nodeText, CascadeCsv.Section.Nodes);
        reader.ReadSection(dependencyText, CascadeCsv.Section.Dependencies);
        return FromCsv(reader, sectorCodes, errors);
    }

    /// <summary>
    /// One CSV file in two sections: the nodes with their header, then the dependencies starting at
    /// their header row (the first row whose first two cells are <c>dependent,provider</c>).
    /// </summary>
    public static Result<CascadeImported> FromCsv(byte[] combined, IReadOnlySet<string>? sectorCodes = null)
    {
        if (TooLarge("file", combined) is { } problem)
        {
            return problem;
        }
        var errors = new CascadeErrors();
        var text = Decode("file", combined, errors);
        if (text is null)
        {
            return errors.ToProblem();
        }
        var reader = new CascadeCsv(errors);
        reader.ReadCombined(text);
        return FromCsv(reader, sectorCodes, errors);
    }

    private static Result<CascadeImported> FromCsv(CascadeCsv reader, IReadOnlySet<string>? sectorCodes, CascadeErrors errors)
    {
        if (reader.TooLarge is { } tooLarge)
        {
            return tooLarge;
        }
        return reader.Input() is { } input ? Finish(input, reader.Places(), sectorCodes, errors) : errors.ToProblem();
    }

    private static Result<CascadeImported> Finish(CascadeGraphInput input, ICascadePlaces places, IReadOnlySet<string>? sectorCodes, CascadeErrors errors)
    {
        if (CascadeGraphBuilder.CheckSize(input.Nodes.Count, input.Dependencies.Count) is { } tooLarge)
        {
            return tooLarge;
        }
        var graph = CascadeGraphBuilder.Build(input, places, sectorCodes, errors);
        return graph is null || errors.Any ? errors.ToProblem() : new CascadeImported(input, graph);
    }

    private static Problem? TooLarge(string field, byte[] content) =>
        content.Length > CascadeLimits.MaxBytes
            ? Problem.TooLarge(field, Text.T("The file is larger than {0} MB.", CascadeLimits.MaxBytes / (1024 * 1024)))
            : null;

    private static string? Decode(string field, byte[] content, CascadeErrors errors)
    {
        try
        {
            return StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            errors.Add(field, Text.T("The file is not valid UTF-8 (byte {0} cannot be decoded). Save it as \"CSV UTF-8\" and try again.", ex.Index));
            return null;
        }
    }
}
