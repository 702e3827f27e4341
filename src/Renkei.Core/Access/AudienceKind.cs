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

    /// <summary>
    /// A CEPTOAR's 展開先: the organisations NISC's information also goes to through that CEPTOAR
    /// without being its members (seed 001 l.365). Named on its own: a CEPTOAR entry reaches the
    /// members only, so what is shared within a CEPTOAR never leaks to non-members.
    /// </summary>
    CeptoarRecipients,
    Community,
    Organisation,
    User,
}
