namespace Renkei.Directory;

/// <summary>A business scope within a sector (事業の範囲), e.g. 銀行等 or 証券 within finance.</summary>
public sealed class BusinessScope
{
    public required string Code { get; set; }
    public required string SectorCode { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public Sector? Sector { get; set; }
}
