namespace Renkei.Directory;

/// <summary>What an organisation is in the CI partnership (DOMAIN.md §2).</summary>
[Storage.StoredAsText(40)]
public enum OrganisationKind
{
    /// <summary>NISC, the national coordinator; its admins administer the platform.</summary>
    NationalCentre,
    /// <summary>One of the five ministries in charge of CI sectors (所管省庁).</summary>
    Ministry,
    /// <summary>The body that runs a CEPTOAR (事務局), usually an industry association.</summary>
    CeptoarSecretariat,
    /// <summary>A CI operator (重要インフラ事業者).</summary>
    Operator,
    /// <summary>Related bodies (関係機関等): NPA, MOD, Cabinet Office, Digital Agency, NICT, IPA, JPCERT/CC.</summary>
    RelatedAgency,
    /// <summary>A government body under the unified standards (政府機関).</summary>
    GovernmentAgency,
    /// <summary>Cyberspace businesses: vendors and supply chain.</summary>
    Vendor,
    Other,
}
