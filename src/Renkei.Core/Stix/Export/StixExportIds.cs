namespace Renkei.Stix;

/// <summary>
/// Renkei's own namespace for deterministic STIX ids: the same record always exports to the same
/// ids (UUIDv5 of a name such as <c>advisory:{id}:indicator:ipv4:198.51.100.3</c>), so partners
/// who pulled an object recognise its next version.
/// </summary>
public static class StixExportIds
{
    public static readonly Guid Namespace = new("7c1e5a52-2c0e-5d2b-9f43-5a0b1e6d3c21");

    public static string Organisation(Guid id) => StixIds.For("identity", Namespace, "organisation:" + id.ToString("D"));

    /// <summary>
    /// A reporter the reader may not know: derived from the report alone, so two reports by the
    /// same organisation get unrelated pseudonyms and nothing in the id leads back to it.
    /// </summary>
    public static string Pseudonym(Guid reportId) => StixIds.For("identity", Namespace, "report-reporter:" + reportId.ToString("D"));

    public static string Of(string type, string name) => StixIds.For(type, Namespace, name);
}

/// <summary>Renkei's sectors in STIX's industry-sector vocabulary (§10.9), for identities.</summary>
public static class StixSectors
{
    public static string? Of(string? sectorCode) => sectorCode switch
    {
        "telecom" => "telecommunications",
        "finance" or "credit" => "financial-services",
        "aviation" => "aviation",
        "airports" or "railways" or "logistics" or "ports" => "transportation",
        "electricity" or "gas" => "utilities",
        "government" => "government-national",
        "medical" => "healthcare",
        "water" => "water",
        "chemicals" => "chemical",
        "petroleum" => "energy",
        _ => null,
    };
}
