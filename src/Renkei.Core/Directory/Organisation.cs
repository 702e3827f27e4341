namespace Renkei.Directory;

/// <summary>A member organisation of the CI community.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    /// <summary>Stable code for organisations the reference data names (nisc, mic, ict-isac …); null for others.</summary>
    public string? Code { get; set; }

    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public OrganisationKind Kind { get; set; }

    /// <summary>The CI sector the organisation belongs to, for operators and CEPTOAR secretariats.</summary>
    public string? SectorCode { get; set; }
    public string? BusinessScopeCode { get; set; }
    public string? Website { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: an edit based on an older version is refused, not merged.</summary>
    public int Version { get; set; } = 1;

    public Sector? Sector { get; set; }
    public BusinessScope? BusinessScope { get; set; }
    public List<PointOfContact> Contacts { get; set; } = [];
    public List<CeptoarMembership> CeptoarMemberships { get; set; } = [];
    public List<CommunityMembership> CommunityMemberships { get; set; } = [];
}
