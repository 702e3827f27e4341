using Renkei.Access;

namespace Renkei.Stix;

/// <summary>How a bundle reached Renkei.</summary>
public enum StixChannel
{
    Upload,
    Api,
    /// <summary>A TAXII client posted it to one of Renkei's collections.</summary>
    TaxiiPost,
    /// <summary>Renkei pulled it from a partner's TAXII server.</summary>
    FeedPull,
}

/// <summary>
/// A STIX bundle from a partner, kept with its provenance (who brought it, how, from where) and
/// shared like every shareable record: a TLP label no weaker than its markings, and an audience.
/// Its objects are <see cref="StixObjectRecord"/> rows with this set as their source.
/// </summary>
public sealed class IndicatorSet : IShareable
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public Tlp Tlp { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public Guid AudienceId { get; set; }
    public StixChannel Channel { get; set; }

    /// <summary>The bundle's own id, or null for a TAXII post (an envelope has none).</summary>
    public string? BundleId { get; set; }

    /// <summary>The TAXII collection it was posted to (its key), when posted.</summary>
    public string? CollectionKey { get; set; }

    /// <summary>The partner feed that delivered it, for pulls.</summary>
    public Guid? FeedId { get; set; }

    /// <summary>The producer the bundle names (its objects' <c>created_by_ref</c> identity), as written there.</summary>
    public string? Producer { get; set; }

    public int ObjectCount { get; set; }
    public int IndicatorCount { get; set; }

    /// <summary>SHA-256 of the bytes received, so the same file can be recognised and proven.</summary>
    public string Sha256 { get; set; } = "";
    public DateTime ImportedAt { get; set; }

    public Audience? Audience { get; set; }
}
