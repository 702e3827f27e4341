namespace Renkei.Indicators;

/// <summary>Typed indicators; values are validated and kept normalised for correlation.</summary>
public enum IndicatorType
{
    Ipv4,
    Ipv6,
    Domain,
    Url,
    Md5,
    Sha1,
    Sha256,
    Cve,
    Email,
}
