using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Presets;

/// <summary>
/// Content presets per incident type (事案に応じた提供内容をあらかじめ設定, seed 003:20-24): Renkei's
/// defaults for every advisory kind and report threat category, and each issuing organisation's
/// own copies, which win over the defaults for its members.
/// </summary>
public sealed class ContentPresetService(RenkeiDbContext db, AccessPolicy access, TimeProvider time)
{
    public const string DefaultSource = "default";
    public const string OrganisationSource = "organisation";

    /// <summary>
    /// The presets the caller's forms offer, one per kind and language: the caller's organisation's
    /// own where it keeps one, else Renkei's default.
    /// </summary>
    public async Task<Result<List<ContentPresetView>>> OfferedAsync(Caller caller, ContentPresetTarget? target, string? kind, string? language, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (kind is not null && target is null)
        {
            InputValidation.Add(errors, "target", "is required when kind is given");
        }
        else if (kind is not null && !ContentPresetDefaults.Kinds(target!.Value).Contains(kind))
        {
            InputValidation.Add(errors, "kind", "is not a kind of this target");
        }
        if (language is not null and not ("ja" or "en"))
        {
            InputValidation.Add(errors, "language", "must be ja or en");
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        var own = await access.ContentPresets(caller)
            .Where(p => (target == null || p.Target == target) && (kind == null || p.Kind == kind) && (language == null || p.Language == language))
            .AsNoTracking().ToListAsync(ct);
        var languages = language is null ? new[] { "ja", "en" } : [language];
        var offered = new List<ContentPresetView>();
        foreach (var d in ContentPresetDefaults.All.Where(d => (target == null || d.Target == target) && (kind == null || d.Kind == kind)))
        {
            foreach (var lang in languages)
            {
                var mine = own.FirstOrDefault(p => p.Target == d.Target && p.Kind == d.Kind && p.Language == lang);
                offered.Add(mine is null ? View(d, lang) : View(mine));
            }
        }
        // An organisation's preset for a kind without a default still counts.
        offered.AddRange(own.Where(p => offered.All(o => o.Id != p.Id) && ContentPresetDefaults.Find(p.Target, p.Kind) is null).Select(View));
        return offered;
    }

    /// <summary>The one preset a form applies for a kind, in the form's language.</summary>
    public async Task<ContentPresetView?> ForFormAsync(Caller caller, ContentPresetTarget target, string kind, string language, CancellationToken ct = default)
    {
        var offered = await OfferedAsync(caller, target, kind, language, ct);
        return offered.Ok ? offered.Value!.FirstOrDefault() : null;
    }

    /// <summary>The organisation's own presets, for its members who keep them.</summary>
    public async Task<Result<List<ContentPresetView>>> OwnAsync(Caller caller, Guid organisationId, CancellationToken ct = default)
    {
        if (!Permissions.ManageContentPresets(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its presets.");
        }
        var own = await access.ContentPresets(caller).AsNoTracking()
            .OrderBy(p => p.Target).ThenBy(p => p.Kind).ThenBy(p => p.Language).ToListAsync(ct);
        return own.Select(View).ToList();
    }

    public async Task<Result<ContentPresetView>> GetAsync(Caller caller, Guid organisationId, Guid id, CancellationToken ct = default)
    {
        if (!Permissions.ManageContentPresets(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its presets.");
        }
        var preset = await access.ContentPresets(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return preset is null ? Problem.NotFound("The preset") : View(preset);
    }

    public async Task<Result<ContentPresetView>> CreateAsync(Caller caller, Guid organisationId, ContentPresetInput input, CancellationToken ct = default)
    {
        if (!Permissions.ManageContentPresets(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its presets.");
        }
        if (Validate(caller, input) is { } invalid)
        {
            return invalid;
        }
        var language = input.Language ?? "ja";
        if (await access.ContentPresets(caller).AnyAsync(p => p.Target == input.Target && p.Kind == input.Kind && p.Language == language, ct))
        {
            return Problem.Conflict("The organisation already keeps a preset for this kind and language. Edit that one.");
        }
        var now = Clock.UtcNow(time);
        var preset = new ContentPreset
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = caller.OrganisationId,
            Target = input.Target!.Value,
            Kind = input.Kind!,
            Language = language,
            Content = Content(input),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedByUserId = caller.UserId,
        };
        db.ContentPresets.Add(preset);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict("The organisation already keeps a preset for this kind and language. Edit that one.");
        }
        return View(preset);
    }

    public async Task<Result<ContentPresetView>> UpdateAsync(Caller caller, Guid organisationId, Guid id, ContentPresetInput input, CancellationToken ct = default)
    {
        if (!Permissions.ManageContentPresets(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its presets.");
        }
        var preset = await access.ContentPresets(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (preset is null)
        {
            return Problem.NotFound("The preset");
        }
        if (input.Version is null)
        {
            return Problem.Invalid("version", "is required: send the version you are editing");
        }
        if (input.Version != preset.Version)
        {
            return Problem.StaleVersion(input.Version.Value, preset.Version);
        }
        if (Validate(caller, input) is { } invalid)
        {
            return invalid;
        }
        if (input.Target != preset.Target || input.Kind != preset.Kind || (input.Language ?? "ja") != preset.Language)
        {
            return Problem.Invalid("kind", "cannot change: a preset keeps its target, kind and language (create another one)");
        }
        var content = Content(input);
        if (content == preset.Content)
        {
            return View(preset);
        }
        preset.Content = content;
        preset.Version++;
        preset.UpdatedAt = Clock.UtcNow(time);
        preset.UpdatedByUserId = caller.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The preset was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return View(preset);
    }

    /// <summary>Deletes the organisation's own preset: its members get Renkei's default again.</summary>
    public async Task<Result<bool>> DeleteAsync(Caller caller, Guid organisationId, Guid id, int? version, CancellationToken ct = default)
    {
        if (!Permissions.ManageContentPresets(caller, organisationId))
        {
            return Problem.Forbidden("Only the organisation's admins and coordinators keep its presets.");
        }
        var preset = await access.ContentPresets(caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (preset is null)
        {
            return Problem.NotFound("The preset");
        }
        if (version is not null && version != preset.Version)
        {
            return Problem.StaleVersion(version.Value, preset.Version);
        }
        db.ContentPresets.Remove(preset);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The preset was changed by someone else at the same time. Reload it and apply your change again.");
        }
        return true;
    }

    private static Problem? Validate(Caller caller, ContentPresetInput input)
    {
        var errors = InputValidation.Validate(input);
        if (input.Target is { } target)
        {
            if (input.Kind is not null && !errors.ContainsKey("kind") && !ContentPresetDefaults.Kinds(target).Contains(input.Kind))
            {
                InputValidation.Add(errors, "kind", "is not a kind of this target");
            }
            if (!Permissions.UseContentPresets(caller, target))
            {
                InputValidation.Add(errors, "target", target == ContentPresetTarget.Advisory
                    ? "is advisory, and the organisation does not issue advisories"
                    : "is report, and the caller does not file reports");
            }
            if (target == ContentPresetTarget.Report && input.Urgency is not null)
            {
                InputValidation.Add(errors, "urgency", "applies to advisory presets only");
            }
            if (target == ContentPresetTarget.Report && (!string.IsNullOrEmpty(input.Summary) || !string.IsNullOrEmpty(input.Body) || !string.IsNullOrEmpty(input.RecommendedActions)))
            {
                InputValidation.Add(errors, "target", "is report: summary, body and recommended actions belong to advisory presets");
            }
            if (target == ContentPresetTarget.Advisory && new[] { input.Status, input.InterimMeasures, input.Cause, input.Countermeasures, input.RecoveryOutlook }.Any(s => !string.IsNullOrEmpty(s)))
            {
                InputValidation.Add(errors, "target", "is advisory: status, interim measures, cause, countermeasures and recovery outlook belong to report presets");
            }
        }
        return errors.Count > 0 ? Problem.Invalid(errors) : null;
    }

    private static PresetContent Content(ContentPresetInput input) => new()
    {
        Title = input.Title!.Trim(),
        Summary = Clean(input.Summary),
        Body = Clean(input.Body),
        RecommendedActions = Clean(input.RecommendedActions),
        Status = Clean(input.Status),
        InterimMeasures = Clean(input.InterimMeasures),
        Cause = Clean(input.Cause),
        Countermeasures = Clean(input.Countermeasures),
        RecoveryOutlook = Clean(input.RecoveryOutlook),
        Tlp = input.Tlp,
        Urgency = input.Urgency,
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ContentPresetView View(DefaultPreset d, string language) =>
        new(null, d.Target, d.Kind, language, DefaultSource, d.In(language), d.RenkeiOwn, d.Seed, null, null, null);

    private static ContentPresetView View(ContentPreset p) =>
        new(p.Id, p.Target, p.Kind, p.Language, OrganisationSource, p.Content, false, null, p.OrganisationId, p.Version, p.UpdatedAt);
}
