using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;
using Renkei.Taxii.Feeds;

namespace Renkei.Stix;

/// <summary>What one batch of a feed pull stored.</summary>
public sealed record FeedBatchResult(int Received, int Added, Guid? SetId);

public sealed partial class StixImporter
{
    /// <summary>
    /// Stores a batch of objects pulled from a partner feed as one indicator set, and moves the
    /// feed's checkpoint past them in the same transaction. The batch is validated whole (a bad
    /// object stores nothing and the checkpoint stays); objects the feed already delivered (same
    /// id and version) are not stored again. The set is labelled with the feed's TLP or the
    /// batch's own markings, whichever is stricter, and shared with the feed's audience — as far
    /// as the acting admin's organisation may still share today.
    /// </summary>
    /// <param name="envelope">A TAXII envelope (<c>{"objects": [...]}</c>) holding the batch.</param>
    public async Task<Result<FeedBatchResult>> ImportFeedBatchAsync(Caller caller, TaxiiFeed feed, byte[] envelope, string? checkpoint, CancellationToken ct = default)
    {
        if (!MayImport(caller))
        {
            return Problem.Forbidden("The feed's acting admin may no longer import STIX: an admin of the organisation has to save the feed again.");
        }
        var parsed = StixParsing.Parse(envelope, envelope: true);
        if (!parsed.Ok)
        {
            return parsed.Problem!;
        }
        using var document = parsed.Value!;
        if (document.RootElement.TryGetProperty("objects", out var list) && list.GetArrayLength() == 0)
        {
            // An empty page can still move the timeline on.
            await MoveCheckpointAsync(feed, checkpoint, ct);
            return new FeedBatchResult(0, 0, null);
        }
        var batch = StixParsing.Check(document.RootElement, envelope: true);
        if (!batch.Ok)
        {
            return batch.Problem!;
        }
        var objects = batch.Value!.Objects;
        var marked = StixBundleMarkings.Strictest(objects);
        var tlp = marked is { } m && m > feed.Tlp ? m : feed.Tlp;
        if (tlp == Tlp.Red)
        {
            return Problem.Invalid("tlp", "the partner marked objects TLP:RED: a feed cannot share them with an audience; ask the partner to send them to named people");
        }
        var audience = new Audience { Id = Guid.CreateVersion7() };
        foreach (var member in await db.AudienceMembers.AsNoTracking().Where(x => x.AudienceId == feed.AudienceId).ToListAsync(ct))
        {
            audience.Members.Add(new AudienceMember { AudienceId = audience.Id, Kind = member.Kind, Key = member.Key });
        }
        var outside = await SharingRemitAsync(caller, audience, ct);
        if (outside.Count > 0)
        {
            return Problem.Invalid(outside);
        }

        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var fresh = await NotYetDeliveredAsync(feed.Id, objects, ct);
        Guid? setId = null;
        var added = 0;
        if (fresh.Count > 0)
        {
            var title = Text.T("{0}: {1} objects", feed.Name, fresh.Count);
            var checkedFresh = batch.Value with { Objects = fresh, Title = title };
            var (set, appended) = await StoreAsync(caller, checkedFresh, title.Length > 300 ? title[..300] : title, tlp, audience, StixChannel.FeedPull, null, envelope, ct, feed.Id);
            setId = set.Id;
            added = appended.Added;
        }
        await MoveCheckpointAsync(feed, checkpoint, ct);
        await unit.CommitAsync(ct);
        return new FeedBatchResult(objects.Count, added, setId);
    }

    /// <summary>Unless an admin pointed the feed elsewhere meanwhile (whose timeline this is not).</summary>
    private Task<int> MoveCheckpointAsync(TaxiiFeed feed, string? checkpoint, CancellationToken ct) =>
        db.TaxiiFeeds.Where(f => f.Id == feed.Id && f.ApiRootUrl == feed.ApiRootUrl && f.CollectionId == feed.CollectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Checkpoint, checkpoint ?? feed.Checkpoint), ct);

    /// <summary>The objects whose id and version no earlier pull of the feed stored.</summary>
    private async Task<List<System.Text.Json.JsonElement>> NotYetDeliveredAsync(Guid feedId, IReadOnlyList<System.Text.Json.JsonElement> objects, CancellationToken ct)
    {
        var ids = objects.Select(o => StixParsing.Str(o, "id")!).Distinct(StringComparer.Ordinal).ToList();
        var sets = db.IndicatorSets.Where(s => s.FeedId == feedId).Select(s => s.Id);
        var known = new HashSet<(string, DateTime)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.StixObjects.AsNoTracking().Where(o => chunk.Contains(o.StixId) && sets.Contains(o.SourceId)).Select(o => new { o.StixId, o.Version }).ToListAsync(ct);
            known.UnionWith(rows.Select(r => (r.StixId, StixTime.Truncate(r.Version, 10))));
        }
        if (known.Count == 0)
        {
            return [.. objects];
        }
        // Versions compare at microseconds, what PostgreSQL keeps. An object without a version (an
        // SCO) is stored with its arrival time: its id alone says whether it came before.
        var knownIds = known.Select(k => k.Item1).ToHashSet(StringComparer.Ordinal);
        return objects.Where(o =>
        {
            var id = StixParsing.Str(o, "id")!;
            return StixParsing.Version(o) is { } v ? !known.Contains((id, StixTime.Truncate(v, 10))) : !knownIds.Contains(id);
        }).ToList();
    }
}
