namespace Renkei.Directory;

/// <summary>Units the published CEPTOAR member figures are counted in.</summary>
[Storage.StoredAsText(40)]
public enum MemberUnit
{
    Companies,
    Bodies,
    Institutions,
    Groups,
    Prefectures,
    Municipalities,
    WaterUtilities,
}

/// <summary>
/// One published member figure of a CEPTOAR ("27 companies", "1 body"): the map's counts, which
/// include organisations not (yet) registered in Renkei.
/// </summary>
public sealed class CeptoarMemberFigure
{
    public required string CeptoarCode { get; set; }
    public int Ordinal { get; set; }
    public int Count { get; set; }
    public MemberUnit Unit { get; set; }
}
