using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Stix;
using Renkei.Taxii;

namespace Renkei.Access;

/// <summary>
/// A TAXII collection's objects. A collection only says where to look: each row is as visible as
/// its source (an advisory or indicator set the caller may read, shared with the collection's
/// audience entry), so the page walk that drops the other rows lives here, with the policy.
/// </summary>
/// <remarks>
/// The walk reads the collection's entries in <c>seq</c> order from the cursor and keeps the rows
/// whose source is in the caller's list of shared sources, read once per page; it reads on until
/// the page is full or the collection ends, so hidden rows never shorten a page and a page costs
/// what it returns, wherever it starts. <c>added_after</c> becomes a starting <c>seq</c> through
/// the <c>date_added</c> index, which is sound because both increase together; for the same
/// reason the page's first and last date_added (its headers) are those of its first and last
/// <c>seq</c>, read by key rather than converted for every row.
/// </remarks>
public sealed partial class AccessPolicy
{
    /// <summary>
    /// One page of the collection for the caller: rows after the cursor that pass
    /// <paramref name="filter"/> (the request's match parameters), in the columns the shape writes.
    /// </summary>
    public async Task<TaxiiPage> CollectionPageAsync(
        Caller caller, TaxiiCollection collection, long after, DateTime? addedAfter, int limit,
        Func<IQueryable<StixObjectRecord>, IQueryable<StixObjectRecord>> filter, TaxiiShape shape, CancellationToken ct = default)
    {
        var from = after;
        if (addedAfter is { } added)
        {
            // The first row added after: one step into the date_added index (seq follows date_added).
            var floor = await db.StixObjects.Where(o => o.DateAdded > added).OrderBy(o => o.DateAdded).Select(o => (long?)o.Seq).FirstOrDefaultAsync(ct);
            if (floor is null)
            {
                return TaxiiPage.Empty;
            }
            from = Math.Max(from, floor.Value - 1);
        }
        var visible = (await SharedSources(caller, collection.Member).ToListAsync(ct)).ToHashSet();
        visible.Add(TaxiiCollections.CommonSourceId);

        // Rows come with what the shape writes in one walk; rows of sources the caller may not
        // read are dropped and the walk goes on. Usually the first batch is the page.
        var chosen = new List<TaxiiEntry>(limit + 1);
        var cursor = from;
        while (chosen.Count <= limit)
        {
            var want = limit + 1 - chosen.Count;
            var batch = await Read(CollectionRows(collection.Key, filter, cursor).Take(want), shape, ct);
            chosen.AddRange(batch.Where(c => visible.Contains(c.SourceId)).Select(c => c.Entry));
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

    /// <summary>The collection's rows after the cursor, in entry order, with the filters the store can apply.</summary>
    private IQueryable<StixObjectRecord> CollectionRows(string key, Func<IQueryable<StixObjectRecord>, IQueryable<StixObjectRecord>> filter, long after) =>
        // Ordered by the entry's key (collection, seq): the walk follows that index and needs no sort.
        db.StixCollectionEntries
            .Where(e => e.CollectionKey == key && e.Seq > after)
            .Join(filter(db.StixObjects), e => e.Seq, o => o.Seq, (e, o) => new EntryRow { Entry = e, Row = o })
            .OrderBy(x => x.Entry.Seq)
            .Select(x => x.Row);

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

    private sealed class EntryRow
    {
        public required StixCollectionEntry Entry { get; init; }
        public required StixObjectRecord Row { get; init; }
    }
}
