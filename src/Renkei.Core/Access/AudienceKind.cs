namespace Renkei.Access;

/// <summary>What one member of an audience names.</summary>
[Storage.StoredAsText(20)]
public enum AudienceKind
{
    /// <summary>Every organisation on the platform (all CI).</summary>
    AllCi,
    Sector,
    BusinessScope,
    Ceptoar,
    Community,
    Organisation,
    User,
}
