using System.Text.Json.Nodes;
using Renkei.Advisories;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Indicators;

namespace Renkei.Stix;

/// <summary>
/// A published advisory as STIX 2.1: a <c>report</c> naming everything else; an <c>indicator</c> per
/// typed indicator (with its pattern), a <c>vulnerability</c> per CVE, a <c>course-of-action</c>
/// for the recommended actions (mitigating each vulnerability), an <c>attack-pattern</c> for an
/// attack-technique advisory, a <c>note</c> per later revision's "what changed"; all marked with
/// the advisory's TLP and created by the issuer's <c>identity</c>.
/// </summary>
/// <remarks>
/// Ids are derived from the advisory and the content (<see cref="StixExportIds"/>), <c>created</c>
/// is the first publication, <c>modified</c> the revision that last changed the object: a partner
/// pulling again sees a new version only of what changed. A withdrawn advisory's objects are
/// re-issued revoked (§3.6.2), as STIX says a producer retracts what it shared.
/// </remarks>
internal static class AdvisoryStix
{
    public sealed record Revision(int Number, string? ChangeNote, DateTime PublishedAt);

    public static List<JsonObject> Objects(Advisory advisory, Organisation issuer, IReadOnlyList<Revision> revisions, DateTime at, bool revoked)
    {
        var c = advisory.Content;
        var created = advisory.PublishedAt ?? at;
        var by = StixExportIds.Organisation(issuer.Id);
        var tlp = advisory.Tlp;
        var name = "advisory:" + advisory.Id.ToString("D");
        var objects = new List<JsonObject>();
        var vulnerabilities = new List<string>();
        foreach (var indicator in c.Indicators)
        {
            if (indicator.Type == IndicatorType.Cve)
            {
                var id = StixExportIds.Of("vulnerability", $"{name}:cve:{indicator.Value}");
                vulnerabilities.Add(id);
                objects.Add(StixWriter.Vulnerability(id, indicator.Value, created, at, by, tlp));
                continue;
            }
            var indicatorId = StixExportIds.Of("indicator", $"{name}:indicator:{EnumText.ToText(indicator.Type)}:{indicator.Value}");
            if (StixWriter.Indicator(indicatorId, indicator, created, at, c.ValidFrom ?? created, c.ValidUntil, by, tlp) is { } o)
            {
                objects.Add(o);
            }
        }
        if (!string.IsNullOrWhiteSpace(c.RecommendedActions))
        {
            var coa = StixWriter.Sdo("course-of-action", StixExportIds.Of("course-of-action", name + ":recommended-actions"), created, at, by, tlp);
            coa["name"] = c.Language == "en" ? "Recommended actions: " + c.Title : "推奨対策: " + c.Title;
            coa["description"] = c.RecommendedActions;
            objects.Add(coa);
            foreach (var vulnerability in vulnerabilities)
            {
                objects.Add(StixWriter.Relationship("mitigates", coa["id"]!.GetValue<string>(), vulnerability, created, at, by, tlp));
            }
        }
        if (c.Kind == AdvisoryKind.AttackTechnique)
        {
            var pattern = StixWriter.Sdo("attack-pattern", StixExportIds.Of("attack-pattern", name + ":technique"), created, at, by, tlp);
            pattern["name"] = c.Title;
            pattern["description"] = c.Summary;
            objects.Add(pattern);
        }
        var report = StixWriter.Sdo("report", StixExportIds.Of("report", name), created, at, by, tlp);
        report["name"] = c.Title;
        report["description"] = Description(c);
        report["report_types"] = new JsonArray(c.Kind switch
        {
            AdvisoryKind.Vulnerability => "vulnerability",
            AdvisoryKind.AttackTechnique => "attack-pattern",
            // What was seen on the wire: report-type-ov's "observed-data" (STIX 2.1 §10.9).
            AdvisoryKind.AbnormalTraffic => "observed-data",
            // A DDoS announcement and a software fault are threat reports (the announcement is a threat, a fault is not a vulnerability).
            _ => "threat-report",
        });
        report["published"] = StixTime.Millis(created);
        report["labels"] = new JsonArray("renkei-advisory", "renkei-" + EnumText.ToText(c.Kind).Replace('_', '-'), "urgency-" + EnumText.ToText(advisory.Urgency));
        report["lang"] = c.Language;
        var references = new JsonArray(new JsonObject { ["source_name"] = "renkei", ["external_id"] = advisory.Id.ToString("D"), ["description"] = "Renkei advisory, revision " + advisory.Revision });
        foreach (var url in c.References)
        {
            references.Add(new JsonObject { ["source_name"] = "reference", ["url"] = url });
        }
        report["external_references"] = references;
        foreach (var revision in revisions.Where(r => r.Number > 1 && !string.IsNullOrWhiteSpace(r.ChangeNote)))
        {
            var note = StixWriter.Sdo("note", StixExportIds.Of("note", $"{name}:revision:{revision.Number}"), revision.PublishedAt, revision.PublishedAt, by, tlp);
            note["abstract"] = c.Language == "en" ? $"Revision {revision.Number}" : $"第{revision.Number}版";
            note["content"] = revision.ChangeNote;
            note["object_refs"] = new JsonArray(report["id"]!.GetValue<string>());
            objects.Add(note);
        }
        report["object_refs"] = new JsonArray(objects.Where(o => o["type"]!.GetValue<string>() != "note").Select(o => (JsonNode)JsonValue.Create(o["id"]!.GetValue<string>())!).ToArray());
        if (report["object_refs"]!.AsArray().Count == 0)
        {
            // A report must refer to something (§4.14): an advisory without objects refers to its issuer.
            report["object_refs"] = new JsonArray(by);
        }
        objects.Insert(0, report);
        if (revoked)
        {
            foreach (var o in objects)
            {
                // Revoking is a new version of every object, the notes of earlier revisions too.
                o["revoked"] = true;
                o["modified"] = StixTime.Millis(at);
            }
        }
        return objects;
    }

    private static string Description(AdvisoryContent c)
    {
        var parts = new List<string> { c.Summary };
        if (!string.IsNullOrWhiteSpace(c.Body))
        {
            parts.Add(c.Body);
        }
        if (c.AffectedProducts.Count > 0)
        {
            parts.Add((c.Language == "en" ? "Affected products: " : "影響を受ける製品: ") + string.Join(", ", c.AffectedProducts));
        }
        return string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
