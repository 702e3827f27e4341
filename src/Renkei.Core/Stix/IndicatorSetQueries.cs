using System.Text;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Storage;

namespace Renkei.Stix;

/// <summary>One stored object as lists show it: enough to recognise it without opening the JSON.</summary>
public sealed record StixObjectSummary(string Id, string Type, string? Name, string? Pattern, DateTime Version, DateTime DateAdded);

public sealed record IndicatorSetDetail(IndicatorSetView Set, IReadOnlyList<AudienceEntryView> Audience, string OwnerNameJa, string OwnerNameEn, Page<StixObjectSummary> Objects);

/// <summary>Reads of imported sets and of any source's objects as a bundle, through the access policy.</summary>
public sealed class IndicatorSetQueries(RenkeiDbContext db, AccessPolicy access, AudienceBuilder audiences)
{
    public async Task<Page<IndicatorSetView>> ListAsync(Caller caller, int offset, int limit, CancellationToken ct = default)
    {
        var visible = access.IndicatorSets(caller);
        var total = await visible.CountAsync(ct);
        var rows = await visible.OrderByDescending(s => s.ImportedAt).Skip(offset).Take(limit).ToListAsync(ct);
        return new Page<IndicatorSetView>(rows.Select(s => View(s)).ToList(), total, offset, limit);
    }

    public async Task<IndicatorSetDetail?> GetAsync(Caller caller, Guid id, int offset, int limit, CancellationToken ct = default)
    {
        var visible = await access.IndicatorSetAsync(caller, id, ct);
        if (visible is null)
        {
            return null;
        }
        var set = visible.Set;
        var owner = await db.Organisations.Where(o => o.Id == set.OwnerOrganisationId).Select(o => new { o.NameJa, o.NameEn }).FirstAsync(ct);
        var objects = access.SourceObjects(visible);
        var total = await objects.CountAsync(ct);
        var page = await objects.OrderBy(o => o.Seq).Skip(offset).Take(limit).Select(o => new { o.StixId, o.Type, o.Json, o.Version, o.DateAdded }).ToListAsync(ct);
        var summaries = page.Select(o => Summarise(o.StixId, o.Type, o.Json, o.Version, o.DateAdded)).ToList();
        var audience = await audiences.DescribeAsync(set.AudienceId, ct);
        return new IndicatorSetDetail(View(set), audience, owner.NameJa, owner.NameEn, new Page<StixObjectSummary>(summaries, total, offset, limit));
    }

    /// <summary>The set as a STIX bundle (the latest version of each object), or null when the caller may not read it.</summary>
    public async Task<string?> BundleAsync(Caller caller, Guid id, CancellationToken ct = default) =>
        await access.IndicatorSetAsync(caller, id, ct) is { } set
            ? await StixBundles.WriteAsync(access.SourceObjects(set), access.CommonStixObjects(), set.Id, set.Set.BundleId, ct)
            : null;

    private static StixObjectSummary Summarise(string id, string type, string json, DateTime version, DateTime added)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return new StixObjectSummary(id, type, StixParsing.Str(doc.RootElement, "name") ?? StixParsing.Str(doc.RootElement, "value"), StixParsing.Str(doc.RootElement, "pattern"), version, added);
    }

    public static IndicatorSetView View(IndicatorSet s, int alreadyPresent = 0) =>
        new(s.Id, s.Title, s.Tlp, s.Channel, s.BundleId, s.Producer, s.ObjectCount, s.IndicatorCount, s.Sha256, s.ImportedAt, alreadyPresent);
}

/// <summary>Writes a source's stored objects as one STIX bundle, with the common objects (markings, identities) they refer to.</summary>
public static class StixBundles
{
    /// <param name="objects">The source's objects, from the access policy's handle for it.</param>
    /// <param name="commonObjects">The markings and identities bundles may cite (<see cref="AccessPolicy.CommonStixObjects"/>).</param>
    public static async Task<string> WriteAsync(IQueryable<StixObjectRecord> objects, IQueryable<StixObjectRecord> commonObjects, Guid sourceId, string? bundleId, CancellationToken ct)
    {
        var rows = await objects.OrderBy(o => o.Seq).Select(o => o.Json).ToListAsync(ct);
        var referenced = rows.SelectMany(References).ToHashSet(StringComparer.Ordinal);
        var common = referenced.Count == 0
            ? []
            : await commonObjects.Where(o => referenced.Contains(o.StixId)).OrderBy(o => o.Seq).Select(o => o.Json).ToListAsync(ct);
        var sb = new StringBuilder();
        sb.Append("{\"type\":\"bundle\",\"id\":\"").Append(bundleId ?? StixIds.For("bundle", StixExportIds.Namespace, "source:" + sourceId.ToString("D"))).Append("\",\"objects\":[");
        var first = true;
        foreach (var json in common.Concat(rows))
        {
            if (!first)
            {
                sb.Append(',');
            }
            sb.Append(json);
            first = false;
        }
        return sb.Append("]}").ToString();
    }

    private static IEnumerable<string> References(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var o = doc.RootElement;
        var list = new List<string>();
        if (StixParsing.Str(o, "created_by_ref") is { } creator)
        {
            list.Add(creator);
        }
        if (o.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            list.AddRange(refs.EnumerateArray().Where(r => r.ValueKind == System.Text.Json.JsonValueKind.String).Select(r => r.GetString()!));
        }
        return list;
    }
}
