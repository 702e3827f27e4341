using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Guideline;

/// <summary>
/// The guideline (指針, DOMAIN §6) as versions of the <c>nisc-guideline</c> framework of the
/// assessment engine: NISC publishes each version as initial, a revision (改定) or an addendum
/// (追補版), and any two versions compare item by item. Versions are never changed.
/// </summary>
public sealed class GuidelineService(RenkeiDbContext db, TimeProvider time)
{
    public async Task<List<RevisionView>> RevisionsAsync(CancellationToken ct = default)
    {
        var counts = await db.AssessmentFrameworks.AsNoTracking().Where(f => f.Code == GuidelineData.FrameworkCode)
            .Select(f => new { f.Id, Items = f.Items.Count }).ToDictionaryAsync(f => f.Id, f => f.Items, ct);
        return (await db.GuidelineRevisions.AsNoTracking().OrderBy(r => r.Version).ToListAsync(ct))
            .Select(r => View(r, counts.GetValueOrDefault(r.FrameworkId))).ToList();
    }

    public async Task<Result<RevisionDetail>> RevisionAsync(Guid id, CancellationToken ct = default)
    {
        var version = await VersionAsync(id, ct);
        if (version is null)
        {
            return Problem.NotFound("The guideline version");
        }
        var revision = await db.GuidelineRevisions.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var framework = await db.AssessmentFrameworks.AsNoTracking().FirstAsync(f => f.Id == revision.FrameworkId, ct);
        return new RevisionDetail(View(revision, version.Items.Count), framework.TitleJa, framework.TitleEn, version.Items.Select(GuidelineItemView.Of).ToList());
    }

    /// <summary>The version with its items, ordered by position; null when there is none with this id.</summary>
    public async Task<GuidelineVersion?> VersionAsync(Guid id, CancellationToken ct = default)
    {
        var revision = await db.GuidelineRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return revision is null ? null : await LoadAsync(revision, ct);
    }

    /// <summary>The latest version, or null before the first is published.</summary>
    public async Task<GuidelineVersion?> LatestAsync(CancellationToken ct = default)
    {
        var revision = await db.GuidelineRevisions.AsNoTracking().OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        return revision is null ? null : await LoadAsync(revision, ct);
    }

    /// <summary>Every version by number, for comparing coverage assessed against an older one.</summary>
    public async Task<Dictionary<int, GuidelineVersion>> AllVersionsAsync(CancellationToken ct = default)
    {
        var revisions = await db.GuidelineRevisions.AsNoTracking().ToListAsync(ct);
        var frameworks = revisions.Select(r => r.FrameworkId).ToList();
        var items = (await db.AssessmentItems.AsNoTracking().Where(i => frameworks.Contains(i.FrameworkId)).ToListAsync(ct)).ToLookup(i => i.FrameworkId);
        return revisions.ToDictionary(r => r.Version, r => Version(r, items[r.FrameworkId]));
    }

    public async Task<RevisionView?> RevisionViewAsync(Guid id, CancellationToken ct = default) =>
        (await RevisionsAsync(ct)).FirstOrDefault(r => r.Id == id);

    /// <summary>Compares version <paramref name="id"/> with <paramref name="from"/> (the one before it when left out).</summary>
    public async Task<Result<GuidelineDiffView>> DiffAsync(Guid id, Guid? from, CancellationToken ct = default)
    {
        var to = await VersionAsync(id, ct);
        if (to is null)
        {
            return Problem.NotFound("The guideline version");
        }
        GuidelineVersion? before;
        if (from is not null)
        {
            before = await VersionAsync(from.Value, ct);
            if (before is null)
            {
                return Problem.Invalid("from", "is not a version of the guideline");
            }
        }
        else
        {
            var previous = await db.GuidelineRevisions.AsNoTracking().Where(r => r.Version < to.Version).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
            if (previous is null)
            {
                return Problem.Invalid("from", "is required: this is the first version, there is none before it");
            }
            before = await LoadAsync(previous, ct);
        }
        return GuidelineComparison.Diff(before, to);
    }

    /// <summary>
    /// Publishes the next version (NISC's admins and coordinators): all its items, checked whole;
    /// the kind must fit what changed since the previous version — a revision changes the abstract
    /// content of items to consider, an addendum the rest.
    /// </summary>
    public async Task<Result<RevisionView>> PublishAsync(Caller caller, PublishInput input, CancellationToken ct = default)
    {
        if (!Permissions.PublishGuideline(caller))
        {
            return Problem.Forbidden("Only the national centre's admins and coordinators publish the guideline.");
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!EnumText.TryParse<RevisionKind>(input.Kind, out var kind))
        {
            InputValidation.Add(errors, "kind", Text.T("must be one of: {0}", string.Join(", ", EnumText.Values<RevisionKind>())));
        }
        if (input.PublishedOn is null)
        {
            InputValidation.Add(errors, "publishedOn", "is required");
        }
        CheckNote(errors, "noteJa", input.NoteJa);
        CheckNote(errors, "noteEn", input.NoteEn);
        var latest = await LatestAsync(ct);
        if (latest is not null && input.Previous is null)
        {
            InputValidation.Add(errors, "previous", "is required: the version this one was made from");
        }
        if (latest is not null && input.PublishedOn is { } on && on < latest.PublishedOn)
        {
            InputValidation.Add(errors, "publishedOn", Text.T("must not be before version {0} ({1})", latest.Version, latest.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        var items = input.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Classification))
            {
                InputValidation.Add(errors, $"items[{i}].classification", "is required for the guideline's items: to_consider or reference");
            }
        }
        var framework = FrameworkDocuments.Build(new FrameworkDocument
        {
            Code = GuidelineData.FrameworkCode,
            Version = (latest?.Version ?? 0) + 1,
            TitleJa = GuidelineData.File.TitleJa,
            TitleEn = GuidelineData.File.TitleEn,
            Kind = EnumText.ToText(FrameworkKind.Guideline),
            Items = items,
        }, i => $"items[{i}].");
        if (!framework.Ok)
        {
            foreach (var (field, reasons) in framework.Problem!.Errors!)
            {
                foreach (var reason in reasons)
                {
                    InputValidation.Add(errors, field, reason);
                }
            }
        }
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }
        if (latest is not null && input.Previous != latest.Version)
        {
            return StalePrevious(input.Previous!.Value, latest.Version);
        }
        var f = framework.Value!;
        var candidate = new GuidelineVersion(Guid.Empty, f.Id, f.Version, kind, input.PublishedOn!.Value, f.Items);
        var diff = latest is null ? null : GuidelineComparison.Diff(latest, candidate);
        if (diff is { Empty: true })
        {
            return Problem.Invalid("items", Text.T("are the same as version {0}: there is nothing to publish", latest!.Version));
        }
        if (GuidelineComparison.KindMismatch(kind, diff) is { } mismatch)
        {
            return Problem.Invalid("kind", mismatch);
        }
        var now = Clock.UtcNow(time);
        f.CreatedAt = now;
        f.CreatedByUserId = caller.UserId;
        var revision = new GuidelineRevision
        {
            Id = Guid.CreateVersion7(),
            FrameworkId = f.Id,
            Version = f.Version,
            Kind = kind,
            PublishedOn = input.PublishedOn!.Value,
            NoteJa = input.NoteJa!.Trim(),
            NoteEn = input.NoteEn!.Trim(),
            CreatedAt = now,
            PublishedByUserId = caller.UserId,
        };
        db.AssessmentFrameworks.Add(f);
        db.GuidelineRevisions.Add(revision);
        try
        {
            // One SaveChanges: the framework version, its items and the revision, or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var now2 = await LatestAsync(ct);
            return StalePrevious(input.Previous ?? 0, now2?.Version ?? 0);
        }
        return View(revision, f.Items.Count);
    }

    private static Problem StalePrevious(int sent, int latest) =>
        new(ProblemKind.Conflict, Text.T("Version {0} of the guideline was published since: compare with it and publish again.", latest),
            new Dictionary<string, string[]> { ["previous"] = [Text.T("is {0}, the latest version is {1}", sent, latest)] });

    private static void CheckNote(Dictionary<string, string[]> errors, string field, string? note)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 2000)
        {
            InputValidation.Add(errors, field, "is required (at most 2000 characters)");
        }
    }

    private async Task<GuidelineVersion> LoadAsync(GuidelineRevision r, CancellationToken ct) =>
        Version(r, await db.AssessmentItems.AsNoTracking().Where(i => i.FrameworkId == r.FrameworkId).ToListAsync(ct));

    private static GuidelineVersion Version(GuidelineRevision r, IEnumerable<AssessmentItem> items) =>
        new(r.Id, r.FrameworkId, r.Version, r.Kind, r.PublishedOn, items.OrderBy(i => i.Position).ToList());

    internal static RevisionView View(GuidelineRevision r, int items) =>
        new(r.Id, r.FrameworkId, r.Version, r.Kind, r.PublishedOn, r.NoteJa, r.NoteEn, r.Seed, items, r.CreatedAt, r.PublishedByUserId);
}
