using System.Text.Json.Nodes;
using Renkei.Storage;

namespace Renkei.Advisories;

/// <summary>Which content fields differ between two revisions (the JSON property names, as the API spells them).</summary>
internal static class AdvisoryDiff
{
    public static List<string> Changed(AdvisoryContent before, AdvisoryContent after)
    {
        var a = JsonNode.Parse(JsonColumn<AdvisoryContent>.Serialize(before))!.AsObject();
        var b = JsonNode.Parse(JsonColumn<AdvisoryContent>.Serialize(after))!.AsObject();
        return b.Where(p => !JsonNode.DeepEquals(p.Value, a[p.Key])).Select(p => p.Key).ToList();
    }
}
