namespace Renkei.Directory;

/// <summary>A critical-infrastructure sector (重要インフラ分野), kept as data: the list has changed with every action plan.</summary>
public sealed class Sector
{
    /// <summary>Stable code (telecom, finance …) used in APIs, audiences and rules.</summary>
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }

    /// <summary>The ministry in charge (所管省庁).</summary>
    public Guid? MinistryId { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public Organisation? Ministry { get; set; }
    public List<BusinessScope> BusinessScopes { get; set; } = [];
    public List<Ceptoar> Ceptoars { get; set; } = [];
}
