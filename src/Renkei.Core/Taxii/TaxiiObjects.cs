using Renkei.Access;
using Renkei.Stix;

namespace Renkei.Taxii;

/// <summary>Reads of a collection's objects: pages, manifests, one object, its versions.</summary>
/// <remarks>
/// This class turns the request into the store's filters; which rows the caller may read, and the
/// page walk that drops the others, are the access policy's
/// (<see cref="AccessPolicy.CollectionPageAsync"/>).
/// </remarks>
public sealed class TaxiiObjects(AccessPolicy access)
{
    public Task<TaxiiPage> PageAsync(Caller caller, TaxiiCollection collection, TaxiiQuery query, TaxiiShape shape, string? stixId = null, CancellationToken ct = default) =>
        access.CollectionPageAsync(caller, collection, query.After ?? 0, query.AddedAfter, Math.Clamp(query.Limit, 1, TaxiiLimits.MaxPageSize), rows => Filtered(rows, query, stixId), shape, ct);

    /// <summary>The request's filters that the store can apply.</summary>
    private static IQueryable<StixObjectRecord> Filtered(IQueryable<StixObjectRecord> rows, TaxiiQuery query, string? stixId)
    {
        var objects = MatchVersions(rows, query);
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
        return objects;
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
}
