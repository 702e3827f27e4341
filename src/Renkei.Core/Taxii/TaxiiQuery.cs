namespace Renkei.Taxii;

/// <summary>
/// The filters and paging of TAXII 2.1 §3.4–3.5 for one request, already checked. Versions:
/// "last" (the default), "first", "all", or exact timestamps, in any combination.
/// </summary>
public sealed record TaxiiQuery
{
    public DateTime? AddedAfter { get; init; }
    public int Limit { get; init; } = TaxiiLimits.DefaultPageSize;

    /// <summary>The <c>next</c> cursor a previous page returned: the last <c>seq</c> it held.</summary>
    public long? After { get; init; }
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public bool Last { get; init; } = true;
    public bool First { get; init; }
    public bool All { get; init; }
    public IReadOnlyList<DateTime> Versions { get; init; } = [];
    public IReadOnlyList<string> SpecVersions { get; init; } = [];
}

public static class TaxiiLimits
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
}

/// <summary>One page of object versions in arrival order; <see cref="Next"/> is set when more follow.</summary>
public sealed record TaxiiPage(IReadOnlyList<TaxiiEntry> Entries, bool More, string? Next);

/// <summary>One object version with what TAXII reports about it (the JSON only when asked for).</summary>
public sealed record TaxiiEntry(long Seq, string StixId, DateTime Version, DateTime DateAdded, string SpecVersion, string? Json);
