using Microsoft.EntityFrameworkCore;
using Renkei.Common;
using Renkei.Indicators;
using Renkei.Storage;

namespace Renkei.Reports;

/// <summary>
/// Turns content input into <see cref="ReportContent"/>, or field errors under the names clients
/// send (<c>content.impact.usersAffected</c>, <c>content.indicators[2].value</c> …).
/// </summary>
public sealed class ReportValidator(RenkeiDbContext db, TimeProvider time)
{
    /// <summary>Clocks differ; an awareness time this far in the future is still accepted.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<ReportContent>> ValidateAsync(ReportContentInput? input, string prefix, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input is null)
        {
            InputValidation.Add(errors, prefix.TrimEnd('.'), "is required");
            return Problem.Invalid(errors);
        }
        foreach (var (field, reasons) in InputValidation.Validate(input))
        {
            errors[prefix + field] = reasons;
        }
        if (input.Impact is not null)
        {
            foreach (var (field, reasons) in InputValidation.Validate(input.Impact))
            {
                errors[$"{prefix}impact.{field}"] = reasons;
            }
        }

        var sector = input.SectorCode?.Trim() ?? "";
        if (sector.Length > 0 && !await db.Sectors.AnyAsync(s => s.Code == sector, ct))
        {
            InputValidation.Add(errors, prefix + "sectorCode", Text.T("'{0}' is not a sector code", sector));
        }
        var scope = string.IsNullOrWhiteSpace(input.BusinessScopeCode) ? null : input.BusinessScopeCode.Trim();
        if (scope is not null && !await db.BusinessScopes.AnyAsync(s => s.Code == scope && s.SectorCode == sector, ct))
        {
            InputValidation.Add(errors, prefix + "businessScopeCode", Text.T("'{0}' is not a business scope of sector '{1}'", scope, sector));
        }

        var category = ThreatTaxonomy.Instance.Category(input.ThreatCategory?.Trim());
        var subtype = string.IsNullOrWhiteSpace(input.ThreatSubtype) ? null : input.ThreatSubtype.Trim();
        var examples = (input.ThreatExamples ?? []).Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (category is null && !string.IsNullOrWhiteSpace(input.ThreatCategory))
        {
            InputValidation.Add(errors, prefix + "threatCategory", Text.T("'{0}' is not one of: {1}", input.ThreatCategory, string.Join(", ", ThreatTaxonomy.Instance.Categories.Select(c => c.Code))));
        }
        if (category is not null)
        {
            if (subtype is not null && category.Subtypes.All(s => s.Code != subtype))
            {
                InputValidation.Add(errors, prefix + "threatSubtype", Text.T("'{0}' is not one of: {1}", subtype, string.Join(", ", category.Subtypes.Select(s => s.Code))));
            }
            foreach (var (example, i) in examples.Select((e, i) => (e, i)).Where(x => category.Examples.All(c => c.Code != x.e)))
            {
                InputValidation.Add(errors, $"{prefix}threatExamples[{i}]", Text.T("'{0}' is not one of: {1}", example, string.Join(", ", category.Examples.Select(c => c.Code))));
            }
        }

        var now = Clock.UtcNow(time);
        var aware = Utc(input.AwareAt);
        var started = Utc(input.StartedAt);
        var ended = Utc(input.EndedAt);
        if (aware > now + ClockSkew)
        {
            InputValidation.Add(errors, prefix + "awareAt", "must not be in the future");
        }
        if (started > now + ClockSkew)
        {
            InputValidation.Add(errors, prefix + "startedAt", "must not be in the future");
        }
        if (ended is not null && started is not null && ended < started)
        {
            InputValidation.Add(errors, prefix + "endedAt", "must not be before startedAt");
        }

        var facts = Facts(input.VerificationFacts, prefix, errors);
        var indicators = IndicatorRules.Validate(input.Indicators, prefix, errors);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        return new ReportContent
        {
            Language = input.Language ?? "ja",
            Title = input.Title.Trim(),
            Kind = input.Kind!.Value,
            ThreatCategory = category!.Code,
            ThreatSubtype = subtype,
            ThreatExamples = examples,
            AffectedSystems = (input.AffectedSystems ?? []).Distinct().Order().ToList(),
            Service = Clean(input.Service),
            SectorCode = sector,
            BusinessScopeCode = scope,
            Status = Clean(input.Status),
            InterimMeasures = Clean(input.InterimMeasures),
            Cause = Clean(input.Cause),
            Countermeasures = Clean(input.Countermeasures),
            RecoveryOutlook = Clean(input.RecoveryOutlook),
            Impact = input.Impact is null ? new ImpactFigures() : new ImpactFigures
            {
                UsersAffected = input.Impact.UsersAffected,
                DurationMinutes = input.Impact.DurationMinutes,
                SupplyShortfallKw = input.Impact.SupplyShortfallKw,
                HouseholdsAffected = input.Impact.HouseholdsAffected,
                FlightsCancelled = input.Impact.FlightsCancelled,
                TrainsCancelled = input.Impact.TrainsCancelled,
                Other = Clean(input.Impact.Other),
            },
            VerificationFacts = facts,
            AwareAt = aware,
            StartedAt = started,
            EndedAt = ended,
            LegallyRequired = input.LegallyRequired ?? false,
            LegalBasis = Clean(input.LegalBasis),
            Indicators = indicators,
        };
    }

    /// <summary>Known conditions, each answered once; "unknown" answers are kept (they say what is missing).</summary>
    private static List<VerificationFact> Facts(IReadOnlyList<VerificationFactInput>? input, string prefix, Dictionary<string, string[]> errors)
    {
        var facts = new List<VerificationFact>();
        foreach (var (fact, i) in (input ?? []).Select((f, i) => (f, i)))
        {
            var field = $"{prefix}verificationFacts[{i}]";
            foreach (var (name, reasons) in InputValidation.Validate(fact))
            {
                errors[$"{field}.{name}"] = reasons;
            }
            var code = fact.Condition?.Trim() ?? "";
            if (code.Length > 0 && VerificationConditions.Find(code) is null)
            {
                InputValidation.Add(errors, field + ".condition", Text.T("'{0}' is not one of: {1}", code, string.Join(", ", VerificationConditions.All.Select(c => c.Condition.Code))));
            }
            else if (facts.Any(f => f.Condition == code))
            {
                InputValidation.Add(errors, field + ".condition", "is answered twice");
            }
            else if (code.Length > 0 && fact.Answer is { } answer)
            {
                facts.Add(new VerificationFact(code, answer));
            }
        }
        return facts.OrderBy(f => f.Condition, StringComparer.Ordinal).ToList();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Times without a zone are taken as UTC; all are kept to the millisecond.</summary>
    private static DateTime? Utc(DateTime? value) => value is { } v
        ? Clock.Truncate(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime())
        : null;
}
