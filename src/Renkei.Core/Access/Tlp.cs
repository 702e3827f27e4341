using System.Text.Json.Serialization;

namespace Renkei.Access;

/// <summary>Traffic Light Protocol 2.0 (FIRST): how far a record may travel.</summary>
[Storage.StoredAsText(20)]
public enum Tlp
{
    /// <summary>No limit: may be published; the only level shown without sign-in.</summary>
    Clear,
    /// <summary>The recipients' community (here: the record's audience).</summary>
    Green,
    /// <summary>Recipient organisations and, on a need-to-know basis, their clients.</summary>
    Amber,
    /// <summary>Recipient organisations only.</summary>
    [JsonStringEnumMemberName("amber+strict")]
    AmberStrict,
    /// <summary>Named individual recipients only.</summary>
    Red,
}
