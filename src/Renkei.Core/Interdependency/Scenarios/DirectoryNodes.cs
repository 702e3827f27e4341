using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Common;
using Renkei.Interdependency.Cascade;

namespace Renkei.Interdependency.Scenarios;

/// <summary>
/// The directory's organisations as the operator graph's nodes: a node's <c>organisation</c> names an
/// organisation of the directory — by id, code, or Japanese or English name — and a starting graph
/// can be taken from the directory itself. The engines know nothing of the directory; the platform
/// checks this when a scenario is saved or run in the application (the CLI, without a database,
/// carries the field unchecked).
/// </summary>
public sealed class DirectoryNodes(AccessPolicy access)
{
    /// <summary>Errors, keyed by the node's JSON path in the document, for organisations the directory does not have.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(string document, Caller caller, string prefix, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var named = new List<(int Index, string Value)>();
        using (var parsed = JsonDocument.Parse(document))
        {
            if (!parsed.RootElement.TryGetProperty("graph", out var graph) || !graph.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
            {
                return errors;
            }
            var i = 0;
            foreach (var node in nodes.EnumerateArray())
            {
                if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("organisation", out var org) && org.ValueKind == JsonValueKind.String && org.GetString() is { Length: > 0 } value)
                {
                    named.Add((i, value.Trim()));
                }
                i++;
            }
        }
        if (named.Count == 0)
        {
            return errors;
        }
        var values = named.Select(n => n.Value).Distinct(StringComparer.Ordinal).ToList();
        var ids = values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var known = (await access.Organisations(caller)
                .Where(o => ids.Contains(o.Id) || (o.Code != null && values.Contains(o.Code)) || values.Contains(o.NameJa) || values.Contains(o.NameEn))
                .Select(o => new { o.Id, o.Code, o.NameJa, o.NameEn }).ToListAsync(ct))
            .SelectMany(o => new[] { o.Id.ToString("D"), o.Code, o.NameJa, o.NameEn })
            .Where(v => v is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (index, value) in named.Where(n => !known.Contains(n.Value)).Take(CascadeLimits.MaxErrors))
        {
            InputValidation.Add(errors, $"{prefix}graph.nodes[{index}].organisation", Text.T("\"{0}\" is not an organisation in the directory (give its id, code or name)", value));
        }
        return errors;
    }

    /// <summary>Every organisation of the directory (optionally of one sector) as a node, without dependencies: a graph to complete.</summary>
    public async Task<CascadeGraphInput> TemplateAsync(Caller caller, string? sector, CancellationToken ct = default)
    {
        var organisations = access.Organisations(caller);
        if (!string.IsNullOrEmpty(sector))
        {
            organisations = organisations.Where(o => o.SectorCode == sector);
        }
        var english = !Text.InJapanese;
        var nodes = await organisations.OrderBy(o => o.SectorCode).ThenBy(o => o.NameJa)
            .Select(o => new { o.Id, o.NameJa, o.NameEn, o.SectorCode }).ToListAsync(ct);
        return new CascadeGraphInput(
            nodes.Select(o => new CascadeNodeInput(o.Id.ToString("D"), o.Id.ToString("D"), english ? o.NameEn : o.NameJa, o.SectorCode, null, null)).ToList(),
            []);
    }
}
