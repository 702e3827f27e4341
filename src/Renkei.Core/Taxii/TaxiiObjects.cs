using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Stix;
using Renkei.Storage;

namespace Renkei.Taxii;

/// <summary>Reads of a collection's objects: pages, manifests, one object, its versions.</summary>
/// <remarks>
/// A page walks the collection's entries in <c>seq</c> order from the cursor
/// (<see cref="StixCollectionEntry"/>) and keeps the rows whose record the caller may read, as
/// the one access policy lists them (<see cref="TaxiiCollections.Sources"/>); it reads on until
/// the page is full or the collection ends, so hidden rows never shorten a page and a page costs
/// what it returns, wherever it starts. <c>added_after</c> becomes a starting <c>seq</c> through
/// the <c>date_added</c> index, which is sound because both increase together; for the same
/// reason the page's first and last date_added (its headers) are those of its first and last
/// <c>seq</c>, read by key rather than converted for every row.
/// </remarks>
public sealed class TaxiiObjects(RenkeiDbContext db, TaxiiCollections collections)
{
    public async Task<TaxiiPage> PageAsync(Caller caller, TaxiiCollection collection, TaxiiQuery query, TaxiiShape shape, string? stixId = null, CancellationToken ct = default)
    {
        var from = query.After ?? 0;
        if (query.AddedAfter is { } after)
        {
            // The first row added after: one step into the date_added index (seq follows date_added).
            var floor = await db.StixObjects.Where(o => o.DateAdded > after).OrderBy(o => o.DateAdded).Select(o => (long?)o.Seq).FirstOrDefaultAsync(ct);
            if (floor is null)
            {
                return TaxiiPage.Empty;
            }
            from = Math.Max(from, floor.Value - 1);
        }
        var visible = (await collections.Sources(caller, collection).ToListAsync(ct)).ToHashSet();
        visible.Add(TaxiiCollections.CommonSourceId);
        var limit = Math.Clamp(query.Limit, 1, TaxiiLimits.MaxPageSize);

        // Rows come with what the shape writes in one walk; rows of records the caller may not
        // read are dropped and the walk goes on. Usually the first batch is the page.
        var chosen = new List<TaxiiEntry>(limit + 1);
        var cursor = from;
        while (chosen.Count <= limit)
        {
            var want = limit + 1 - chosen.Count;
            var batch = await Read(Filtered(collection.Key, query, stixId, cursor).Take(want), shape, ct);
            foreach (var c in batch)
            {
                if (visible.Contains(c.SourceId))
                {
                    chosen.Add(c.Entry);
                }
            }
            if (batch.Count < want)
            {
                break;
            }
            cursor = batch[^1].Entry.Seq;
        }
        var more = chosen.Count > limit;
        if (more)
        {
            chosen.RemoveAt(chosen.Count - 1);
        }
        if (chosen.Count == 0)
        {
            return TaxiiPage.Empty;
        }
        var (first, last) = await AddedRangeAsync(chosen, ct);
        return new TaxiiPage(chosen, more, more ? chosen[^1].Seq.ToString(CultureInfo.InvariantCulture) : null, first, last);
    }

    /// <summary>
    /// Only the columns the shape writes: an object page copies the stored JSON and needs neither
    /// the version nor date_added of each row (converting 2,000 timestamps was the larger part of
    /// reading a page of 1,000).
    /// </summary>
    private static Task<List<Candidate>> Read(IQueryable<StixObjectRecord> rows, TaxiiShape shape, CancellationToken ct) => shape switch
    {
        TaxiiShape.Objects => rows.Select(x => new Candidate(x.SourceId, new TaxiiEntry(x.Seq, null, null, null, x.Json))).ToListAsync(ct),
        TaxiiShape.Manifest => rows.Select(x => new Candidate(x.SourceId, new TaxiiEntry(x.Seq, x.StixId, x.Version, x.DateAdded, null))).ToListAsync(ct),
        _ => rows.Select(x => new Candidate(x.SourceId, new TaxiiEntry(x.Seq, null, x.Version, null, null))).ToListAsync(ct),
    };

    /// <summary>The date_added of the page's first and last entries (the X-TAXII-Date-Added-* headers), read by key when the shape did not read them.</summary>
    private async Task<(DateTime First, DateTime Last)> AddedRangeAsync(List<TaxiiEntry> chosen, CancellationToken ct)
    {
        if (chosen[0].DateAdded is { } first && chosen[^1].DateAdded is { } last)
        {
            return (first, last);
        }
        long a = chosen[0].Seq, b = chosen[^1].Seq;
        var added = await db.StixObjects.Where(o => o.Seq == a || o.Seq == b).Select(o => new { o.Seq, o.DateAdded }).ToListAsync(ct);
        return (added.First(x => x.Seq == a).DateAdded, added.First(x => x.Seq == b).DateAdded);
    }

    private sealed record Candidate(Guid SourceId, TaxiiEntry Entry);

    /// <summary>The collection's rows after the cursor, in entry order, with the filters that the store can apply.</summary>
    private IQueryable<StixObjectRecord> Filtered(string key, TaxiiQuery query, string? stixId, long after)
    {
        var objects = MatchVersions(db.StixObjects, query);
        if (stixId is not null)
        {
            objects = objects.Where(o => o.StixId == stixId);
        }
        if (query.Ids.Count > 0)
        {
            var ids = query.Ids.ToArray();
            objects = objects.Where(o => ids.Contains(o.StixId));
        }
        if (query.Types.Count > 0)
        {
            var types = query.Types.ToArray();
            objects = objects.Where(o => types.Contains(o.Type));
        }
        if (query.SpecVersions.Count > 0)
        {
            var specs = query.SpecVersions.ToArray();
            objects = objects.Where(o => specs.Contains(o.SpecVersion));
        }
        // Ordered by the entry's key (collection, seq): the walk follows that index and needs no sort.
        return db.StixCollectionEntries
            .Where(e => e.CollectionKey == key && e.Seq > after)
            .Join(objects, e => e.Seq, o => o.Seq, (e, o) => new EntryRow { Entry = e, Row = o })
            .OrderBy(x => x.Entry.Seq)
            .Select(x => x.Row);
    }

    /// <summary><c>match[version]</c>: last (the default), first, exact timestamps, any combination; <c>all</c> filters nothing.</summary>
    public static IQueryable<StixObjectRecord> MatchVersions(IQueryable<StixObjectRecord> rows, TaxiiQuery query)
    {
        if (query.All)
        {
            return rows;
        }
        var versions = query.Versions.ToArray();
        // The common case gets a plain predicate; a combination, the disjunction.
        return (query.Last, query.First, versions.Length) switch
        {
            (true, false, 0) => rows.Where(o => o.IsLatest),
            (false, true, 0) => rows.Where(o => o.IsFirst),
            (false, false, _) => rows.Where(o => versions.Contains(o.Version)),
            _ => rows.Where(o => (query.Last && o.IsLatest) || (query.First && o.IsFirst) || versions.Contains(o.Version)),
        };
    }

    private sealed class EntryRow
    {
        public required StixCollectionEntry Entry { get; init; }
        public required StixObjectRecord Row { get; init; }
    }
}
