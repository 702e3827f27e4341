using Microsoft.EntityFrameworkCore;
using Renkei.Advisories;
using Renkei.Stix;

namespace Renkei.Access;

/// <summary>
/// Advisories and indicator sets, and the STIX objects each is the source of. An object is as
/// visible as its source: found once, read through the handle.
/// </summary>
public sealed partial class AccessPolicy
{
    /// <summary>One advisory the caller may read; null if it does not exist for them.</summary>
    public async Task<VisibleAdvisory?> AdvisoryAsync(Caller? caller, Guid id, CancellationToken ct = default) =>
        await Advisories(caller).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } advisory
            ? new VisibleAdvisory(advisory, caller)
            : null;

    /// <summary>The advisory's published revisions.</summary>
    public IQueryable<AdvisoryRevision> AdvisoryRevisions(VisibleAdvisory advisory)
    {
        var id = advisory.Id;
        return db.AdvisoryRevisions.Where(r => r.AdvisoryId == id);
    }

    /// <summary>One imported set the caller may read; null if it does not exist for them.</summary>
    public async Task<VisibleIndicatorSet?> IndicatorSetAsync(Caller? caller, Guid id, CancellationToken ct = default) =>
        caller is not null && await IndicatorSets(caller).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } set
            ? new VisibleIndicatorSet(set, caller)
            : null;

    /// <summary>The latest version of each STIX object the set brought.</summary>
    public IQueryable<StixObjectRecord> SourceObjects(VisibleIndicatorSet set) => LatestOf(set.Id);

    /// <summary>The latest version of each STIX object the advisory was exported as.</summary>
    public IQueryable<StixObjectRecord> SourceObjects(VisibleAdvisory advisory) => LatestOf(advisory.Id);

    /// <summary>
    /// The objects every bundle may cite — TLP marking definitions and the identities of issuers:
    /// they name no one's report and are added to a bundle only where its objects refer to them.
    /// </summary>
    public IQueryable<StixObjectRecord> CommonStixObjects() =>
        db.StixObjects.Where(o => o.SourceId == Taxii.TaxiiCollections.CommonSourceId && o.IsLatest);

    private IQueryable<StixObjectRecord> LatestOf(Guid sourceId) => db.StixObjects.Where(o => o.SourceId == sourceId && o.IsLatest);
}
