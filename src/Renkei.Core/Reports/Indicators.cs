using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Renkei.Reports;

/// <summary>Checks and normalises typed indicators, so the same indicator always has the same value.</summary>
public static partial class Indicators
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The normalised value, or null when the value is not a valid indicator of that type.</summary>
    public static string? Normalise(IndicatorType type, string raw)
    {
        var value = raw.Trim();
        switch (type)
        {
            case IndicatorType.Ipv4:
                return DottedQuad().IsMatch(value) && IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork ? v4.ToString() : null;
            case IndicatorType.Ipv6:
                return value.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6.ToString() : null;
            case IndicatorType.Domain:
                return Domain(value);
            case IndicatorType.Url:
                return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme is "http" or "https" or "ftp") && Domain(url.Host) is not null ? url.AbsoluteUri : null;
            case IndicatorType.Md5:
                return Hex(value, 32);
            case IndicatorType.Sha1:
                return Hex(value, 40);
            case IndicatorType.Sha256:
                return Hex(value, 64);
            case IndicatorType.Cve:
                return Cve().IsMatch(value) ? value.ToUpperInvariant() : null;
            case IndicatorType.Email:
                var at = value.LastIndexOf('@');
                return at > 0 && at < value.Length - 1 && !value.Any(char.IsWhiteSpace) && Domain(value[(at + 1)..]) is { } host ? value[..at] + "@" + host : null;
            default:
                return null;
        }
    }

    private static string? Domain(string value)
    {
        try
        {
            var ascii = Idn.GetAscii(value.TrimEnd('.')).ToLowerInvariant();
            return DomainName().IsMatch(ascii) ? ascii : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Hex(string value, int length) =>
        value.Length == length && value.All(Uri.IsHexDigit) ? value.ToLowerInvariant() : null;

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$", RegexOptions.IgnoreCase)]
    private static partial Regex Cve();
}
