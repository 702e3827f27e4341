using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.ReferenceData;
using Renkei.Storage;

namespace Renkei.Reports;

public sealed record VerificationRuleInput
{
    [Required(ErrorMessage = "is required"), MaxLength(1000, ErrorMessage = "must be at most 1000 characters")]
    public string DescriptionJa { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(1000, ErrorMessage = "must be at most 1000 characters")]
    public string DescriptionEn { get; init; } = "";

    public IReadOnlyList<string>? Scopes { get; init; }
    public bool AnyOutage { get; init; }

    [Range(0, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? MinUsers { get; init; }

    [Range(0, 525_600, ErrorMessage = "must be between 0 and 525,600 minutes (a year)")]
    public int? MinDurationMinutes { get; init; }

    [Range(0, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? MinKw { get; init; }

    [Range(0, long.MaxValue, ErrorMessage = "must not be negative")]
    public long? MinHouseholds { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "must not be negative")]
    public int? MinFlightsCancelled { get; init; }

    [Range(0, 1_000_000, ErrorMessage = "must not be negative")]
    public int? MinTrainsCancelled { get; init; }

    [Required(ErrorMessage = "is required: send the version you are editing")]
    public int? Version { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Reason { get; init; }
}

public sealed record DeadlineRuleInput
{
    [Required(ErrorMessage = "is required"), Range(1, 8760, ErrorMessage = "must be between 1 and 8760 hours (a year)")]
    public int? Hours { get; init; }

    [Required(ErrorMessage = "is required"), MaxLength(1000, ErrorMessage = "must be at most 1000 characters")]
    public string DescriptionJa { get; init; } = "";

    [Required(ErrorMessage = "is required"), MaxLength(1000, ErrorMessage = "must be at most 1000 characters")]
    public string DescriptionEn { get; init; } = "";

    [Required(ErrorMessage = "is required: send the version you are editing")]
    public int? Version { get; init; }

    [MaxLength(500, ErrorMessage = "must be at most 500 characters")]
    public string? Reason { get; init; }
}

/// <summary>The verification levels and reporting deadlines, in their order.</summary>
public sealed record ReportRuleSet(List<VerificationRule> VerificationRules, List<DeadlineRule> DeadlineRules);

/// <summary>
/// Admin edits of verification levels and reporting clocks: versioned like all reference data.
/// Changing a verification level does not touch evaluated reports until an admin re-evaluates.
/// </summary>
public sealed class ReportRuleEditor(RenkeiDbContext db, TimeProvider time)
{
    /// <summary>The rules as their editors see them: platform administrators only (the page that edits them).</summary>
    public async Task<Result<ReportRuleSet>> ForEditingAsync(Caller caller, CancellationToken ct = default)
    {
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        return new ReportRuleSet(await VerificationRulesAsync(ct), await DeadlineRulesAsync(ct));
    }

    public Task<List<VerificationRule>> VerificationRulesAsync(CancellationToken ct = default) =>
        db.VerificationRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);

    public Task<List<DeadlineRule>> DeadlineRulesAsync(CancellationToken ct = default) =>
        db.DeadlineRules.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);

    public async Task<Result<VerificationRule>> UpdateVerificationRuleAsync(Caller caller, string code, VerificationRuleInput input, CancellationToken ct = default)
    {
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var rule = await db.VerificationRules.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (rule is null)
        {
            return Problem.NotFound("The verification rule");
        }
        var errors = InputValidation.Validate(input);
        var scopes = (input.Scopes ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var sectorScopes = await db.BusinessScopes.Where(b => b.SectorCode == rule.SectorCode).Select(b => b.Code).ToListAsync(ct);
        foreach (var scope in scopes.Where(s => !sectorScopes.Contains(s)))
        {
            InputValidation.Add(errors, "scopes", Text.T("'{0}' is not a business scope of sector '{1}'", scope, rule.SectorCode));
        }
        if (!input.AnyOutage && input.MinUsers is null && input.MinDurationMinutes is null && input.MinKw is null && input.MinHouseholds is null
            && input.MinFlightsCancelled is null && input.MinTrainsCancelled is null)
        {
            InputValidation.Add(errors, "anyOutage", "set a threshold or make the rule count any outage");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Version != rule.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, rule.Version);
        }
        rule.DescriptionJa = input.DescriptionJa.Trim();
        rule.DescriptionEn = input.DescriptionEn.Trim();
        rule.Scopes = string.Join(';', scopes);
        rule.AnyOutage = input.AnyOutage;
        rule.MinUsers = input.MinUsers;
        rule.MinDurationMinutes = input.MinDurationMinutes;
        rule.MinKw = input.MinKw;
        rule.MinHouseholds = input.MinHouseholds;
        rule.MinFlightsCancelled = input.MinFlightsCancelled;
        rule.MinTrainsCancelled = input.MinTrainsCancelled;
        return await SaveAsync(caller, rule, ReferenceSnapshot.VerificationRule, rule.Code, ReferenceSnapshot.Of(rule), r => r.Version, (r, t) => r.UpdatedAt = t, input.Reason, ct);
    }

    public async Task<Result<DeadlineRule>> UpdateDeadlineRuleAsync(Caller caller, string code, DeadlineRuleInput input, CancellationToken ct = default)
    {
        if (!Permissions.ManageReferenceData(caller))
        {
            return Problem.Forbidden("Only platform administrators edit reference data.");
        }
        var rule = await db.DeadlineRules.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (rule is null)
        {
            return Problem.NotFound("The reporting deadline");
        }
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (input.Version != rule.Version)
        {
            return Problem.StaleVersion(input.Version!.Value, rule.Version);
        }
        rule.Hours = input.Hours!.Value;
        rule.DescriptionJa = input.DescriptionJa.Trim();
        rule.DescriptionEn = input.DescriptionEn.Trim();
        return await SaveAsync(caller, rule, ReferenceSnapshot.DeadlineRule, rule.Code, ReferenceSnapshot.Of(rule), r => r.Version, (r, t) => r.UpdatedAt = t, input.Reason, ct);
    }

    private async Task<Result<T>> SaveAsync<T>(Caller caller, T rule, string type, string key, string data, Func<T, int> version, Action<T, DateTime> touch,
        string? reason, CancellationToken ct) where T : class
    {
        var now = Clock.UtcNow(time);
        touch(rule, now);
        var entry = db.Entry(rule);
        var next = version(rule) + 1;
        entry.Property("Version").CurrentValue = next;
        db.ReferenceRevisions.Add(new ReferenceRevision
        {
            EntityType = type,
            EntityKey = key,
            Version = next,
            Data = data,
            Source = ReferenceRevisionSources.Admin,
            ChangedByUserId = caller.UserId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            ChangedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict("The record was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return rule;
    }
}
