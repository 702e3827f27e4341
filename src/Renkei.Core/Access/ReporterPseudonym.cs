namespace Renkei.Access;

/// <summary>
/// How an anonymised reporter is named: after the CEPTOAR or agency that relays it, or, failing
/// both, after its sector — enough for a desk to place the report, not enough to tell who.
/// </summary>
internal static class ReporterPseudonym
{
    public static (string Ja, string En) Name((string Ja, string En)? ceptoar, (string Ja, string En)? agency, (string Ja, string En)? sector, string sectorCode)
    {
        if (ceptoar is { } c)
        {
            return ($"{c.Ja}の構成員", $"a member of {c.En}");
        }
        if (agency is { } a)
        {
            return ($"{a.Ja}経由で報告した重要インフラ事業者", $"a CI operator reporting via {a.En}");
        }
        return ($"{sector?.Ja ?? sectorCode}分野の事業者", $"an operator in the {sector?.En ?? sectorCode} sector");
    }
}
