using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Indicators;
using Renkei.Reports;
using Renkei.Storage;

namespace Renkei.Stix;

/// <summary>
/// An incident report as STIX 2.1, for one reader: built from the report as that reader sees it
/// (<see cref="ReportQueries.GetAsync(Caller, Guid, CancellationToken)"/>), never stored. The producer is the reporting
/// organisation's identity only when the reader may know it; otherwise a pseudonymous identity
/// derived from the report alone. What was observed becomes <c>observed-data</c> with its
/// cyber-observables, each with an <c>indicator</c> based on it; CVEs become vulnerabilities.
/// </summary>
public sealed class ReportStix(RenkeiDbContext db, ReportQueries reports)
{
    /// <summary>
    /// A report's export for one reader: its TLP, its <c>report</c> object's id, when it last
    /// changed, and every object of the bundle (marking definition and producer first).
    /// </summary>
    public sealed record Export(Tlp Tlp, string ReportId, DateTime Modified, IReadOnlyList<JsonObject> Objects);

    /// <summary>The bundle, or null when the caller may not read the report.</summary>
    public async Task<string?> BundleAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        if (await ObjectsAsync(caller, id, ct) is not { } export)
        {
            return null;
        }
        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = StixExportIds.Of("bundle", "report:" + id.ToString("D") + ":" + StixTime.Millis(export.Modified)),
            ["objects"] = new JsonArray(export.Objects.Select(o => (JsonNode)o).ToArray()),
        };
        return bundle.ToJsonString();
    }

    /// <summary>The report's objects as the caller may see them (the read is audited like any other); null when they may not read it.</summary>
    public async Task<Export?> ObjectsAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        var view = await reports.GetAsync(caller, id, ct);
        if (view is null)
        {
            return null;
        }
        var c = view.Content;
        var tlp = view.Tlp;
        var created = view.CreatedAt;
        var modified = view.UpdatedAt;
        var name = "report:" + id.ToString("D");
        JsonObject producer;
        if (view.Reporter.Disclosed && view.Reporter.OrganisationId is { } orgId && await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) is { } org)
        {
            producer = StixWriter.Identity(org);
        }
        else
        {
            producer = new JsonObject
            {
                ["type"] = "identity",
                ["spec_version"] = StixTime.SpecVersion,
                ["id"] = StixExportIds.Pseudonym(id),
                ["created"] = StixTime.Millis(created),
                ["modified"] = StixTime.Millis(created),
                ["name"] = $"{view.Reporter.NameJa} ({view.Reporter.NameEn})",
                ["identity_class"] = "organization",
            };
            if (StixSectors.Of(c.SectorCode) is { } sector)
            {
                producer["sectors"] = new JsonArray(sector);
            }
        }
        var by = producer["id"]!.GetValue<string>();
        var objects = new List<JsonObject>();
        var observables = new List<JsonObject>();
        foreach (var indicator in c.Indicators)
        {
            if (indicator.Type == IndicatorType.Cve)
            {
                objects.Add(StixWriter.Vulnerability(StixExportIds.Of("vulnerability", $"{name}:cve:{indicator.Value}"), indicator.Value, created, modified, by, tlp));
                continue;
            }
            if (StixObservables.ForIndicator(indicator) is { } sco)
            {
                sco["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(tlp));
                observables.Add(sco);
            }
        }
        if (observables.Count > 0)
        {
            var first = c.StartedAt ?? c.AwareAt ?? view.SubmittedAt ?? created;
            var last = c.EndedAt is { } end && end >= first ? end : (modified >= first ? modified : first);
            var observed = StixWriter.Sdo("observed-data", StixExportIds.Of("observed-data", name + ":observed"), created, modified, by, tlp);
            observed["first_observed"] = StixTime.Millis(first);
            observed["last_observed"] = StixTime.Millis(last);
            observed["number_observed"] = 1;
            observed["object_refs"] = new JsonArray(observables.Select(o => (JsonNode)JsonValue.Create(o["id"]!.GetValue<string>())!).ToArray());
            objects.Add(observed);
            foreach (var indicator in c.Indicators.Where(i => i.Type != IndicatorType.Cve))
            {
                var indicatorId = StixExportIds.Of("indicator", $"{name}:indicator:{EnumText.ToText(indicator.Type)}:{indicator.Value}");
                if (StixWriter.Indicator(indicatorId, indicator, created, modified, first, null, by, tlp) is { } o)
                {
                    objects.Add(o);
                    objects.Add(StixWriter.Relationship("based-on", indicatorId, observed["id"]!.GetValue<string>(), created, modified, by, tlp));
                }
            }
        }
        var report = StixWriter.Sdo("report", StixExportIds.Of("report", name), created, modified, by, tlp);
        report["name"] = c.Title;
        report["description"] = string.Join("\n\n", new[] { c.Status, c.Cause, c.InterimMeasures, c.Countermeasures, c.RecoveryOutlook }.Where(s => !string.IsNullOrWhiteSpace(s)));
        report["report_types"] = new JsonArray("threat-report");
        report["published"] = StixTime.Millis(view.SubmittedAt ?? created);
        var labels = new JsonArray("renkei-incident-report", "renkei-" + EnumText.ToText(c.Kind).Replace('_', '-'));
        if (!string.IsNullOrEmpty(c.ThreatCategory))
        {
            labels.Add("threat-" + c.ThreatCategory);
        }
        report["labels"] = labels;
        report["lang"] = c.Language;
        report["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "renkei", ["external_id"] = id.ToString("D"), ["description"] = "Renkei incident report" });
        var refs = objects.Concat(observables).Select(o => (JsonNode)JsonValue.Create(o["id"]!.GetValue<string>())!).ToArray();
        report["object_refs"] = refs.Length > 0 ? new JsonArray(refs) : new JsonArray(by);
        if (report["description"]!.GetValue<string>().Length == 0)
        {
            report.Remove("description");
        }

        var all = new List<JsonObject> { TlpMarkings.Definition(tlp), producer, report };
        all.AddRange(objects);
        all.AddRange(observables);
        return new Export(tlp, report["id"]!.GetValue<string>(), modified, all);
    }
}
