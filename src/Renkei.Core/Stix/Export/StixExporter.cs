using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Advisories;
using Renkei.Storage;
using Renkei.Taxii;

namespace Renkei.Stix;

/// <summary>
/// Keeps the STIX form of published advisories in the store, in the transaction that publishes,
/// revises or withdraws them, so the TAXII collections serve them from then on.
/// </summary>
public sealed class StixExporter(RenkeiDbContext db, StixStore store)
{
    public async Task AdvisoryAsync(Advisory advisory, DateTime at, CancellationToken ct = default)
    {
        if (advisory.State == AdvisoryState.Draft)
        {
            return;
        }
        var issuer = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == advisory.OwnerOrganisationId, ct);
        // Up to the advisory's revision: the backfill replays earlier ones (AdvisoryStixBackfill).
        var revisions = await db.AdvisoryRevisions.AsNoTracking().Where(r => r.AdvisoryId == advisory.Id && r.Number <= advisory.Revision).OrderBy(r => r.Number)
            .Select(r => new AdvisoryStix.Revision(r.Number, r.ChangeNote, r.PublishedAt)).ToListAsync(ct);
        var objects = AdvisoryStix.Objects(advisory, issuer, revisions, at, advisory.State == AdvisoryState.Withdrawn);
        var members = await db.AudienceMembers.AsNoTracking().Where(m => m.AudienceId == advisory.AudienceId).ToListAsync(ct);
        var keys = TaxiiCollections.KeysOf(new Audience { Id = advisory.AudienceId, Members = members }, advisory.Tlp);

        // Only what changed becomes a new version.
        var latest = await db.StixObjects.Where(o => o.SourceId == advisory.Id && o.IsLatest)
            .Select(o => new { o.StixId, o.Json }).ToDictionaryAsync(o => o.StixId, o => o.Json, StringComparer.Ordinal, ct);
        var changed = objects.Where(o => !latest.TryGetValue(o["id"]!.GetValue<string>(), out var json) || Unversioned(json) != Unversioned(o.ToJsonString())).ToList();
        await store.AppendAsync(StixSourceKind.Advisory, advisory.Id, changed.Select(Draft).ToList(), keys, at, ct);
        // A revision may widen the audience or declassify to CLEAR: earlier versions join those collections too.
        await store.AddToCollectionsAsync(advisory.Id, keys, ct);
        await store.AppendCommonAsync([Draft(StixWriter.Identity(issuer)), Draft(TlpMarkings.Definition(advisory.Tlp))], keys, at, ct);
    }

    private static StixObjectDraft Draft(JsonObject o)
    {
        var version = o["modified"]?.GetValue<string>() ?? o["created"]?.GetValue<string>();
        return new StixObjectDraft(o["id"]!.GetValue<string>(), o["type"]!.GetValue<string>(), StixTime.SpecVersion, StixTimestamp.ParseUtc(version), o.ToJsonString());
    }

    /// <summary>The JSON without <c>modified</c>, to tell a changed object from an unchanged one.</summary>
    private static string Unversioned(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("modified");
        return node.ToJsonString();
    }
}
