namespace Renkei.Stix;

/// <summary>Where a stored STIX object came from; its readers are those of that record.</summary>
public enum StixSourceKind
{
    /// <summary>The export of a published advisory (one version per revision that changed it).</summary>
    Advisory,
    /// <summary>An imported bundle: an upload, an API or TAXII post, or a partner feed's pull.</summary>
    IndicatorSet,
}

/// <summary>
/// One version of one STIX object as Renkei holds it, the JSON exactly as served. TAXII pages,
/// <c>date_added</c> and the <c>X-TAXII-Date-Added-*</c> headers all follow <see cref="Seq"/>.
/// </summary>
/// <remarks>
/// Objects carry no access rules of their own: a reader sees an object only through the record
/// it belongs to (<see cref="SourceKind"/>, <see cref="SourceId"/>), which the one access policy
/// decides. Rows are written in bulk by <see cref="StixStore"/> and never by the change tracker,
/// so a 100,000-object bundle is one audit event (its import), not 100,000.
/// </remarks>
public sealed class StixObjectRecord
{
    /// <summary>Arrival order, assigned under the store's write lock: strictly increasing, no gaps within one write.</summary>
    public long Seq { get; set; }
    public StixSourceKind SourceKind { get; set; }
    public Guid SourceId { get; set; }
    public string StixId { get; set; } = "";
    public string Type { get; set; } = "";
    public string SpecVersion { get; set; } = StixTime.SpecVersion;

    /// <summary>
    /// The object's version: <c>modified</c>, else <c>created</c>, else (objects without either,
    /// such as cyber-observables) the time it was added, as TAXII 2.1 prescribes.
    /// </summary>
    public DateTime Version { get; set; }

    /// <summary>When this version entered Renkei; strictly increasing with <see cref="Seq"/>.</summary>
    public DateTime DateAdded { get; set; }

    /// <summary>The newest version of this object within its source (TAXII's default, <c>match[version]=last</c>).</summary>
    public bool IsLatest { get; set; }

    /// <summary>The oldest version of this object within its source (<c>match[version]=first</c>).</summary>
    public bool IsFirst { get; set; }

    public string Json { get; set; } = "";
}
