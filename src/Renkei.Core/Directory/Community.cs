namespace Renkei.Directory;

[Storage.StoredAsText(40)]
public enum CommunityKind
{
    /// <summary>Closed information-sharing and analysis centre under NDA (ICT-ISAC, 金融ISAC …).</summary>
    Isac,
    /// <summary>A council (CEPTOAR Council, 金融CEPTOAR連絡協議会).</summary>
    Council,
    /// <summary>Another sharing framework (J-CSIP, サイバーテロ対策協議会, CISTA).</summary>
    Framework,
    /// <summary>A group formed for an event (for example the Tokyo 2020 essential-service operators).</summary>
    EventGroup,
    /// <summary>
    /// Recipients NISC chooses by content (内容に応じ展開先を選定), outside every CEPTOAR: companies
    /// required to take nuclear-material protection measures, the building-automation association,
    /// the Cyber Defense Council, universities (seed 001 l.366). Its member list is a distribution
    /// list, visible only to the national centre, the group's secretariat and each member itself.
    /// </summary>
    RecipientGroup,
    Other,
}

/// <summary>A community beyond the CEPTOARs that organisations belong to and audiences can name.</summary>
public sealed class Community
{
    public required string Code { get; set; }
    public CommunityKind Kind { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public string? DescriptionJa { get; set; }
    public string? DescriptionEn { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public List<CommunityMembership> Memberships { get; set; } = [];
}
