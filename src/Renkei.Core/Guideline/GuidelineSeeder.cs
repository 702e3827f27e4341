using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Renkei.Assessments;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Guideline;

/// <summary>
/// Loads the guideline versions shipped as data (Guideline/Data/guideline-revisions.json) at
/// start-up, idempotently: a version already stored is left as it is (versions never change), a
/// missing one is stored as a framework version of the engine with its revision record. The
/// shipped kinds are checked with the same rule publishing applies.
/// </summary>
public sealed class GuidelineSeeder(RenkeiDbContext db, AssessmentService assessments, TimeProvider time, ILogger<GuidelineSeeder> logger)
{
    /// <summary>Returns how many versions were added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var stored = await db.GuidelineRevisions.Select(r => r.Version).ToListAsync(ct);
        var added = 0;
        GuidelineVersion? previous = null;
        foreach (var data in GuidelineData.File.Revisions)
        {
            var kind = EnumText.Parse<RevisionKind>(data.Kind);
            if (stored.Contains(data.Version))
            {
                previous = null;
                continue;
            }
            var framework = await assessments.EnsureAsync(GuidelineData.Document(data), ct);
            var version = new GuidelineVersion(Guid.Empty, framework.Id, data.Version, kind, data.PublishedOn, framework.Items.OrderBy(i => i.Position).ToList());
            // A shipped version follows the one shipped before it; after a stored one it is not checked again.
            var diff = previous is null ? null : GuidelineComparison.Diff(previous, version);
            if ((previous is not null || data.Version == 1) && (GuidelineComparison.KindMismatch(kind, diff) is { } mismatch ? mismatch : diff is { Empty: true } ? "nothing changed" : null) is { } why)
            {
                throw new InvalidDataException($"guideline-revisions.json: version {data.Version} is {data.Kind}, but {why}.");
            }
            previous = version;
            db.GuidelineRevisions.Add(new GuidelineRevision
            {
                Id = Guid.CreateVersion7(),
                FrameworkId = framework.Id,
                Version = data.Version,
                Kind = kind,
                PublishedOn = data.PublishedOn,
                NoteJa = data.NoteJa,
                NoteEn = data.NoteEn,
                Seed = data.Seed,
                CreatedAt = Clock.UtcNow(time),
            });
            await db.SaveChangesAsync(ct);
            added++;
        }
        if (added > 0)
        {
            logger.LogInformation("Guideline: {Added} versions stored from the data file", added);
        }
        return added;
    }
}
