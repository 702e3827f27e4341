using Renkei.Access;

namespace Renkei.Advisories;

/// <summary>What an advisory is about (情報提供の種類, DOMAIN.md §3).</summary>
public enum AdvisoryKind
{
    /// <summary>早期警戒情報.</summary>
    EarlyWarning,
    /// <summary>注意喚起.</summary>
    Alert,
    /// <summary>攻撃手法情報.</summary>
    AttackTechnique,
    /// <summary>復旧手法情報.</summary>
    RecoveryMethod,
    Vulnerability,
    /// <summary>障害情報: a telecom, power or water stop and its recovery.</summary>
    OutageInformation,
    /// <summary>Regulation and guideline news.</summary>
    Regulation,
    Newsletter,
    /// <summary>DDoS攻撃予告: an announced (threatened) DoS/DDoS attack (seed 002:1637-1639).</summary>
    DdosAnnouncement,
    /// <summary>異常通信: abnormal traffic observed (seed 002:1640, 異常なトラフィック発生).</summary>
    AbnormalTraffic,
    /// <summary>ソフトウェアの不具合: faults of core systems or software, faults when installing patches (seed 002:1704-1709).</summary>
    SoftwareFault,
}

/// <summary>Emergency advisories travel the hotline: every recipient's points of contact at once.</summary>
[Storage.StoredAsText(20)]
public enum AdvisoryUrgency
{
    Normal,
    Emergency,
}

/// <summary>
/// How a published advisory reaches its audience. Relayed advisories travel the chain NISC →
/// ministry → CEPTOAR secretariat → operators, each holder deciding by the handling rules
/// (<see cref="RelayRules"/>); direct ones reach every recipient at publish (emergency advisories
/// always do: the hotline does not wait for relays).
/// </summary>
[Storage.StoredAsText(20)]
public enum AdvisoryDistribution
{
    Relay,
    Direct,
}

[Storage.StoredAsText(20)]
public enum AdvisoryState
{
    Draft,
    Published,
    /// <summary>No longer valid; kept, still readable, marked withdrawn.</summary>
    Withdrawn,
}

/// <summary>
/// An advisory (情報提供) from NISC, a ministry, a CEPTOAR secretariat or a security agency to an
/// audience, labelled with TLP and read through <see cref="SharingPolicy"/> like every shareable
/// record. Its content is one JSON document, frozen in every revision so revisions compare field
/// by field; who received it is recorded per organisation in <see cref="AdvisoryDelivery"/>.
/// </summary>
public sealed class Advisory : IShareable
{
    public Guid Id { get; set; }
    public AdvisoryContent Content { get; set; } = new();
    public Tlp Tlp { get; set; }
    public AdvisoryUrgency Urgency { get; set; }
    public AdvisoryDistribution Distribution { get; set; }
    public AdvisoryState State { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public Guid AudienceId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>Edits of the record (optimistic concurrency); revisions count published versions.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The number of the latest published revision; 0 while a draft.</summary>
    public int Revision { get; set; }

    public Audience? Audience { get; set; }
}

/// <summary>A published version of an advisory: its content then, and what changed and why.</summary>
public sealed class AdvisoryRevision
{
    public Guid AdvisoryId { get; set; }
    public int Number { get; set; }
    public AdvisoryContent Content { get; set; } = new();
    public Tlp Tlp { get; set; }
    public AdvisoryUrgency Urgency { get; set; }

    /// <summary>"What changed", in the issuer's words; required from the second revision on.</summary>
    public string? ChangeNote { get; set; }
    public Guid PublishedByUserId { get; set; }
    public DateTime PublishedAt { get; set; }
}
