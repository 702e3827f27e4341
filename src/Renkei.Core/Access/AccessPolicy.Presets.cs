using Renkei.Presets;

namespace Renkei.Access;

public sealed partial class AccessPolicy
{
    /// <summary>
    /// An organisation's own content presets: read by its members who may use them — advisory
    /// presets by those who issue advisories, report presets by those who file reports.
    /// </summary>
    /// <remarks>
    /// A preset is the organisation's working draft of how it words an advisory or a report, not
    /// something it shares: no other organisation, and no platform administrator, reads it.
    /// Renkei's defaults are reference data and need no policy.
    /// </remarks>
    public IQueryable<ContentPreset> ContentPresets(Caller? caller)
    {
        if (caller is null)
        {
            return db.ContentPresets.Where(_ => false);
        }
        var org = caller.OrganisationId;
        var advisory = Permissions.UseContentPresets(caller, ContentPresetTarget.Advisory);
        var report = Permissions.UseContentPresets(caller, ContentPresetTarget.Report);
        return db.ContentPresets.Where(p => p.OrganisationId == org
            && ((advisory && p.Target == ContentPresetTarget.Advisory) || (report && p.Target == ContentPresetTarget.Report)));
    }
}
