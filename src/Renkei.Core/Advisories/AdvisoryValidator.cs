using Renkei.Common;
using Renkei.Indicators;
using Renkei.Reports;

namespace Renkei.Advisories;

/// <summary>Turns an issuer's input into advisory content, or a problem naming each bad field.</summary>
public static class AdvisoryValidator
{
    public const int MaxChangeNote = 2000;
    public const int MaxResponseNote = 4000;
    public const int MaxListEntries = 100;
    public const int MaxReferenceLength = 2048;
    public const int MaxProductLength = 300;

    public static Result<AdvisoryContent> Validate(AdvisoryInput input)
    {
        var errors = InputValidation.Validate(input);
        var products = Entries(input.AffectedProducts, "affectedProducts", MaxProductLength, errors);
        var references = Entries(input.References, "references", MaxReferenceLength, errors);
        for (var i = 0; i < references.Count; i++)
        {
            // Links are shown to every recipient: only web addresses, never javascript: or data:.
            if (!Uri.TryCreate(references[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                InputValidation.Add(errors, $"references[{i}]", "must be an absolute http or https URL");
            }
        }
        if (input.ValidFrom is { } from && input.ValidUntil is { } until && until < from)
        {
            InputValidation.Add(errors, "validUntil", "must not be before validFrom");
        }
        if (input.AlertLevel is { } alert && SeverityScale.Alert(alert) is null)
        {
            InputValidation.Add(errors, "alertLevel", Text.T("must be one of: {0}", string.Join(", ", SeverityScale.AlertLevels.Select(l => l.Level))));
        }
        var indicators = IndicatorRules.Validate(input.Indicators, "", errors);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        return new AdvisoryContent
        {
            Language = input.Language ?? "ja",
            Kind = input.Kind!.Value,
            Title = input.Title.Trim(),
            Summary = input.Summary.Trim(),
            Body = input.Body ?? "",
            RecommendedActions = string.IsNullOrWhiteSpace(input.RecommendedActions) ? null : input.RecommendedActions.Trim(),
            AffectedProducts = products,
            Indicators = indicators,
            References = references,
            ValidFrom = input.ValidFrom is { } f ? Clock.Truncate(f.ToUniversalTime()) : null,
            ValidUntil = input.ValidUntil is { } u ? Clock.Truncate(u.ToUniversalTime()) : null,
            AlertLevel = input.AlertLevel,
        };
    }

    private static List<string> Entries(IReadOnlyList<string>? raw, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        raw ??= [];
        if (raw.Count > MaxListEntries)
        {
            InputValidation.Add(errors, field, Text.T("may name at most {0} entries", MaxListEntries));
            return [];
        }
        var kept = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var value = raw[i]?.Trim() ?? "";
            if (value.Length == 0)
            {
                InputValidation.Add(errors, $"{field}[{i}]", "must not be empty");
            }
            else if (value.Length > maxLength)
            {
                InputValidation.Add(errors, $"{field}[{i}]", Text.T("must be at most {0} characters", maxLength));
            }
            else if (!kept.Contains(value, StringComparer.Ordinal))
            {
                kept.Add(value);
            }
        }
        return kept;
    }
}
