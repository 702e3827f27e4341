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

    /// <summary>
    /// The advisory's delivery records: the issuing organisation reads every recipient's (who read,
    /// acknowledged, answered); a recipient reads only its own, never another's response.
    /// </summary>
    public IQueryable<AdvisoryDelivery> AdvisoryDeliveries(VisibleAdvisory advisory)
    {
        var id = advisory.Id;
        var all = db.AdvisoryDeliveries.Where(d => d.AdvisoryId == id);
        if (advisory.IssuedByCallersOrganisation)
        {
            return all;
        }
        if (advisory.Caller is not { } caller)
        {
            return all.Where(_ => false);
        }
        var org = caller.OrganisationId;
        return all.Where(d => d.OrganisationId == org);
    }

    /// <summary>
    /// The published advisories and indicator sets the caller may read that were shared with one
    /// audience entry — or, without an entry, those marked TLP:CLEAR (the public collection). A
    /// TAXII collection is this list: it can only narrow what the caller reads elsewhere.
    /// </summary>
    public IQueryable<Guid> SharedSources(Caller caller, AudienceMember? entry)
    {
        var advisories = Advisories(caller).Where(a => a.State != AdvisoryState.Draft);
        var sets = IndicatorSets(caller);
        if (entry is { } m)
        {
            var audiences = db.AudienceMembers.Where(x => x.Kind == m.Kind && x.Key == m.Key).Select(x => x.AudienceId);
            advisories = advisories.Where(a => audiences.Contains(a.AudienceId));
            sets = sets.Where(s => audiences.Contains(s.AudienceId));
        }
        else
        {
            advisories = advisories.Where(a => a.Tlp == Tlp.Clear);
            sets = sets.Where(s => s.Tlp == Tlp.Clear);
        }
        return advisories.Select(a => a.Id).Concat(sets.Select(s => s.Id));
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

    /// <summary>
    /// The indicator index, as far as it points into records the caller may read: a sighting in
    /// a record the caller may not read leaves no trace, not even in a count (it could tell that
    /// an anonymised report or a closed community's set names the indicator).
    /// </summary>
    public IQueryable<Correlation.IndicatorOccurrence> IndicatorOccurrences(Caller caller)
    {
        var readableReports = Reports(caller).Select(r => r.Id);
        var readableAdvisories = Advisories(caller).Select(a => a.Id);
        var readableSets = IndicatorSets(caller).Select(s => s.Id);
        return db.IndicatorOccurrences.Where(o =>
            (o.SourceKind == Correlation.OccurrenceSource.Report && readableReports.Contains(o.SourceId))
            || (o.SourceKind == Correlation.OccurrenceSource.Advisory && readableAdvisories.Contains(o.SourceId))
            || (o.SourceKind == Correlation.OccurrenceSource.IndicatorSet && readableSets.Contains(o.SourceId)));
    }

    /// <summary>The indicators one set the caller may read carries (by key: a set may hold 100,000).</summary>
    public IQueryable<Correlation.IndicatorOccurrence> IndicatorOccurrences(VisibleIndicatorSet set)
    {
        var id = set.Id;
        return db.IndicatorOccurrences.Where(o => o.SourceId == id);
    }

    private IQueryable<StixObjectRecord> LatestOf(Guid sourceId) => db.StixObjects.Where(o => o.SourceId == sourceId && o.IsLatest);
}
