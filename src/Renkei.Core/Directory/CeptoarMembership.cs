namespace Renkei.Directory;

[Storage.StoredAsText(20)]
public enum MembershipRole
{
    Member,
    /// <summary>Runs the group: a CEPTOAR's secretariat (事務局) or a community's operator.</summary>
    Secretariat,
}

/// <summary>An organisation's membership of a CEPTOAR.</summary>
public sealed class CeptoarMembership
{
    public required string CeptoarCode { get; set; }
    public Guid OrganisationId { get; set; }
    public MembershipRole Role { get; set; }

    /// <summary>For a secretariat, the department that runs it (e.g. 事務・決済システム部).</summary>
    public string? Unit { get; set; }
    public DateTime CreatedAt { get; set; }

    public Ceptoar? Ceptoar { get; set; }
    public Organisation? Organisation { get; set; }
}
