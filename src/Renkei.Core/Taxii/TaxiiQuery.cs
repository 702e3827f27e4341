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

/// <summary>What a page reads of each object version: its stored JSON (objects), the manifest's fields, or its version only.</summary>
public enum TaxiiShape
{
    Objects,
    Manifest,
    Versions,
}

/// <summary>
/// One page of object versions in arrival order; <see cref="Next"/> is set when more follow.
/// <see cref="FirstAdded"/> and <see cref="LastAdded"/> are the date_added of the first and last
/// entries (null when the page is empty).
/// </summary>
public sealed record TaxiiPage(IReadOnlyList<TaxiiEntry> Entries, bool More, string? Next, DateTime? FirstAdded, DateTime? LastAdded)
{
    public static readonly TaxiiPage Empty = new([], false, null, null, null);
}

/// <summary>
/// One object version with what TAXII reports about it. Only what the page's <see cref="TaxiiShape"/>
/// reads is set: the JSON for objects; id, version and date_added for a manifest; the version for versions.
/// </summary>
public sealed record TaxiiEntry(long Seq, string? StixId, DateTime? Version, DateTime? DateAdded, string? Json);
