namespace Renkei.Reports;

/// <summary>What happened (情報連絡の種類).</summary>
[Storage.StoredAsText(40)]
public enum ReportKind
{
    /// <summary>A CI service outage (重要インフラサービス障害).</summary>
    ServiceOutage,
    /// <summary>An attack or suspicious activity without an outage.</summary>
    Attack,
    /// <summary>A precursor or near miss (予兆・ヒヤリハット), outside legal obligation.</summary>
    NearMiss,
    Vulnerability,
}

/// <summary>Where the report stands in its life.</summary>
[Storage.StoredAsText(40)]
public enum ReportState
{
    Draft,
    Submitted,
    Acknowledged,
    UnderAnalysis,
    Closed,
}

/// <summary>速報 / 続報 / 確報.</summary>
[Storage.StoredAsText(20)]
public enum ReportStage
{
    First,
    Update,
    Final,
}

/// <summary>The contact route (連絡形態) the reporter chose.</summary>
[Storage.StoredAsText(40)]
public enum ReportRoute
{
    /// <summary>To the ministry in charge of the sector, which forwards to NISC.</summary>
    Ministry,
    /// <summary>Via the CEPTOAR secretariat, the reporter anonymised to everyone after it.</summary>
    Ceptoar,
    /// <summary>Via a security agency (NICT, IPA, JPCERT/CC: Data/routes.json), the reporter anonymised likewise where the rules allow.</summary>
    SecurityAgency,
    /// <summary>Emergency (hotline): NISC and the ministry at once.</summary>
    Emergency,
}

/// <summary>The part a hop plays on the route.</summary>
[Storage.StoredAsText(40)]
public enum HopRole
{
    Secretariat,
    SecurityAgency,
    Ministry,
    NationalCentre,
    /// <summary>Received a crime report (犯罪被害等の通報): the police.</summary>
    CrimeReport,
    /// <summary>Received a liaison request (連携要請): an incident-handling agency.</summary>
    LiaisonRequest,
}

public enum AffectedSystem
{
    /// <summary>Information systems.</summary>
    It,
    /// <summary>Control systems.</summary>
    Ot,
    Iot,
}
