namespace Renkei.Directory;

/// <summary>
/// A CEPTOAR: a sector's (or sub-sector's) information-sharing and analysis function, run by a
/// secretariat, relaying government information to its members.
/// </summary>
public sealed class Ceptoar
{
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public required string SectorCode { get; set; }
    public string? BusinessScopeCode { get; set; }

    /// <summary>
    /// Recipients outside the membership NISC also sends to (the map's "NISCからの情報の展開先"),
    /// as published; the note carries qualifiers such as "by content".
    /// </summary>
    public int? ExtraRecipients { get; set; }
    public string? ExtraRecipientsNoteJa { get; set; }
    public string? ExtraRecipientsNoteEn { get; set; }

    /// <summary>The date the published member figures refer to (the map is "as of end of September 2023").</summary>
    public DateOnly? FiguresAsOf { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;

    public Sector? Sector { get; set; }
    public BusinessScope? BusinessScope { get; set; }
    public List<CeptoarMemberFigure> MemberFigures { get; set; } = [];
    public List<CeptoarMembership> Memberships { get; set; } = [];

    /// <summary>Replaces the member figures in place (by ordinal), so unchanged rows stay untouched.</summary>
    public void SetFigures(IReadOnlyList<(int Count, MemberUnit Unit)> figures)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            var existing = MemberFigures.FirstOrDefault(f => f.Ordinal == i + 1);
            if (existing is null)
            {
                MemberFigures.Add(new CeptoarMemberFigure { CeptoarCode = Code, Ordinal = i + 1, Count = figures[i].Count, Unit = figures[i].Unit });
            }
            else
            {
                existing.Count = figures[i].Count;
                existing.Unit = figures[i].Unit;
            }
        }
        MemberFigures.RemoveAll(f => f.Ordinal > figures.Count);
    }
}
