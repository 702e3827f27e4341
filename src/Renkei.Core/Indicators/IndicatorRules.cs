using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Renkei.Common;

namespace Renkei.Indicators;

/// <summary>Checks and normalises typed indicators, so the same indicator always has the same value.</summary>
public static partial class IndicatorRules
{
    private static readonly IdnMapping Idn = new();

    public const int MaxIndicators = 500;

    /// <summary>
    /// Checks a list of indicators as clients send them (reports and advisories alike): each
    /// error under <c>{prefix}indicators[i].field</c>; valid ones normalised, duplicates dropped.
    /// </summary>
    public static List<IndicatorValue> Validate(IReadOnlyList<IndicatorInput>? raw, string prefix, Dictionary<string, string[]> errors)
    {
        var indicators = new List<IndicatorValue>();
        raw ??= [];
        if (raw.Count > MaxIndicators)
        {
            InputValidation.Add(errors, prefix + "indicators", Text.T("may name at most {0} entries", MaxIndicators));
        }
        for (var i = 0; i < Math.Min(raw.Count, MaxIndicators); i++)
        {
            var indicator = raw[i];
            foreach (var (field, reasons) in InputValidation.Validate(indicator))
            {
                errors[$"{prefix}indicators[{i}].{field}"] = reasons;
            }
            if (indicator.Type is { } type && !string.IsNullOrWhiteSpace(indicator.Value))
            {
                var normalised = Normalise(type, indicator.Value);
                if (normalised is null)
                {
                    InputValidation.Add(errors, $"{prefix}indicators[{i}].value", Text.T("is not a valid {0}", EnumText.ToText(type)));
                }
                else if (!indicators.Any(x => x.Type == type && x.Value == normalised))
                {
                    indicators.Add(new IndicatorValue(type, normalised, string.IsNullOrWhiteSpace(indicator.Note) ? null : indicator.Note.Trim()));
                }
            }
        }
        return indicators;
    }

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
