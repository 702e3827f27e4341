using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Reports;
using Renkei.Storage;

namespace Renkei.Stix;

/// <summary>
/// An incident (事案) as STIX 2.1, for one reader, never stored: an <c>incident</c> object created
/// by the owning centre's or ministry's identity, and each linked report the reader may read
/// exactly as <see cref="ReportStix"/> exports it for them, tied to the incident by a
/// <c>related-to</c> relationship.
/// </summary>
/// <remarks>
/// <para>
/// Why relationships and not the reports' <c>object_refs</c>: a report's objects are the
/// reporter's account, with versions of their own; adding the incident to them would make a
/// second object with the same id and <c>modified</c> but other content, which STIX forbids
/// (§3.6). STIX 2.1 defines no incident-specific relationship to a report, and §4.6 leaves the
/// incident SDO a stub, so the common <c>related-to</c> (§5.1.3: usable between any two SDOs)
/// says what the link is: a desk judged the report to be part of this incident.
/// </para>
/// <para>
/// The reports come from <see cref="IncidentService.ReadableAsync"/>, the same list the incident
/// page shows, read through <see cref="ReportStix.ObjectsAsync"/> (the reader's own view: a
/// pseudonym for a reporter they may not know; reads of AMBER and RED reports audited). A linked
/// report the reader may not read leaves nothing: no object, no count, no influence on the
/// marking or on <c>modified</c>.
/// </para>
/// </remarks>
public sealed class IncidentStix(RenkeiDbContext db, IncidentService incidents, ReportStix reports)
{
    /// <summary>
    /// With nothing readable to take a TLP from: incidents are the desks' consolidation work
    /// (AccessPolicy.Incidents), shared within the reader's organisation at most.
    /// </summary>
    public const Tlp EmptyIncidentTlp = Tlp.Amber;

    /// <summary>The bundle, or null when the caller may not read the incident.</summary>
    public async Task<string?> BundleAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (await incidents.ReadableAsync(caller, id, ct) is not { } found)
        {
            return null;
        }
        var (incident, readable, _) = found;
        var exports = new List<(IncidentReport Link, ReportStix.Export Export)>();
        foreach (var link in readable.OrderBy(l => l.LinkedAt).ThenBy(l => l.ReportId))
        {
            // Readable a moment ago; should that have changed since, it is left out like any hidden report.
            if (await reports.ObjectsAsync(caller, link.ReportId, ct) is { } export)
            {
                exports.Add((link, export));
            }
        }
        var owner = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == incident.OwnerOrganisationId, ct);
        var by = StixExportIds.Organisation(owner.Id);

        // The strictest TLP of what is included: the incident says what its reports say.
        var tlp = exports.Count == 0 ? EmptyIncidentTlp : exports.Select(e => e.Export.Tlp).Max();
        var modified = Modified(incident, readable, exports.Select(e => e.Export.Modified));

        var name = "incident:" + id.ToString("D");
        var sdo = StixWriter.Sdo("incident", StixExportIds.Of("incident", name), incident.CreatedAt, modified, by, tlp);
        sdo["name"] = incident.Title;
        if (!string.IsNullOrWhiteSpace(incident.Summary))
        {
            sdo["description"] = incident.Summary;
        }
        sdo["labels"] = new JsonArray("renkei-incident", "state-" + EnumText.ToText(incident.State));
        sdo["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "renkei", ["external_id"] = id.ToString("D"), ["description"] = "Renkei incident" });
        var incidentId = sdo["id"]!.GetValue<string>();

        var all = new List<JsonObject> { TlpMarkings.Definition(tlp), StixWriter.Identity(owner), sdo };
        foreach (var (link, export) in exports)
        {
            // The link carries the incident's marking: it is part of what the incident says.
            all.Add(StixWriter.Relationship("related-to", incidentId, export.ReportId, link.LinkedAt, modified, by, tlp));
        }
        foreach (var (_, export) in exports)
        {
            all.AddRange(export.Objects);
        }
        // Marking definitions and identities shared by several reports appear once (the same object, the same version).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var objects = all.Where(o => seen.Add(o["id"]!.GetValue<string>())).Select(o => (JsonNode)o).ToArray();

        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            // Per view: the same incident read with other reports is another bundle.
            ["id"] = StixExportIds.Of("bundle", name + ":" + StixTime.Millis(modified) + ":" + string.Join(",", exports.Select(e => e.Export.ReportId))),
            ["objects"] = new JsonArray(objects),
        };
        return bundle.ToJsonString();
    }

    /// <summary>
    /// The incident's last change as this reader can know it: created, renamed, closed or
    /// reopened, a readable report linked or changed.
    /// </summary>
    /// <remarks>
    /// Linking a report also moves the incident's <c>UpdatedAt</c>, to the link's own time; when
    /// the last change was linking a report this reader may not read, that time is not theirs to
    /// learn and is left out. (A rename just before such a link is then dated by the reader's
    /// other changes only: incidents keep no separate time of their own last edit.)
    /// </remarks>
    private static DateTime Modified(Incident incident, IReadOnlyList<IncidentReport> readable, IEnumerable<DateTime> reportsModified)
    {
        var hiddenLinks = incident.Reports.Where(r => !readable.Contains(r)).Select(r => r.LinkedAt).ToHashSet();
        var times = new List<DateTime> { incident.CreatedAt };
        if (!hiddenLinks.Contains(incident.UpdatedAt))
        {
            times.Add(incident.UpdatedAt);
        }
        times.AddRange(readable.Select(r => r.LinkedAt));
        times.AddRange(reportsModified);
        return times.Max();
    }
}
