namespace Renkei.Directory;

/// <summary>How a CEPTOAR's 展開先 is chosen for an advisory.</summary>
[Storage.StoredAsText(20)]
public enum RecipientSelection
{
    /// <summary>Receives what NISC sends through the CEPTOAR (the map's plain figures, e.g. T-CEPTOAR's 408).</summary>
    Always,

    /// <summary>Chosen by content (the water CEPTOAR's "内容に応じ 1,314事業体へ展開").</summary>
    ByContent,
}

/// <summary>
/// An organisation NISC's information also goes to through a CEPTOAR without being its member
/// (the 2023 map's "NISCからの情報の展開先 (構成員以外)", seed 001 l.365). The published count stays
/// on <see cref="Ceptoar.ExtraRecipients"/>; these rows are the ones registered in the directory.
/// </summary>
public sealed class CeptoarRecipient
{
    public required string CeptoarCode { get; set; }
    public Guid OrganisationId { get; set; }
    public RecipientSelection Selection { get; set; }
    public DateTime CreatedAt { get; set; }

    public Ceptoar? Ceptoar { get; set; }
    public Organisation? Organisation { get; set; }
}
