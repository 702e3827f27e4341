using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Renkei.Advisories;
using Renkei.Storage;

namespace Renkei.Stix;

/// <summary>
/// Exports advisories published, revised or withdrawn before Renkei kept their STIX form
/// (schema 0013): without it TAXII and <c>/api/v1/advisories/{id}/stix</c> miss them. Runs at
/// every start after the migrations and from <c>renkei stix backfill</c>; an advisory that has
/// any STIX object already is left alone, so a second run does nothing.
/// </summary>
/// <remarks>
/// Each advisory is replayed through <see cref="StixExporter"/> as its live export would have
/// gone: every revision at the time it was published, then the withdrawal. The same exporter
/// gives the same ids, the same <c>modified</c> of each version and the same revocation, so a
/// partner cannot tell a backfilled advisory from one exported live. One transaction per
/// advisory: an interrupted run resumes where it stopped. Two instances starting together do not
/// store anything twice: on SQLite the write transaction excludes the other; on PostgreSQL the
/// store skips versions already present under its lock.
/// </remarks>
public sealed class AdvisoryStixBackfill(RenkeiDbContext db, StixExporter exporter, ILogger<AdvisoryStixBackfill> logger)
{
    /// <summary>Exports every published or withdrawn advisory that has no STIX object; returns how many it exported.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var pending = await Pending().OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var exported = 0;
        foreach (var id in pending)
        {
            await using (var unit = await UnitOfWork.BeginAsync(db, ct))
            {
                if (!await Pending().AnyAsync(a => a.Id == id, ct))
                {
                    continue;
                }
                await ReplayAsync(id, ct);
                await unit.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
            exported++;
        }
        if (exported > 0)
        {
            logger.LogInformation("STIX backfill: exported {Count} advisories published before their STIX form was kept", exported);
        }
        return exported;
    }

    private IQueryable<Advisory> Pending() =>
        db.Advisories.AsNoTracking().Where(a => a.State != AdvisoryState.Draft && !db.StixObjects.Any(o => o.SourceId == a.Id));

    private async Task ReplayAsync(Guid id, CancellationToken ct)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var revisions = await db.AdvisoryRevisions.AsNoTracking().Where(r => r.AdvisoryId == id).OrderBy(r => r.Number).ToListAsync(ct);
        foreach (var revision in revisions)
        {
            // The advisory as that revision published it (the audience only grows, so today's reaches at least as far).
            var then = new Advisory
            {
                Id = advisory.Id,
                Content = revision.Content,
                Tlp = revision.Tlp,
                Urgency = revision.Urgency,
                Distribution = advisory.Distribution,
                State = AdvisoryState.Published,
                OwnerOrganisationId = advisory.OwnerOrganisationId,
                CreatedByUserId = advisory.CreatedByUserId,
                AudienceId = advisory.AudienceId,
                CreatedAt = advisory.CreatedAt,
                UpdatedAt = revision.PublishedAt,
                PublishedAt = advisory.PublishedAt,
                Revision = revision.Number,
            };
            await exporter.AdvisoryAsync(then, revision.PublishedAt, ct);
        }
        if (advisory.State == AdvisoryState.Withdrawn)
        {
            // Withdrawal exports at the advisory's last update, as AdvisoryService.WithdrawAsync does.
            await exporter.AdvisoryAsync(advisory, advisory.UpdatedAt, ct);
        }
    }
}
