using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Stix;
using Renkei.Storage;

namespace Renkei.Taxii;

/// <summary>Reads of a collection's objects: pages, manifests, one object, its versions.</summary>
/// <remarks>
/// Every read starts from <see cref="TaxiiCollections.Sources"/> (what the caller may read) and
/// walks the objects in <c>seq</c> order from the cursor, so a page costs what it returns, not
/// the size of the collection before it. <c>added_after</c> becomes a starting <c>seq</c> through
/// the <c>date_added</c> index, which is sound because both increase together.
/// </remarks>
public sealed class TaxiiObjects(RenkeiDbContext db, TaxiiCollections collections)
{
    public async Task<TaxiiPage> PageAsync(Caller caller, TaxiiCollection collection, TaxiiQuery query, bool withJson, string? stixId = null, CancellationToken ct = default)
    {
        var rows = Filtered(caller, collection, query, stixId);
        var from = query.After ?? 0;
        if (query.AddedAfter is { } after)
        {
            var floor = await db.StixObjects.Where(o => o.DateAdded > after).MinAsync(o => (long?)o.Seq, ct);
            if (floor is null)
            {
                return new TaxiiPage([], false, null);
            }
            from = Math.Max(from, floor.Value - 1);
        }
        var limit = Math.Clamp(query.Limit, 1, TaxiiLimits.MaxPageSize);
        rows = rows.Where(o => o.Seq > from).OrderBy(o => o.Seq).Take(limit + 1);
        var page = withJson
            ? await rows.Select(o => new TaxiiEntry(o.Seq, o.StixId, o.Version, o.DateAdded, o.SpecVersion, o.Json)).ToListAsync(ct)
            : await rows.Select(o => new TaxiiEntry(o.Seq, o.StixId, o.Version, o.DateAdded, o.SpecVersion, null)).ToListAsync(ct);
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }
        return new TaxiiPage(page, more, more ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null);
    }

    private IQueryable<StixObjectRecord> Filtered(Caller caller, TaxiiCollection collection, TaxiiQuery query, string? stixId)
    {
        var sources = collections.Sources(caller, collection);
        var common = TaxiiCollections.CommonSourceId;
        var rows = db.StixObjects.Where(o => sources.Contains(o.SourceId) || o.SourceId == common);
        if (stixId is not null)
        {
            rows = rows.Where(o => o.StixId == stixId);
        }
        if (query.Ids.Count > 0)
        {
            var ids = query.Ids.ToArray();
            rows = rows.Where(o => ids.Contains(o.StixId));
        }
        if (query.Types.Count > 0)
        {
            var types = query.Types.ToArray();
            rows = rows.Where(o => types.Contains(o.Type));
        }
        if (query.SpecVersions.Count > 0)
        {
            var specs = query.SpecVersions.ToArray();
            rows = rows.Where(o => specs.Contains(o.SpecVersion));
        }
        if (!query.All)
        {
            var versions = query.Versions.ToArray();
            // The common case gets a plain predicate; a combination, the disjunction.
            rows = (query.Last, query.First, versions.Length) switch
            {
                (true, false, 0) => rows.Where(o => o.IsLatest),
                (false, true, 0) => rows.Where(o => o.IsFirst),
                (false, false, _) => rows.Where(o => versions.Contains(o.Version)),
                _ => rows.Where(o => (query.Last && o.IsLatest) || (query.First && o.IsFirst) || versions.Contains(o.Version)),
            };
        }
        return rows;
    }
}
