namespace Renkei.Stix;

/// <summary>
/// That an object version belongs to a TAXII collection (an audience entry's key, or "public").
/// </summary>
/// <remarks>
/// Written with the object for each audience entry of its record. A page of a collection walks
/// this table's (key, seq) order and stops after one page, so it costs the same at the start and
/// at the end of a million objects; the access policy still decides, row by row, which records
/// the caller may read (<see cref="Taxii.TaxiiObjects"/>) — this table only says where to look.
/// </remarks>
public sealed class StixCollectionEntry
{
    public string CollectionKey { get; set; } = "";
    public long Seq { get; set; }
}
